"""Find attributions in a parsed report: who (source) says (cue) what (content).

Works on a spaCy ``Doc`` with a dependency parse (``sitrep.nlp.pipeline.load()``). Each cue
listed in ``data/reporting_cues.tsv`` is tied to its source and content through the parse.
Frames (``Attribution.frame``):

- ``verb``: "X said (that) ...", "X told reporters ...", "X, quoted by Y, said ...",
  subjects shared along a clause ("X criticised Y, saying ...", "X announced ... and
  said ..."), passives ("it was reported by X", "X was quoted as saying ...");
- ``inverted``: "..., X said." and "..., said X, spokesman of Y, on the 30th.";
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

import functools
import re
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING

from ..errors import BadOption

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

Offsets = tuple[int, int]
Tokens = tuple[int, int]  # a token range [start, end)

SUBJECTS = ("nsubj", "nsubjpass", "csubj")
# Dependents of a source's head that, set off by a comma, say when or how rather than who
# ("Trump, who leads the polls, said"); appositions stay ("X, spokesman of Y, said").
LOOSE_MODIFIERS = ("relcl", "acl", "advcl", "amod", "advmod", "prep", "npadvmod", "punct")
CONTENT_DEPS = ("xcomp", "dobj", "attr", "oprd", "intj")
CONTENT_PREPS = ("about", "of", "on", "for", "against", "over", "as")
# Verbs whose object is the person addressed, not what is said ("told reporters").
RECIPIENT_VERBS = frozenset({"tell", "inform", "assure", "remind", "brief", "notify", "ask"})
TO_VERBS = frozenset({"refer", "point", "respond", "reply", "object", "appeal"})
IRREGULAR = {"said": "say", "told": "tell", "wrote": "write", "thought": "think",
             "knew": "know", "saw": "see", "found": "find", "sought": "seek", "felt": "feel"}
OPENING_QUOTES = ("“", "«", "„", "``")
CLOSING_QUOTES = ("”", "»")
STRAIGHT_QUOTES = ('"', "''")
QUOTE_MARK = re.compile(r"''|``|[\"“”«»„]")
SEPARATORS = ("—", "–", "--", "|")
DOUBLE_QUOTES = ('"', "“", "”", "''", "``", "«", "»", "„")
QUANTIFYING = frozenset({"nearly", "about", "almost", "least", "only", "just", "most",
                         "roughly", "approximately", "around", "over", "some", "more"})
COLON_SOURCE_POS = ("PROPN", "NOUN", "ADJ", "PART", "PUNCT", "DET")
TIME_ORDINAL = re.compile(r"^\d{1,2}(st|nd|rd|th)?$", re.IGNORECASE)


@dataclass(frozen=True)
class Attribution:
    """One attribution; every span is a pair of character offsets into the Doc text."""

    cue: Offsets
    source: Offsets | None
    source_head: Offsets | None
    person: Offsets | None
    role: str | None
    content: Offsets | None
    sentence: Offsets
    frame: str
    stated_date: Offsets | None
    pronoun: bool
    kind: str = "statement"  # statement, belief, intention, evidence, stance, perception


@dataclass(frozen=True)
class Lexicon:
    verbs: dict[str, str]
    nouns: dict[str, str]
    adjectives: dict[str, str]
    light: frozenset[str]
    preps: dict[str, str]
    roles: dict[str, str]
    pronouns: dict[str, str]
    channels: frozenset[str]
    labels: frozenset[str]


@functools.lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The cue lexicon shipped in ``sitrep/data/reporting_cues.tsv``."""
    table: dict[str, dict[str, str]] = {}
    text = resources.files("sitrep.data").joinpath("reporting_cues.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, entry, label = (line.split("\t") + ["", ""])[:3]
        table.setdefault(kind, {})[entry.strip().lower()] = label.strip()
    return Lexicon(
        verbs=table.get("verb", {}),
        nouns=table.get("noun", {}),
        adjectives=table.get("adjective", {}),
        light=frozenset(table.get("light", {})),
        preps=table.get("prep", {}),
        roles=table.get("role", {}),
        pronouns=table.get("pronoun", {}),
        channels=frozenset(table.get("channel", {})),
        labels=frozenset(table.get("label", {})),
    )


@dataclass(frozen=True)
class _Found:
    """A cue tied to its parts, as tokens; turned into an Attribution at the end."""

    cue: Tokens
    source: Token | None  # head token of the source
    content: Tokens | None
    frame: str
    kind: str
    reported: bool = True  # content is what the source said, so cues inside it are nested
    source_span: Tokens | None = None  # when the parse cannot give it (headlines)


@dataclass
class _Context:
    doc: Doc
    lex: Lexicon
    quotes: list[Offsets]
    used: set[int]  # tokens already part of a cue


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
                       _colon_cue):
            found.extend(finder(sent, ctx))
    kept = _outermost(ctx, found, nested=nested)
    return sorted((_build(ctx, f) for f in kept), key=lambda a: a.cue)


