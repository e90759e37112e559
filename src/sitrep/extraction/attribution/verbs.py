"""Verb cues: "X said (that) ...", "..., said X", "X told reporters ...", "X was quoted as
saying", passives with a loose "by" phrase."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

from .base import (
    CONTENT_DEPS,
    CONTENT_PREPS,
    RECIPIENT_VERBS,
    SUBJECTS,
    TO_VERBS,
    Lexicon,
    Tokens,
    _char_tokens,
    _Context,
    _Found,
    _inverted,
    _is_passive,
    _is_time,
    _lemma_of_form,
    _prep_object,
    _prep_object_of,
    _subtree,
    _trim,
)

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
