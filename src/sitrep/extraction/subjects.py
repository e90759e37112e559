"""Whose losses a figure counts, and why sitrep thinks so.

The evidence, strongest first; each answer records its ``basis``:

1. ``explicit``: an actor named in the counted phrase — "Armenian soldiers", "of the Asian
   side", "M23 fighters", "government soldiers" (the state the report is about);
   ``enemy`` ("enemy tanks": the claimant's adversary) and ``self`` ("its own fighters").
2. ``loser``: the subject of "lose"/"suffer" ("Russia lost 5 tanks").
3. ``total``: a subtotal takes its total's subject; ``same``: a figure repeated for another
   period ("compared with 215 in 2022").
4. ``inherited``: the previous claim of the same statement, in the same or the previous
   sentence — a statement listing losses keeps its subject until it names another.
5. ``agent``: the adversary of whoever did it ("its fighters killed 50 soldiers" said by
   JNIM: Mali's soldiers; "Russian shelling killed 12 civilians": Ukraine's).
6. ``own``: soldiers a side reports lost with no one named as doing it ("Six soldiers
   were killed in an ambush, the army said"); equipment it reports destroyed that way is
   the adversary's, a ``guess`` ("three mortars have been destroyed").
7. ``place``: people whose side is not said take the country where they were hit.
8. ``home``: failing that, the country the report is about.

Nothing else: without evidence the subject stays empty.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from importlib import resources

from ..offsets import starting_in
from ..records import Claimant, Subject

_ORIGIN = re.compile(r"^[-\u2010\u2011]\s*(?:made|built|supplied|manufactured|produced|"
                     r"designed|backed|led|funded|trained|armed|provided|based)\b", re.I)
# where a thing comes from or sits, not who acts: "US-made", "a Britain-based monitor"
_MADE_OR_BASED = re.compile(r"^[-\u2010\u2011]\s*(?:made|built|supplied|manufactured|produced|"
                            r"designed|based)\b", re.I)
_SELF = re.compile(r"\b(?:its|our|their)\b", re.I)
_LOCATIVE = re.compile(r"\b(?:in|into|at|near|on|across|around|outside|inside|throughout|of)\s+"
                       r"(?:the\s+)?(?:[\w'-]+\s+){0,3}$", re.I)
_THE_COUNTRY = re.compile(r"\b(?:in|across|throughout)\s+the\s+country\b", re.I)
# the code of an armed group the report does not name ("terrorists", "militants")
UNNAMED_GROUP = "MILITANTS"
PRONOUN_AGENTS = frozenset({"it", "its", "we", "our", "they", "their", "he", "she"})


@functools.lru_cache(maxsize=1)
def _words() -> dict:
    data = json.loads(resources.files("sitrep.data").joinpath("subject_words.json")
                      .read_text("utf-8"))

    def pattern(words: list[str]) -> re.Pattern:
        alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        return re.compile(r"(?<!\w)(?:" + alternatives + r")(?![\w-])", re.I)

    negation = "|".join(re.escape(w) for w in data["negating_prefixes"])
    return {
        "state": pattern(data["state"]["words"]),
        "negated": re.compile(r"(?:" + negation + r")\s*$", re.I),
        "hostile": frozenset(data["hostile"]["words"]),
        "own_forces": pattern(data["own_forces"]["words"]),
        "captured": frozenset(data["captured_outcomes"]),
        "regular": frozenset(data["regular"]["words"]),
    }


def names_hostile(text: str) -> bool:
    """Does the text speak of an enemy by a word a side uses only for its enemies?"""
    return any(w in _words()["hostile"] for w in re.findall(r"[a-z]+", text.lower()))


def hostile(head: str) -> bool:
    """Is the counted noun a word a side uses only for its enemies ("terrorists")?"""
    return head.lower() in _words()["hostile"]


@dataclass(frozen=True)
class Context:
    """Document-wide facts the subject rules need."""

    text: str
    actors: list  # ActorMention, sorted by start
    adversaries: dict[str, str]
    home: str | None  # the state the report is mostly about
    is_state: object  # code -> bool
    belligerents: frozenset[str]
    umbrella: object = None  # code -> the organisation it belongs to, or None
    parties: frozenset[str] = frozenset()  # every state or armed group the report names
    places: list = ()  # resolved PlaceMentions, in document offsets


def made_by(text: str, mention) -> bool:
    """"US-made", "Iranian-built", "Iran-backed": the actor names where a weapon comes
    from or who stands behind someone, not whose they are."""
    return bool(_ORIGIN.match(text[mention.end:mention.end + 14]))


def made_or_based(text: str, mention) -> bool:
    """"US-made", "a Britain-based monitor": the actor only says where something comes
    from or sits; it is no actor of the report."""
    return bool(_MADE_OR_BASED.match(text[mention.end:mention.end + 14]))


def actor_in(ctx: Context, span: tuple[int, int]):
    """The first actor mention inside ``span`` that says whose ("-made" origins do not)."""
    for mention in starting_in(ctx.actors, *span):  # it may run on: "al-Sham (HTS)"
        if mention.kind == "place" or mention.kind == "affiliation" and not mention.leads:
            continue  # "Iran-backed" says who backs them, "Saudi-led" whose they are
        if made_by(ctx.text, mention):
            continue
        if mention.code is not None or mention.kind in ("enemy", "self"):
            return mention
    return None


def named(ctx: Context, span: tuple[int, int] | None, kind: str, claimant: Claimant,
          item: str = "personnel") -> Subject | None:
    """Rule 1: the counted phrase names whose losses they are ("military" names a kind of
    equipment, "military vehicles", not whose it is)."""
    if span is None:
        return None
    words = ctx.text[span[0]:span[1]]
    mention = actor_in(ctx, span)
    if mention is not None and _words()["negated"].search(ctx.text[span[0]:mention.start]):
        # "an anti-junta militia": the junta's adversary
        code = ctx.adversaries.get(mention.code)
        return Subject(code, _military(kind), words.strip(), "explicit") if code else None
    if mention is not None:
        if mention.kind == "enemy":
            code = ctx.adversaries.get(claimant.actor) if claimant.actor else None
            return Subject(code, kind, words.strip(), "enemy")
        if mention.kind == "self":
            return Subject(claimant.actor, kind, words.strip(), "self")
        if mention.military and kind == "unknown":
            kind = "military"
        code = (ctx.umbrella(mention.code) if ctx.umbrella else None) or mention.code
        return Subject(code, kind, words.strip(), "explicit")
    own = _SELF.search(words)
    if own:
        # "its Special Service Group": the actor the possessive goes back to, named just
        # before in the sentence ("intercepts of Pakistan Army's communication"), else the
        # claimant speaking ("the army said its forces ...")
        owner = owner_before(ctx, span[0] + own.start())
        code = owner or claimant.actor
        if code:
            return Subject(code, kind, words.strip(), "self" if code == claimant.actor
                           else "explicit")
    state = _words()["state"].search(words)
    if state and item != "personnel" and state.group().lower() == "military":
        state = None
    if state and ctx.home:
        if _words()["negated"].search(words[:state.start()]):
            code = ctx.adversaries.get(ctx.home)
            return Subject(code, _military(kind), words.strip(), "explicit") if code else None
        return Subject(ctx.home, _military(kind), words.strip(), "explicit")
    return None


def called_enemy(ctx: Context, head: str, kind: str, claimant: Claimant) -> Subject | None:
    """"killing 10 militants", "destroyed 40 terrorists" said by a state: people a side
    calls by a word it uses only for its enemies are its adversary's."""
    if not hostile(head) or claimant.actor is None or not ctx.is_state(claimant.actor):
        return None
    code = ctx.adversaries.get(claimant.actor)
    return Subject(code, _military(kind), None, "enemy") if code else None