# --- verbs -------------------------------------------------------------------------------


def _verb_cues(sent: Span, ctx: _Context) -> list[_Found]:
    out = []
    for tok in sent:
        kind = ctx.lex.verbs.get(tok.lemma_.lower())
        if kind is None:  # the lemmatiser's slips: "hoping" -> "hop"
            kind = ctx.lex.verbs.get(_lemma_of_form(tok.lower_, ctx.lex) or "")
        if kind is None or tok.pos_ != "VERB" or tok.i in ctx.used:
            continue
        if tok.dep_ in ("amod", "compound") or _quoted_as(tok, ctx.lex):
            continue
        source = _verb_source(tok, ctx.lex)
        content = _verb_content(tok, source, ctx, speech_only=kind == "manner")
        if content is None:
            continue
        start, end = _verb_group(tok, ctx.lex)
        quoted = _passive_quote(tok, source)
        if quoted is not None:
            ctx.used.add(quoted.i)
            start = min(start, _verb_group(quoted, ctx.lex)[0])
        ctx.used.add(tok.i)
        frame = "inverted" if _inverted(tok, source) else "verb"
        out.append(_Found((start, end), source, content[0], frame, kind, content[1],
                          _split_subject(tok, source)))
    return out


def _split_subject(tok: Token, source: Token | None) -> Tokens | None:
    """'The medical charity Doctors Without Borders said': the parser gave the verb two
    subjects side by side; the source is both."""
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    if source is None or len(subjects) < 2 or source not in subjects:
        return None
    for a, b in zip(subjects, subjects[1:], strict=False):
        if a.right_edge.i + 1 != b.left_edge.i:
            return None
    return _trim(tok.doc, (subjects[0].left_edge.i, subjects[-1].right_edge.i + 1))


def _verb_source(tok: Token, lex: Lexicon) -> Token | None:
    """The source of a verb cue: its subject, its agent, or a subject it shares."""
    current = tok
    for _ in range(5):
        for child in current.children:
            if child.dep_ == "nsubj" or (child.dep_ == "nsubjpass" and current != tok):
                return _through_artifact(child, lex)
            if child.dep_ == "agent":
                objects = [g for g in child.children if g.dep_ == "pobj"]
                if objects:
                    return objects[0]
        if current == tok and _is_passive(tok):
            # "This was informed at briefing by X": an agent phrase the parser left loose
            agent = _by_phrase(tok)
            return agent  # None: "it is said that ...", the source is left implicit
        if current == tok and _leading_noun(tok) is not None:
            return _leading_noun(tok)
        if current.dep_ == "acl":
            # "a statement saying ...": the statement's author, or the statement itself.
            noun = current.head
            if current.tag_ == "VBN" or noun.pos_ not in ("NOUN", "PROPN"):
                return None
            if noun.dep_ == "dobj" and noun.head.pos_ == "VERB":
                current = noun.head
                continue
            return _through_artifact(noun, lex)
        if current.dep_ not in ("conj", "advcl", "xcomp", "pcomp", "prep"):
            return None
        current = current.head
    return None


def _leading_noun(tok: Token) -> Token | None:
    """"Syria's news agency SANA, citing a military source, said ...": when the parser loses
    the subject, a noun phrase that opens the sentence and ends at the comma before the
    cue's aside is the source."""
    sent = tok.sent
    if any(c.dep_ in SUBJECTS for c in tok.children) or tok.i < 2 or \
            tok.doc[tok.i - 1].text != ",":
        return None
    first = next((t for t in sent if t.text == ","), None)
    if first is None or first.i >= tok.i - 1:
        return None
    lead = tok.doc[sent.start:first.i]
    # a capitalised word the tagger took for a verb ("SANA") is still a name
    if not lead or lead[0].pos_ not in ("DET", "PROPN", "NOUN", "ADJ") or \
            any(t.pos_ in ("VERB", "AUX") and t.is_lower for t in lead):
        return None
    return max(lead, key=lambda t: (t.pos_ in ("PROPN", "NOUN") or not t.is_lower, t.i))


def _by_phrase(tok: Token) -> Token | None:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            return _prep_object_of(child)
        if child.dep_ == "prep":
            for grandchild in child.subtree:
                if grandchild.lower_ == "by" and grandchild.dep_ == "prep":
                    return _prep_object_of(grandchild)
    return None


