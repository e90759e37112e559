"""Other cue frames: adjectives ("X was critical of"), nouns ("X released a statement that"),
prepositions ("according to X"), title-case headlines and "Name:" colons."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

from .base import (
    COLON_SOURCE_POS,
    SUBJECTS,
    Tokens,
    _Context,
    _Found,
    _lemma_of_form,
    _prep_object,
    _prep_object_of,
    _subtree,
    _trim,
)
from .verbs import _verb_group, _verb_source

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




# what may follow a sentence-final cue: when, where and to whom it was said
_TAIL_POS = frozenset({"ADP", "DET", "PROPN", "NOUN", "NUM", "ADV", "ADJ", "PUNCT", "CCONJ",
                       "PRON", "PART"})
_TAIL_MAX = 10
_SOURCE_MAX = 20


def _trailing_cue(sent: Span, ctx: _Context) -> list[_Found]:
    """'..., Defense Ministry Spokesman X reported on Wednesday.' and '..., X informs.'
    where the parser hangs the cue on the wrong word: a comma, a verbless source phrase, a
    statement verb and only when/where/to-whom words to the end of the sentence."""
    doc = sent.doc
    end = sent.end
    while end > sent.start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    for cue in reversed(doc[max(sent.start, end - _TAIL_MAX):end]):
        lemma = _lemma_of_form(cue.lower_, ctx.lex)
        if lemma is None or ctx.lex.verbs.get(lemma) != "statement" or cue.i in ctx.used:
            continue
        # a verb, or a present tense the tagger took for a plural ("Hovhannisyan informs.")
        if cue.pos_ != "VERB" and not (cue.tag_ == "NNS" and cue.i == end - 1
                                       and cue.i > sent.start and doc[cue.i - 1].pos_ == "PROPN"):
            continue
        if any(t.pos_ not in _TAIL_POS for t in doc[cue.i + 1:end]):
            return []
        verb_start = cue.i
        while verb_start > sent.start and doc[verb_start - 1].pos_ == "AUX":
            verb_start -= 1  # "..., X has said": the auxiliary belongs to the cue
        comma = next((t.i for t in reversed(doc[sent.start:verb_start]) if t.text == ","),
                     None)
        if comma is None or not 0 < verb_start - comma - 1 <= _SOURCE_MAX:
            return []
        source = doc[comma + 1:verb_start]
        if any(t.pos_ in ("VERB", "AUX") or t.text in QUOTE_TEXTS for t in source) or not any(
                t.pos_ in ("PROPN", "NOUN") for t in source):
            return []
        ctx.used.add(cue.i)
        return [_Found((cue.i, cue.i + 1), source.root, (sent.start, comma), "inverted",
                       "statement", source_span=_trim(doc, (source.start, source.end)),
                       outer=True)]
    return []


QUOTE_TEXTS = frozenset({'"', "“", "”", "«", "»", "''", "``"})


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
    if all(t.ent_type_ in ("GPE", "LOC") for t in left if t.is_alpha):
        return []  # "New Delhi:" is a dateline too
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