OWNER_REACH = 80  # characters before "its" where the actor it stands for is named


def owner_before(ctx: Context, pos: int) -> str | None:
    """The actor named closest before a possessive, within its clause."""
    lead = ctx.text[max(0, pos - OWNER_REACH):pos]
    cut = max(lead.rfind(". "), lead.rfind("; "))
    floor = pos - len(lead) + (cut + 2 if cut >= 0 else 0)
    named = [m for m in ctx.actors if floor <= m.start and m.end <= pos and m.code
             and m.kind not in ("place", "affiliation", "enemy", "self")]
    if not named:
        return None
    code = named[-1].code
    return (ctx.umbrella(code) if ctx.umbrella else None) or code


def demonym_after(ctx: Context, end: int, kind: str) -> Subject | None:
    """"killed four Palestinians": a people named by their demonym right after the figure."""
    for mention in ctx.actors:
        if end <= mention.start <= end + 2 and mention.kind == "demonym" and mention.code:
            return Subject(mention.code, kind, mention.text, "explicit")
    return None


def by_agent(ctx: Context, agent: tuple[int, int] | None, kind: str, claimant: Claimant,
             named_only: bool = False) -> Subject | None:
    """Rule 5: the losses of the other side of whoever inflicted them; with
    ``named_only``, only a doer the text names ("Pakistani forces"), not "it" or "we"."""
    if agent is None:
        return None
    words = ctx.text[agent[0]:agent[1]]
    mention = actor_in(ctx, agent)
    doer = mention.code if mention is not None and mention.kind not in ("enemy", "self") \
        else None
    if named_only:
        doer = doer if doer in ctx.adversaries else None
        return Subject(ctx.adversaries[doer], kind, None, "agent") if doer else None
    if doer is None and (words.lower().split() or [""])[0] in PRONOUN_AGENTS:
        doer = claimant.actor
    if doer is None and mention is None and _words()["own_forces"].search(words):
        doer = claimant.actor  # "the forces repelled an attack and killed ..."
    if doer is None and mention is not None and mention.kind == "self":
        doer = claimant.actor
    if doer is None or doer not in ctx.adversaries:
        return None
    return Subject(ctx.adversaries[doer], kind, None, "agent")