def _through_artifact(subject: Token, lex: Lexicon) -> Token:
    """'X's statement said' / 'a statement from X said': the source is X, not the statement."""
    if subject.lemma_.lower() not in lex.nouns:
        return subject
    for child in subject.children:
        if child.dep_ == "poss":
            return child
    owner = _prep_object(subject, ("from", "by", "of"))
    return owner if owner is not None and not _is_time(owner) else subject


def _verb_content(
    tok: Token, source: Token | None, ctx: _Context, *, speech_only: bool = False
) -> tuple[Tokens, bool] | None:
    """Token range of what a verb cue attributes and whether it is reported speech (so cues
    inside it are nested), or None when the verb attributes nothing here. ``speech_only``
    verbs ("continued", "shrugged") attribute only a clause or a quotation."""
    lemma = tok.lemma_.lower()
    parts = []
    for child in tok.children:
        if child == source or _is_time(child):
            continue
        if child.dep_ == "ccomp":
            return _subtree(child), True
        if speech_only:
            continue
        if child.i < tok.i or (child.dep_ == "dobj" and lemma in RECIPIENT_VERBS):
            continue
        if child.dep_ in CONTENT_DEPS or (
            child.dep_ == "prep" and _content_prep(child, lemma, ctx.lex)
        ):
            parts.append(child)
    if parts:
        rng = (min(p.left_edge.i for p in parts), max(p.right_edge.i for p in parts) + 1)
        return rng, any(p.dep_ == "xcomp" for p in parts)
    patient = next((c for c in tok.children if c.dep_ in ("nsubjpass", "csubjpass")), None)
    if patient is not None and patient.lower_ not in ("it", "there") and not speech_only:
        return _subtree(patient), False
    if speech_only:
        return _quote_near(tok, ctx)
    return _that_clause(tok) or _clause_around(tok, source, ctx.lex) or _quote_near(tok, ctx)


def _content_prep(prep: Token, lemma: str, lex: Lexicon) -> bool:
    """'talked about X', 'accused Y of X', 'referred to X' -- but not 'said on Telegram'."""
    word = prep.lower_
    if word not in CONTENT_PREPS and not (word == "to" and lemma in TO_VERBS):
        return False
    objects = [g for g in prep.children if g.dep_ != "punct"]
    if not objects or _is_time(objects[0]):
        return False
    return objects[0].lemma_.lower() not in lex.channels


def _that_clause(tok: Token) -> tuple[Tokens, bool] | None:
    """A 'that ...' clause the parser hung lower down: 'said at a news conference that'."""
    for t in tok.subtree:
        if t.i > tok.i and t.lower_ == "that" and t.dep_ == "mark" and t.head.pos_ in (
            "VERB", "AUX"
        ):
            return (t.i, t.head.right_edge.i + 1), True
    return None


def _clause_around(tok: Token, source: Token | None, lex: Lexicon) -> tuple[Tokens, bool] | None:
    """The clause a parenthetical or trailing cue interrupts: 'In his state, X said, ...',
    '..., X said.' (parsed under the reported clause), 'as X said, ...', 'the plan X
    described'."""
    head = tok.head
    if source is None or head == tok or head.lemma_.lower() in lex.verbs:
        return None
    before = tok.doc[tok.left_edge.i - 1] if tok.left_edge.i > 0 else tok
    if tok.dep_ == "parataxis" or (
        tok.dep_ == "ccomp" and tok.i > head.i and (before.is_punct or _inverted(tok, source))
    ):
        return _subtree(head), True
    if tok.dep_ == "advcl" and any(c.lower_ == "as" and c.dep_ == "mark" for c in tok.children):
        lo, hi = _subtree(head)
        left, right = (lo, tok.left_edge.i), (tok.right_edge.i + 1, hi)
        return max(left, right, key=lambda r: r[1] - r[0]), False
    if tok.dep_ == "relcl" and head.pos_ in ("NOUN", "PROPN", "PRON"):
        return (head.left_edge.i, tok.left_edge.i), False
    return None


def _quote_near(tok: Token, ctx: _Context) -> tuple[Tokens, bool] | None:
    """A quotation in the cue's sentence ('"...," he said.'), else one ending just before
    the sentence when the cue opens it ('"..." / He said.')."""
    sent = tok.sent
    doc = tok.doc
    inside = [q for q in ctx.quotes if q[0] < sent.end_char and q[1] > sent.start_char
              and not q[0] <= tok.idx < q[1]]
    if inside:
        best = min(inside, key=lambda q: min(abs(q[0] - tok.idx), abs(q[1] - tok.idx)))
        return _char_tokens(doc, best), True
    before = [q for q in ctx.quotes if q[1] <= sent.start_char
              and not doc.text[q[1] : sent.start_char].strip(" \n,.")]
    if before and tok.left_edge.i <= sent.start + 1:
        return _char_tokens(doc, before[-1]), True
    return None


