"""Per-sentence facts from a parsed sentence: figures with their character offsets, sources,
subjects and event triggers, shifted from sentence to document offsets."""

from __future__ import annotations

from dataclasses import replace

from ..nlp.sentences import Sentence
from ..offsets import within
from ..records import ITEM_CLASSES
from .attribution import find_attributions
from .claims import SentenceFacts
from .events import Trigger, find_triggers
from .figures import Figure, find_figures
from .lexicon import describe


def sentence_facts(text: str, index: int, sentence: Sentence, sdoc, dates,
                   carried: str | None = None) -> SentenceFacts:
    """``carried``: the outcome of the last figure of the sentence just before, which "the
    rest N" of its toll goes on with."""
    base = sentence.start
    facts = SentenceFacts(index, sentence.start, sentence.end, sentence.paragraph)
    skip = _date_tokens(sdoc, base, within(dates, sentence.start, sentence.end))
    figures = find_figures(sdoc, None, skip, carried)
    for figure in figures:
        offsets = _offsets(sdoc, base, figure)
        offsets["evidence"] = _char(sdoc, base, *_own_words(figure, figures))
        facts.figures.append((figure, offsets))
    facts.attributions = [_shift(a, base) for a in find_attributions(sdoc, nested=True)
                          if a.kind != "action"]
    facts.subjects = _sentence_subjects(sdoc, base)
    facts.triggers = [_shift_trigger(t, base) for t in find_triggers(sdoc)]
    return facts


def _shift_trigger(trigger: Trigger, base: int) -> Trigger:
    def move(pair):
        return (pair[0] + base, pair[1] + base)

    return replace(trigger, cue=move(trigger.cue),
                   agents=tuple(move(a) for a in trigger.agents),
                   recipients=tuple(move(r) for r in trigger.recipients))


def _own_words(figure: Figure, figures: list[Figure]) -> tuple[int, int]:
    """The tokens that state this figure: its count, its counted phrase and its outcome
    word, but not another figure's words where a list shares one verb ("destroyed 40
    drones, 12 armoured vehicles and one Pantsir": "one Pantsir" for the last)."""
    start, end = figure.start, figure.end
    others = [f.quantity.start for f in figures if f is not figure]
    if any(figure.outcome_start < q < figure.quantity.start for q in others):
        start = figure.quantity.start  # the verb is before the list's first member
    if any(figure.np_end <= q < figure.outcome_start for q in others):
        end = figure.np_end  # the verb is after the list's last member
    return start, end


def _sentence_subjects(sdoc, base: int) -> list[tuple[int, int]]:
    """The subjects of the main verbs: the referents later pronouns most likely take."""
    out = []
    for tok in sdoc:
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.head.dep_ == "ROOT":
            out.append(_char(sdoc, base, tok.left_edge.i, tok.i + 1))
    return out


def _agent(verb):
    """Who did it: the subject of the outcome verb, or of the clause it hangs from
    ("..., killing 11 soldiers": the subject of the main verb)."""
    for _ in range(3):
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects:
            return subjects[0]
        if verb.dep_ not in ("advcl", "conj", "xcomp", "acl", "relcl", "pcomp") or \
                verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _date_tokens(sdoc, base: int, dates) -> frozenset[int]:
    """The tokens of the sentence's own ``dates``."""
    spans = [(d.start - base, d.end - base) for d in dates]
    return frozenset(t.i for t in sdoc for s, e in spans
                     if t.idx < e and s < t.idx + len(t.text))


def _char(sdoc, base: int, start: int, end: int) -> tuple[int, int]:
    span = sdoc[start:end]
    return (base + span.start_char, base + span.end_char)


def _offsets(sdoc, base: int, figure: Figure) -> dict:
    q = figure.quantity
    out = {
        "quantity": _char(sdoc, base, q.start, q.end),
        "evidence": _char(sdoc, base, figure.start, figure.end),
        "head": sdoc[figure.head].text if figure.head is not None else "",
        "outcome": _char(sdoc, base, figure.outcome_start, figure.outcome_end),
        # a toll is a running total: "the death toll in the war had climbed to 19,453"
        "toll": _toll_noun(sdoc, figure) is not None,
    }
    after = [t.lower_ for t in sdoc[q.end:q.end + 2]]
    if after[:1] == ["of"] and after[1:] in (["them"], ["those"], ["whom"]):
        out["of_them"] = True  # "killed six of them": the people the text just counted
    item_class, model = describe(sdoc, figure.np_start, figure.np_end)
    if item_class in ITEM_CLASSES.get(figure.item, ()):
        out["item_class"] = item_class
    if model is not None:
        out["model"] = _char(sdoc, base, *model)
    if figure.subject_span is not None:
        out["subject"] = _char(sdoc, base, *figure.subject_span)
    speaker = _toll_speaker(sdoc, figure) if out["toll"] else None
    if speaker is not None:
        out["speaker"] = _char(sdoc, base, speaker.left_edge.i, speaker.i + 1)
        out["speaker_verb"] = _char(sdoc, base, speaker.head.i, speaker.head.i + 1)
    verb = sdoc[figure.active_verb] if figure.active_verb is not None else _governor(
        sdoc, figure)
    if verb is not None:
        out["verb_lemma"] = verb.lemma_
        agent = _agent(verb)
        if agent is not None:
            out["agent"] = _char(sdoc, base, agent.left_edge.i, agent.i + 1)
    return out


_ESTIMATE_VERBS = frozenset({"put", "estimate", "place", "give", "set", "revise", "raise",
                             "update"})


def _toll_noun(sdoc, figure: Figure):
    """The toll noun a figure completes: "the death toll rose to 45", "the number of
    troops killed ... at 215,000" (the figure itself names no item)."""
    if figure.active_verb is not None or figure.np_end > figure.quantity.end:
        return None
    start = max(0, figure.outcome_start - 6)
    for tok in sdoc[start:min(len(sdoc), figure.outcome_end + 2)]:
        if tok.lower_ in ("toll", "number", "tally"):
            return tok
    return None


def _toll_speaker(sdoc, figure: Figure):
    """"The General Staff put the number of troops killed at 215,000": who gives a toll."""
    tok = _toll_noun(sdoc, figure)
    if tok is not None and tok.dep_ in ("dobj", "obj") and tok.head.lemma_ in _ESTIMATE_VERBS:
        subjects = [c for c in tok.head.children if c.dep_ == "nsubj"]
        return subjects[0] if subjects else None
    return None


def _governor(sdoc, figure: Figure):
    """The verb the counted phrase is the object of ("it had left 15 soldiers dead")."""
    head = sdoc[max(figure.np_start, figure.np_end - 1)]
    if head.dep_ in ("dobj", "obj") and head.head.pos_ == "VERB":
        return head.head
    return None


def _shift(attribution, base: int):
    def move(pair):
        return None if pair is None else (pair[0] + base, pair[1] + base)

    return replace(
        attribution,
        cue=move(attribution.cue), source=move(attribution.source),
        source_head=move(attribution.source_head), person=move(attribution.person),
        content=move(attribution.content), sentence=move(attribution.sentence),
        stated_date=move(attribution.stated_date),
    )
