"""Keeping the outermost attributions, and building each record: the source phrase, its
head, person and role, the content, and the date the statement was made."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

from .base import (
    CLOSING_QUOTES,
    DOUBLE_QUOTES,
    LOOSE_MODIFIERS,
    OPENING_QUOTES,
    QUANTIFYING,
    QUOTE_MARK,
    RECIPIENT_VERBS,
    SEPARATORS,
    STRAIGHT_QUOTES,
    TIME_ORDINAL,
    Attribution,
    Lexicon,
    Offsets,
    Tokens,
    _chars,
    _Context,
    _Found,
    _is_time,
    _subtree,
    _trim,
)

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
                and not (nested and (f.frame == "according_to" or _outlet(ctx, f)))]
    kept = []
    for f in found:
        cue_char = ctx.doc[f.cue[0]].idx
        if any(s < cue_char < e for s, e in ctx.quotes):
            continue
        if not f.outer and any(o.content[0] <= f.cue[0] and f.cue[1] <= o.content[1]
                               and o is not f for o in reported) and not _contrasted(ctx.doc, f):
            continue
        kept.append(f)
    return kept


def _outlet(ctx: _Context, f: _Found) -> bool:
    """Is the source a news outlet ("Ukrinform reports", "state media reported")? What it
    reports someone said is that someone's claim: the outlet only carries it."""
    if f.source is None:
        return False
    start, end = f.source_span or (f.source.left_edge.i, f.source.i + 1)
    return any(t.lower_ in ctx.lex.outlets for t in ctx.doc[start:end])


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