def _quoted_as(tok: Token, lex: Lexicon) -> bool:
    """'X was quoted as saying ...': the participle, not the passive, carries the cue."""
    if not _is_passive(tok):
        return False
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "as":
            obj = _prep_object_of(child)
            if obj is not None and obj.lemma_.lower() in lex.verbs:
                return True
    return False


def _passive_quote(tok: Token, source: Token | None) -> Token | None:
    """In 'X was quoted as saying', the passive verb whose subject the participle borrowed."""
    if source is None or source.dep_ != "nsubjpass":
        return None
    current = tok
    for _ in range(3):
        current = current.head
        if current == source.head:
            return current
    return None


def _verb_group(tok: Token, lex: Lexicon) -> Tokens:
    """A verb cue with its auxiliaries, negation, particle and a trailing 'in a statement' /
    'on social media' (the guidelines keep the verb group together)."""
    start = tok.i
    for child in tok.lefts:
        if child.dep_ in ("aux", "auxpass", "neg") and child.i < start:
            start = child.i
    end = tok.i + 1
    for child in tok.rights:
        if child.i != end:
            break
        if child.dep_ == "prt":
            end = child.i + 1
        elif child.dep_ == "prep" and child.lower_ in ("in", "on"):
            obj = _prep_object_of(child)
            lemma = obj.lemma_.lower() if obj is not None else ""
            if lemma in lex.nouns or lemma in lex.channels:
                end = child.right_edge.i + 1
    return start, end


# --- adjectives, nouns, prepositions, headlines, colons -----------------------------------


def _adjective_cues(sent: Span, ctx: _Context) -> list[_Found]:
    """'X was critical of Y', 'X is confident that ...'."""
    out = []
    for tok in sent:
        kind = ctx.lex.adjectives.get(tok.lemma_.lower())
        if kind is None or tok.dep_ not in ("acomp", "amod") or tok.i in ctx.used:
            continue
        verb = tok.head
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if tok.dep_ == "amod" or subject is None:
            continue
        parts = [c for c in tok.children if c.dep_ in ("prep", "ccomp", "xcomp") and c.i > tok.i]
        if not parts:
            continue
        ctx.used.add(tok.i)
        content = (parts[0].left_edge.i, parts[-1].right_edge.i + 1)
        start = min([verb.i] + [c.i for c in verb.lefts if c.dep_ in ("aux", "neg")])
        out.append(_Found((start, tok.i + 1), subject, content, "adjective", kind))
    return out


def _noun_cues(sent: Span, ctx: _Context) -> list[_Found]:
    """'X released a statement (saying) that ...' and 'X's claim that ...'."""
    out = []
    for tok in sent:
        kind = ctx.lex.nouns.get(tok.lemma_.lower())
        if kind is None or tok.pos_ != "NOUN" or tok.i in ctx.used:
            continue
        verb = tok.head
        if tok.dep_ == "dobj" and verb.lemma_.lower() in ctx.lex.light and verb.i not in ctx.used:
            content = _noun_content(tok) or _that_after(verb, tok)
            if content is None:
                continue
            ctx.used.update((tok.i, verb.i))
            cue = (_verb_group(verb, ctx.lex)[0], tok.i + 1)
            out.append(_Found(cue, _verb_source(verb, ctx.lex), content, "noun", kind))
            continue
        owner = next((c for c in tok.children if c.dep_ == "poss"), None)
        owner = owner or _prep_object(tok, ("by", "from"))
        content = _noun_content(tok)
        # Without a light verb, only a 'that' clause or a quotation makes a noun a cue:
        # "his claim that ..." but not "his plan for ...".
        said = content is not None and sent.doc[content[0]].lower_ in ("that", "“", '"', ":")
        if owner is not None and said and tok.dep_ not in SUBJECTS:
            ctx.used.add(tok.i)
            out.append(_Found((tok.i, tok.i + 1), owner, content, "nounposs", kind, False))
    return out


def _noun_content(noun: Token) -> Tokens | None:
    for child in noun.children:
        if child.i < noun.i:
            continue
        if child.dep_ in ("acl", "ccomp", "appos") or (
            child.dep_ == "relcl" and child.left_edge.lower_ == "that"
        ):
            return _subtree(child)
        if child.dep_ == "prep" and child.lower_ in ("about", "of", "on"):
            obj = _prep_object_of(child)
            if obj is not None:
                return _subtree(obj)
    return None