def own(ctx: Context, kind: str, item: str, outcome: str, head: str, claimant: Claimant,
        lost: bool = False) -> Subject | None:
    """Rule 6: a side's own soldiers or equipment, lost with no one named as the doer
    (the caller applies it only when the loss has no agent). What a side captured, and
    the people it calls terrorists, are its adversary's."""
    if claimant.actor is None or claimant.actor not in ctx.parties:
        return None
    rebel_says_soldiers = not ctx.is_state(claimant.actor) and \
        head.lower() in _words()["regular"]
    if outcome in _words()["captured"] or hostile(head) or rebel_says_soldiers:
        code = ctx.adversaries.get(claimant.actor)
        return Subject(code, kind, None, "agent") if code else None
    if item != "personnel" and outcome in ("destroyed", "damaged") and not lost:
        # "three mortars were destroyed", said by a side: what a side reports destroyed
        # with no doer named is, by the way militaries report, the enemy's; a guess
        code = ctx.adversaries.get(claimant.actor)
        return Subject(code, kind, None, "guess") if code else None
    if kind != "military" and item == "personnel":
        return None
    return Subject(claimant.actor, kind, None, "own")


def by_place(ctx: Context, sentence: tuple[int, int], kind: str, pos: int) -> Subject | None:
    """Rule 7: people of no stated side belong to the country where they were hit: the
    place named nearest the figure in its sentence, in a locative phrase."""
    if kind == "military":
        return None
    found = []
    for m in ctx.places:
        if sentence[0] <= m.start and m.end <= sentence[1] and m.place.country:
            lead = ctx.text[max(sentence[0], m.start - 40):m.start]
            if _LOCATIVE.search(lead) and ctx.is_state(m.place.country):
                found.append((abs(m.start - pos), m.place.country))
    for mention in ctx.actors:
        if sentence[0] <= mention.start and mention.end <= sentence[1] and \
                mention.kind in ("place", "state") and ctx.is_state(mention.code):
            lead = ctx.text[max(sentence[0], mention.start - 40):mention.start]
            if mention.kind == "place" or _LOCATIVE.search(lead):
                found.append((abs(mention.start - pos), mention.code))
    here = _THE_COUNTRY.search(ctx.text, sentence[0], sentence[1])
    if here and ctx.home:
        found.append((abs(here.start() - pos), ctx.home))  # "in the country"
    if not found:
        return None
    return Subject(min(found)[1], kind, None, "place")


def at_home(ctx: Context, kind: str) -> Subject | None:
    """Rule 8: people of no stated side, hit at no stated place, in a report about one
    country, are that country's: the weakest evidence, marked as such."""
    if kind == "military" or ctx.home is None:
        return None
    return Subject(ctx.home, kind, None, "home")


def _military(kind: str) -> str:
    return "military" if kind == "unknown" else kind
