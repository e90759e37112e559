"""Find attributions in a parsed report: who (source) says (cue) what (content).

Works on a spaCy ``Doc`` with a dependency parse (``sitrep.nlp.pipeline.load()``). Each cue
listed in ``data/reporting_cues.tsv`` is tied to its source and content through the parse.
Frames (``Attribution.frame``):

- ``verb``: "X said (that) ...", "X told reporters ...", "X, quoted by Y, said ...",
  subjects shared along a clause ("X criticised Y, saying ...", "X announced ... and
  said ..."), passives ("it was reported by X", "X was quoted as saying ...");
- ``inverted``: "..., X said." and "..., said X, spokesman of Y, on the 30th."; also
  "..., X reported on Wednesday." read from the words alone where the parser hangs the
  cue on another verb;
- ``noun``: "X released a statement (on the same day) that ...", "X's statement said ...",
  "a statement from X said ...", "X's claim that ...";
- ``adjective``: "X was critical of ...";
- ``according_to`` (and the other prepositional cues): "according to X, ...";
- ``headline``: title-case "X Says ..." where the parser misses the verb;
- ``colon``: "X: ..." headlines and transcripts.

Source spans follow the PolNeAR annotation guidelines: the whole noun phrase with its
determiners, appositions and identifying modifiers, without comma-set-off relative clauses
or adverbials; a relative pronoun stands for itself ("who said"), its antecedent goes to
``source_head``. As in the guidelines, attributions nested in quoted speech or in the
clause another source is said to have said are dropped.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...errors import BadOption

if TYPE_CHECKING:
    from spacy.tokens import Doc

from .base import Attribution, _Context, _Found, lexicon
from .frames import (
    _adjective_cues,
    _colon_cue,
    _headline_cue,
    _noun_cues,
    _prep_cues,
    _trailing_cue,
)
from .spans import _build, _outermost, quote_regions
from .verbs import _verb_cues

__all__ = ["Attribution", "find_attributions", "lexicon", "quote_regions"]


def find_attributions(doc: Doc, *, nested: bool = False) -> list[Attribution]:
    """Every outermost attribution in ``doc``, in text order. Callers after statements
    only (claimants) can skip ``kind`` "action", which PolNeAR counts but reports do not.

    ``nested`` also keeps attributions inside the content of "according to X": PolNeAR's
    guidelines drop them, but in "According to SPA, the coalition said on the 20th that
    ..." the figure is the coalition's claim, relayed by SPA. Cues inside quotations are
    dropped either way."""
    if len(doc) and not doc.has_annotation("DEP"):
        raise BadOption("find_attributions needs a parsed Doc: run it through "
                        "sitrep.nlp.pipeline.load() first")
    ctx = _Context(doc, lexicon(), quote_regions(doc.text), set())
    found: list[_Found] = []
    for sent in doc.sents:
        for finder in (_prep_cues, _noun_cues, _verb_cues, _adjective_cues, _headline_cue,
                       _colon_cue, _trailing_cue):
            found.extend(finder(sent, ctx))
    kept = _outermost(ctx, found, nested=nested)
    return sorted((_build(ctx, f) for f in kept), key=lambda a: a.cue)