def _that_after(verb: Token, noun: Token) -> Tokens | None:
    """Machine-translated 'released a news on the same day that, ...': content after 'that'."""
    for tok in verb.subtree:
        if tok.i > noun.i and tok.lower_ == "that" and tok.dep_ in ("mark", "advmod", "nsubj"):
            return (tok.i, tok.head.right_edge.i + 1)
    return None


def _prep_cues(sent: Span, ctx: _Context) -> list[_Found]:
    """'according to X, ...' and the other prepositional cues of the lexicon."""
    out = []
    lower = [t.lower_ for t in sent]
    for phrase, kind in ctx.lex.preps.items():
        words = phrase.split()
        for k in range(len(lower) - len(words) + 1):
            if lower[k : k + len(words)] != words:
                continue
            first, last = sent[k], sent[k + len(words) - 1]
            obj = _prep_object_of(last)
            if obj is None:
                continue
            ctx.used.update(range(first.i, last.i + 1))
            frame = "according_to" if phrase == "according to" else "prep"
            content = _clause_without(first)
            out.append(_Found((first.i, last.i + 1), obj, content, frame, kind))
    return out


def _clause_without(prep: Token) -> Tokens:
    """The clause a prepositional cue hangs from, minus the cue phrase itself."""
    head = prep
    while head.dep_ not in ("ROOT", "ccomp", "conj") and head.head != head:
        head = head.head
    lo, hi = _subtree(head)
    before, after = (lo, prep.left_edge.i), (prep.right_edge.i + 1, hi)
    return _trim(prep.doc, max(before, after, key=lambda r: r[1] - r[0]))


def _headline_cue(sent: Span, ctx: _Context) -> list[_Found]:
    """Title-case 'Glenn Beck Blasts ...' / 'Ukraine Says ...', which the parser mistakes
    for one long name: the words before the verb are the source."""
    words = [t for t in sent if t.is_alpha and len(t) > 3]
    if len(sent) > 30 or len(words) < 3 or sum(t.is_title or t.is_upper for t in words) < 0.8 * len(
        words
    ):
        return []
    for tok in sent:
        lemma = _lemma_of_form(tok.lower_, ctx.lex)
        if lemma is None or tok.i in ctx.used or tok.i - sent.start < 1 or tok.pos_ == "VERB":
            continue
        if sent.end - tok.i < 2:
            return []
        left = sent.doc[sent.start : tok.i]
        ctx.used.add(tok.i)
        return [_Found((tok.i, tok.i + 1), left.root, (tok.i + 1, sent.end), "headline",
                       ctx.lex.verbs[lemma], source_span=_trim(sent.doc, (left.start, left.end)))]
    return []


def _lemma_of_form(word: str, lex: Lexicon) -> str | None:
    if word in IRREGULAR:
        return IRREGULAR[word]
    for suffix, repl in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
                         ("ing", "e"), ("ing", "")):
        if word.endswith(suffix) and word[: -len(suffix)] + repl in lex.verbs:
            return word[: -len(suffix)] + repl
    return None


def _colon_cue(sent: Span, ctx: _Context) -> list[_Found]:
    """'Name: what they said' in headlines and transcripts; the left side a short verbless
    name (not 'Editor's note:', 'From Bloomberg:' or a tally 'Clinton: 547')."""
    doc = sent.doc
    colon = next((t for t in sent if t.text == ":"), None)
    if colon is None or colon.i in ctx.used or not 0 < colon.i - sent.start <= 5:
        return []
    left = doc[sent.start : colon.i]
    if any(t.pos_ not in COLON_SOURCE_POS and not t.is_upper or "\n" in t.text for t in left):
        return []
    if any(t.text in ("-", "–", "—") for t in left):
        return []  # "Sanaa - Saba:" is a dateline, not a speaker
    if left.root.lemma_.lower() in ctx.lex.labels or not any(
        t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in left
    ):
        return []
    end = next((t.i for t in doc[colon.i + 1 : sent.end] if "\n" in t.text), sent.end)
    content = (colon.i + 1, end)
    if end - colon.i < 3 and end < len(doc):
        content = (end, doc[end].sent.end)  # transcript: "TAPPER:" / what he said
    said = doc[content[0] : content[1]]
    if not any(t.pos_ in ("VERB", "AUX") or t.is_quote for t in said):
        return []
    ctx.used.add(colon.i)
    return [_Found((colon.i, colon.i + 1), left.root, content, "colon", "statement",
                   source_span=_trim(doc, (left.start, left.end)))]


# --- keeping the outermost ---------------------------------------------------------------


def quote_regions(text: str) -> list[Offsets]:
    """Character ranges inside quotation marks (marks included); an unclosed quote runs to
    the end of its paragraph. Straight quotes and doubled apostrophes ('' or ``) pair up."""
    regions = []
    start: int | None = None
    for m in QUOTE_MARK.finditer(text):
        mark, at = m.group(), m.start()
        if start is not None and "\n\n" in text[start:at]:
            regions.append((start, text.index("\n\n", start)))
            start = None
        if start is None and (mark in OPENING_QUOTES or mark in STRAIGHT_QUOTES):
            start = at
        elif start is not None and (mark in CLOSING_QUOTES or mark in STRAIGHT_QUOTES):
            regions.append((start, m.end()))
            start = None
    if start is not None:
        end = text.find("\n\n", start)
        regions.append((start, end if end >= 0 else len(text)))
    return regions


def _outermost(ctx: _Context, found: list[_Found], *, nested: bool = False) -> list[_Found]:
    """Drop cues inside quoted speech or inside what another source is said to have said."""
    reported = [f for f in found if f.content and f.reported
                and not (nested and f.frame == "according_to")]
    kept = []
    for f in found:
        cue_char = ctx.doc[f.cue[0]].idx
        if any(s < cue_char < e for s, e in ctx.quotes):
            continue
        if any(o.content[0] <= f.cue[0] and f.cue[1] <= o.content[1] and o is not f
               for o in reported) and not _contrasted(ctx.doc, f):
            continue
        kept.append(f)
    return kept


def _contrasted(doc: Doc, f: _Found) -> bool:
    """"X said ..., while Y said ...": a second speaker set against the first is not
    inside what the first said, whatever the parse attached the clause to."""
    start = f.source.left_edge.i if f.source is not None else f.cue[0]
    return any(t.lower_ in ("while", "whereas", "but") for t in doc[max(0, start - 2):start])


# --- building the record -----------------------------------------------------------------


def _build(ctx: _Context, f: _Found) -> Attribution:
    doc, lex = ctx.doc, ctx.lex
    source = head = person = role = None
    pronoun = False
    if f.source is not None:
        src = f.source_span or _source_range(f.source)
        source = _chars(doc, src)
        lower = f.source.lower_
        pronoun = lower in lex.pronouns and f.source.pos_ == "PRON"
        head_rng = _head_range(f.source, src)
        head = _chars(doc, head_rng) if head_rng != src else None
        if pronoun and lex.pronouns[lower] == "relative" and f.source.head.dep_ == "relcl":
            antecedent = f.source.head.head
            head = _chars(doc, _head_range(antecedent, _source_range(antecedent)))
        person = _person(doc, src, lex)
        role = _role(doc, src, lex)
    content = _chars(doc, _trim(doc, f.content)) if f.content else None
    stated = _stated_date(doc, f)
    if stated is None:
        stated = _date_after_cue(doc, f)
        if stated is not None and content is not None and content[0] <= stated[0]:
            content = (_next_word_start(doc, stated[1]), content[1])
    sent = doc[f.cue[0]].sent
    return Attribution(
        cue=_chars(doc, f.cue),
        source=source,
        source_head=head,
        person=person,
        role=role,
        content=content if content and content[1] > content[0] else None,
        sentence=(sent.start_char, sent.end_char),
        frame=f.frame,
        stated_date=stated,
        pronoun=pronoun,
        kind=f.kind,
    )


def _source_range(root: Token) -> Tokens:
    """The source noun phrase: the subtree of its head, less loose comma-set-off parts and
    less a dateline or time stamp the parser glued to it."""
    doc = root.doc
    lo, hi = _subtree(root)
    for child in root.rights:
        before = doc[child.left_edge.i - 1]
        set_off = before.text in (",", "(") or _is_separator(before)
        if child.dep_ in LOOSE_MODIFIERS and set_off:
            hi = min(hi, child.left_edge.i)
    for child in root.lefts:
        if child.dep_ in ("cc", "prep") or (
            child.dep_ == "punct" and child.text in (",", ";", ":")
        ) or (child.dep_ == "advmod" and child.lower_ not in QUANTIFYING):
            lo = max(lo, child.right_edge.i + 1)
    if doc[hi - 1].dep_ == "case" and hi - 1 > root.i - 1:
        hi -= 1  # "the ministry's statement said": the source is "the ministry"
    marks = [i for i in range(lo, root.i) if doc[i].text in DOUBLE_QUOTES]
    if len(marks) % 2:
        lo = marks[-1] + 1  # the close of a preceding quotation: '..." Shook said'
    for i in range(lo, hi):
        if "\n" in doc[i].text or _is_separator(doc[i]):
            if i < root.i:
                lo = i + 1
            elif i > root.i + 1 and root.i < lo + 3 and _looks_like_dateline(doc, lo, i):
                return _source_range_within(doc, i + 1, hi)
    return _trim(doc, (lo, max(hi, root.i + 1)))


def _is_separator(tok: Token) -> bool:
    """A dash between phrases ('(Reuters) - President ...'), not a hyphen inside a word."""
    spaced = tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_)
    return tok.text in SEPARATORS or (tok.text == "-" and spaced)


def _looks_like_dateline(doc: Doc, lo: int, hi: int) -> bool:
    """'LONDON (Reuters) —' / '6:50 p.m.' before the real subject."""
    return all(t.is_upper or t.is_punct or t.like_num or t.ent_type_ in ("GPE", "ORG", "TIME")
               or t.is_space for t in doc[lo:hi])


def _source_range_within(doc: Doc, lo: int, hi: int) -> Tokens:
    span = doc[lo:hi] if lo < hi else doc[lo - 1 : lo]
    return _trim(doc, (span.start, span.end)) if len(span) else (lo, hi)


def _head_range(root: Token, src: Tokens) -> Tokens:
    """The source without its appositions: 'the representative of Y' from 'the ..., NAME'."""
    hi = src[1]
    for child in root.rights:
        if child.dep_ in ("appos", "punct", "relcl", "acl") and child.i < hi:
            hi = min(hi, child.left_edge.i)
    return _trim(root.doc, (src[0], max(hi, root.i + 1)))


def _person(doc: Doc, rng: Tokens, lex: Lexicon) -> Offsets | None:
    """A person's name inside the source: a PERSON entity (with the name parts the
    recogniser left out), else a bare name next to a job title ('the representative of Y,
    arzren Hof hanniyan', 'Secretary of state pompeio'), as machine-translated names often
    escape the entity recogniser."""
    for ent in doc.ents:
        # A possessor names whom the speaker works for: "Trump's spokesman said".
        if ent.label_ == "PERSON" and rng[0] <= ent.start and ent.end <= rng[1] and (
            ent.root.dep_ != "poss"
        ):
            return _chars(doc, _name_range(ent.root, ent.start, lex))
    root = doc[rng[0] : rng[1]].root
    names = [root] + [c for c in root.children if c.dep_ == "appos" and c.i < rng[1]]
    for name in names:
        if name.lemma_.lower() in lex.roles or name.pos_ not in ("PROPN", "NOUN"):
            continue
        if name.ent_type_ in ("ORG", "GPE", "FAC") or (name.ent_type_ and name.is_title):
            continue
        if any(c.dep_ in ("det", "poss") for c in name.children):
            continue
        titled = any(t.lemma_.lower() in lex.roles for t in doc[rng[0] : rng[1]] if t != name)
        if titled:
            return _chars(doc, _name_range(name, name.i, lex))
    return None


def _name_range(head: Token, start: int, lex: Lexicon) -> Tokens:
    """A name with the compound parts just before it: 'arzren Hof hanniyan', not the title
    in 'spokesman Igor Konashenkov'."""
    doc = head.doc
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head == head and (
        doc[start - 1].lemma_.lower() not in lex.roles and not doc[start - 1].is_punct
    ):
        start -= 1
    return (start, head.i + 1)


def _role(doc: Doc, rng: Tokens, lex: Lexicon) -> str | None:
    """The job named in the source. A capitalised title counts only before 'of' or a name
    ('Minister of Defence', 'General Gerasimov'), not inside one ('the General Staff')."""
    words = doc[rng[0] : rng[1]]
    for a, b in zip(words, words[1:], strict=False):
        label = lex.roles.get(f"{a.lower_} {b.lower_}")
        if label:
            return label
    for tok in words:
        label = lex.roles.get(tok.lemma_.lower()) or lex.roles.get(tok.lower_)
        if not label:
            continue
        nxt = tok.nbor(1) if tok.i + 1 < len(doc) else None
        if tok.pos_ != "PROPN" or (nxt is not None and nxt.lower_ == "of") or (
            tok.head.ent_type_ == "PERSON" or tok.head.lemma_.lower() not in lex.roles
            and tok.head.pos_ in ("PROPN", "NOUN") and tok.dep_ in ("compound", "nmod")
            and tok.head.ent_type_ not in ("ORG", "GPE", "FAC")
        ):
            return label
    return None


def _stated_date(doc: Doc, f: _Found) -> Offsets | None:
    """A time expression hanging off the cue (or wrongly off its source), outside content."""
    cue_tok = max(doc[f.cue[0] : f.cue[1]], key=lambda t: t.pos_ == "VERB")
    lo, hi = f.content or (0, 0)
    for root in [cue_tok] + ([f.source] if f.source is not None else []):
        for child in root.children:
            if child.dep_ in ("prep", "npadvmod", "advmod") and not lo <= child.i < hi:
                span = _time_in(child, (lo, hi))
                if span is not None:
                    return span
    return None


def _date_after_cue(doc: Doc, f: _Found) -> Offsets | None:
    """"Pakistan said on Wednesday it had shot down ...": the parser hangs the date on the
    reported verb, but in news English a date right after the cue dates the statement."""
    i = f.cue[1]
    if i < len(doc) and doc[i].lower_ in ("reporters", "journalists", "a", "the") \
            and doc[f.cue[0]].lemma_ in RECIPIENT_VERBS:
        i += 1 if doc[i].lower_ != "a" and doc[i].lower_ != "the" else 2
    if i < len(doc) and doc[i].lower_ in ("on", "late", "early"):
        i += 1
    if i >= len(doc) or not _is_time(doc[i]):
        return None
    end = i
    while end + 1 < len(doc) and _is_time(doc[end + 1]):
        end += 1
    return (doc[i].idx, doc[end].idx + len(doc[end]))


def _next_word_start(doc: Doc, char: int) -> int:
    for tok in doc:
        if tok.idx >= char and not tok.is_punct:
            return tok.idx
    return char


def _time_in(tok: Token, skip: Tokens) -> Offsets | None:
    """The first date or time inside ``tok``'s phrase: 'the same day', 'the evening of
    29th', 'the 30th' (ordinal days that the entity recogniser misses)."""
    doc = tok.doc
    for t in tok.subtree:
        if skip[0] <= t.i < skip[1]:
            continue
        if not (_is_time(t) or (t.dep_ == "pobj" and TIME_ORDINAL.match(t.text))):
            continue
        start = t.i
        while start > tok.left_edge.i and _is_time(doc[start - 1]):
            start -= 1
        if doc[start - 1].dep_ == "det":
            start -= 1
        end = t.i + 1
        while end <= tok.right_edge.i and (_is_time(doc[end]) or doc[end].lower_ == "of"
                                           or TIME_ORDINAL.match(doc[end].text)):
            end += 1
        if doc[end - 1].lower_ == "of":
            end -= 1
        return (doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))
    return None


# --- small helpers -----------------------------------------------------------------------


def _inverted(tok: Token, source: Token | None) -> bool:
    return source is not None and source.head == tok and source.i > tok.i


def _is_passive(tok: Token) -> bool:
    return any(c.dep_ == "auxpass" for c in tok.children)


def _is_time(tok: Token) -> bool:
    return tok.ent_type_ in ("DATE", "TIME")


def _prep_object_of(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)


def _prep_object(tok: Token, preps: tuple[str, ...]) -> Token | None:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            obj = _prep_object_of(child)
            if obj is not None:
                return obj
    return None


def _subtree(tok: Token) -> Tokens:
    return (tok.left_edge.i, tok.right_edge.i + 1)


def _char_tokens(doc: Doc, span: Offsets) -> Tokens:
    chars = doc.char_span(span[0], span[1], alignment_mode="expand")
    return (chars.start, chars.end) if chars is not None else (0, 0)


def _trim(doc: Doc, rng: Tokens) -> Tokens:
    """Without leading or trailing punctuation, white space and a dangling "and"; quotation
    marks and a closing bracket whose opening one is inside stay ('Sen. Ted Cruz (R-Texas)')."""
    lo, hi = rng

    def loose(tok: Token, at_end: bool) -> bool:
        if tok.is_space or (at_end and tok.dep_ == "cc"):
            return True
        if not tok.is_punct or tok.is_quote:
            return False
        return not (at_end and tok.text == ")" and "(" in doc[lo : tok.i].text)

    while lo < hi and loose(doc[lo], False):
        lo += 1
    while hi > lo and loose(doc[hi - 1], True):
        hi -= 1
    return (lo, hi)


def _chars(doc: Doc, rng: Tokens) -> Offsets:
    lo, hi = rng
    if hi <= lo:
        at = doc[lo].idx if lo < len(doc) else len(doc.text)
        return (at, at)
    return (doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1]))
