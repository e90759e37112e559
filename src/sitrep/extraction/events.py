"""Events: what happened, typed in PLOVER and mapped to ACLED, kept apart from history.

Two steps, like figures and claims:

- ``find_triggers(doc)`` reads one parsed sentence: each trigger word of
  ``data/events.tsv`` ("shelling", "broke out", "called on", "accused", "reached an
  agreement") with the character spans of its arguments — who did it (the subject, or the
  two sides of "between X and Y"), and to whom (the object, "on both sides").
- ``EventBuilder`` turns them into Event records with coded actors ("both sides" expanded
  to the two parties the report names), a date with its precision, a place, the source that
  reports it, and ``background`` when the report recalls history: a date weeks or years
  before the report, or a history cue ("after the disintegration of ...", "from time to
  time").
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..datafiles import tsv_rows
from ..offsets import ByStart
from ..records import Claim, Event, EventActor, EventDate, Place, Reporter, Span
from ..resolve.time import iso_bounds, iso_precision
from .event_places import event_place

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Nouns that name a whole conflict are events only when the sentence makes them happen.
CONFLICT_NOUNS = frozenset({"conflict", "war", "hostilities"})
EVENTIVE_VERBS = frozenset({"break", "erupt", "begin", "start", "continue", "escalate", "enter",
                            "intensify", "rage", "resume", "flare", "engage", "launch", "occur",
                            "happen", "reignite", "spread"})
# Nouns of violence done to someone: their possessor and their "of" phrase are the victims.
VICTIM_NOUNS = frozenset({"murder", "assassination", "killing", "kidnapping", "abduction",
                          "massacre"})
AGREEMENT_NOUNS = frozenset({"agreement", "deal", "accord", "ceasefire", "cease-fire", "truce"})
BOTH_SIDES = re.compile(r"\b(?:both\s+(?:sides|parties|countries)|the\s+two\s+(?:sides|parties|"
                        r"countries)|each\s+other|the\s+other\s+(?:party|side))\b", re.I)
HISTORY = re.compile(r"\b(?:after|since|following)\s+the\s+(?:disintegration|collapse|fall|"
                     r"break-?up|dissolution|end)\s+of\b|\bfrom\s+time\s+to\s+time\b|"
                     r"\b(?:for|over)\s+(?:decades|centuries|generations)\b|\bhistorically\b",
                     re.I)
# The reporter reminds the reader of something past ("Let us recall the explosion of ...");
# a recent date in the sentence still makes it news.
RECALLED = re.compile(r"\b(?:let\s+us|let's)\s+(?:recall|remember)\b|\b(?:it\s+(?:should|will|"
                      r"must)\s+be\s+(?:recalled|remembered))\b|\bwe\s+must\s+not\s+forget\b|"
                      r"\bin\s+the\s+past\b", re.I)
WEEKDAY_OR_MONTH = re.compile(r"(?:on\s+|last\s+|this\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)"
                              r"day|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)\.?|"
                              r"(?:january|february|march|april|june|july|august|september|"
                              r"october|november|december)", re.I)
# Dependents that complete a verb's phrase ("open_fire", "fire_at", "blow_up"; "the body was
# found": "find_body"; "found dead": "find_dead").
_PHRASE_DEPS = frozenset({"prep", "prt", "dobj", "nsubjpass", "oprd", "acomp"})
# Where a phrase's head ends: a preposition, a relative pronoun, a comma or a bracket.
_PHRASE_TAIL = re.compile(r"\s(?:in|at|near|on|of|from|with|who|which|that|during|after|"
                          r"inside|outside|around|along)\s|[,(;]")
# "hundreds of protesters", "a group of armed men", "members of the militia": the people
# come after "of"
_QUANTITY_OF = re.compile(r"^(?:\S+\s+){0,2}?(?:hundreds|dozens|thousands|scores|tens|group|"
                          r"groups|number|members|some|several|many|all|dozen|hundred|"
                          r"thousand|\d+)\s+of\s+", re.I)
# Kinds of actor that are a state's force ("SNA", "the Kremlin" as a state).
_STATE_KINDS = frozenset({"state", "armed_forces", "ministry"})
# A doer's words that name a state's force ("government security forces", "the army").
STATE_WORDS = re.compile(r"\b(?:government|state|national|army|military|police|"
                         r"security forces)\b", re.I)
NOW = re.compile(r"\b(?:currently|now|ongoing|continuing)\b", re.I)
STATEMENT_TYPES = frozenset({"DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "CONSULT"})
PRONOUNS = frozenset({"which", "that", "who", "it", "they", "he", "she", "we", "those",
                      "this", "these", "them", "whom"})
# Verbs that use a weapon named as their object ("fired mortars", "hurled a grenade").
USING_VERBS = frozenset({"fire", "launch", "use", "drop", "throw", "hurl", "lob", "plant",
                         "detonate", "explode", "shell", "hit", "strike", "target", "attack",
                         "conduct", "employ", "involve"})
# Verbs whose subject, a weapon, did nothing ("the rifles were", "mortars remain").
INERT_VERBS = frozenset({"be", "remain", "have", "include", "belong", "arrive", "appear"})
# "will bomb", "could have attacked", "would include": foretold, possible or hedged
MODALS = frozenset({"will", "shall", "may", "might", "could", "would"})
INTENT_VERBS = frozenset({"plan", "intend", "threaten", "want", "vow", "promise", "seek",
                          "prepare", "decide", "hope", "aim"})
# An event's evidence is its sentence when shorter than this, else its cue.
MAX_EVIDENCE = 400
# Types that are events even when nobody is named as doing them ("a bomb exploded").
DEEDS = frozenset({"ASSAULT", "PROTEST", "COERCE", "CRIME"})
# Deeds, and what armed actors do besides fighting (deploy, surrender, withdraw): their
# words send a sentence to the parser, and a doer named by words alone is kept.
ACTIONS = DEEDS | {"MOBILIZE", "CONCEDE", "RETREAT"}
# Types whose passive subject is the doer ("Al Shabaab were deployed in X").
MOVES = frozenset({"MOBILIZE", "CONCEDE", "RETREAT"})
# "clashed with the police", "fought against rebels": the other side of a fight
_FOUGHT = ("on", "to", "against", "with", "at", "upon")
# "a protest against the attack", "anger over the killings": what is talked about
ABOUT = frozenset({"against", "over", "about", "for"})
# "the SMM observed 60 explosions": who saw or counted a deed did not do it
WITNESS_VERBS = frozenset({"observe", "record", "hear", "see", "monitor", "document",
                           "register", "note", "count", "witness"})
# Verbs whose subject suffers the deed a noun beside them names ("died in the blast").
SUFFERING_VERBS = frozenset({"die", "perish"})
FIRING_VERBS = frozenset({"fire", "launch", "hurl", "throw", "lob", "drop"})
# Verbs whose target follows "at" ("fired at the convoy", "shot at the police").
AIMING_VERBS = FIRING_VERBS | {"shoot"}


@dataclass(frozen=True)
class Trigger:
    """One event in a sentence; spans are character offsets into the sentence's Doc."""

    type: str
    mode: str | None
    acled: tuple[str, str] | None
    cue: tuple[int, int]
    agents: tuple[tuple[int, int], ...]
    recipients: tuple[tuple[int, int], ...]
    present: bool = False  # told in the present tense ("calls on"): it happens as reported
    weapon: bool = False  # a weapon's noun, used ("mortars", "a drone")
    firing: bool = False  # told by a verb of firing ("fired", "launched"): the weapon says how
    harm: bool = False  # a verb of harm ("killed", "shot") with its victims, no other trigger
    round: bool = False  # a noun of fire itself ("shots", "projectiles"): a weapon's stand-in


@functools.lru_cache(maxsize=1)
def lexicon() -> dict[tuple[str, str], tuple[str, str | None, tuple[str, str] | None]]:
    table = {}
    for r in tsv_rows("events.tsv"):
        mode = None if r["mode"] == "-" else r["mode"]
        acled = None if r["acled_type"] == "-" else (r["acled_type"], r["acled_sub"])
        table[(r["phrase"], r["role"])] = (r["type"], mode, acled)
    return table


def find_triggers(doc: Doc) -> list[Trigger]:
    """The event triggers of a parsed sentence, at most one per type and mode. Triggers
    inside what is demanded or alleged ("accused the other party of launching attacks")
    are the statement's content, not events of their own."""
    found: dict[tuple, Trigger] = {}
    harms: list[tuple[int, Trigger]] = []  # (token index, trigger)
    covered: set[int] = set()
    for tok in doc:
        if tok.i in covered:
            continue
        hit = _match(tok)
        if hit is None:
            harm = _harm(tok)
            if harm is not None:
                harms.append((tok.i, harm))
            continue
        (type_, mode, acled), end, role = hit
        covered.update(range(tok.i, end))
        if type_ in DEEDS and _unreal(tok):
            continue
        if type_ in STATEMENT_TYPES:
            covered.update(t.i for c in tok.children
                           if c.dep_ in ("prep", "xcomp", "ccomp", "dobj") for t in c.subtree)
        agents, recipients = _arguments(tok, type_)
        if role == "found":
            agents = ()  # who found the bodies did not kill them
        trigger = Trigger(type_, mode, acled, (tok.idx, doc[end - 1].idx + len(doc[end - 1])),
                          agents, recipients, tok.tag_ in ("VBZ", "VBP"),
                          weapon=role in ("weapon", "round"),
                          firing=tok.lemma_.lower() in FIRING_VERBS, round=role == "round")
        found.setdefault((type_, mode, trigger.weapon, trigger.round), trigger)
    # a harm inside what is demanded or alleged is content too
    told = _with_victims(_armed_with(_protested(list(found.values()))),
                         [h for i, h in harms if i not in covered])
    return sorted(told, key=lambda t: t.cue[0])  # in the order the sentence tells them


def _protested(triggers: list[Trigger]) -> list[Trigger]:
    """A demonstration told with a gathering or arrests in its sentence is one event:
    "gathered at the square in demonstration" is the protest; "police detained residents
    taking part in protests" is a protest with intervention (ACLED: arrests of peaceful
    demonstrators)."""
    protest = next((t for t in triggers if t.type == "PROTEST" and t.acled
                    and t.acled[0] == "Protests"), None)
    if protest is None:
        return triggers
    arrests = [t for t in triggers if t.acled and t.acled[1] == "Arrests"]
    kept = [t for t in triggers if t not in arrests
            and not (t.type == "MOBILIZE" and t.mode == "gather")]
    if not arrests:
        return kept
    return [replace(t, acled=INTERVENED) if t is protest else t for t in kept]


def _armed_with(triggers: list[Trigger]) -> list[Trigger]:
    """The weapon decides how a fight was fought: "fired 120mm mortars at the positions",
    "attacks by helicopter gunships" are one event, told as shelling or an air strike. A
    weapon named tells more than the rounds counted ("shots involving heavy machine guns");
    with no weapon named, the rounds say how ("projectiles/shots": an exchange of fire)."""
    arms = [t for t in triggers if t.weapon and not t.round]
    if arms:
        triggers = [t for t in triggers if not t.round]
    weapons = arms or [t for t in triggers if t.round]
    if any(w.mode == "small-arms" for w in weapons):
        # "fired grenade launchers and small arms", "explosions and shots": with small arms
        # in the exchange it is an armed clash, whatever else was fired
        fought = [t for t in triggers if t.type == "ASSAULT" and t.mode != "aerial"]
        first = fought[0]
        clash = next(w for w in weapons if w.mode == "small-arms")
        remote = first.acled is None or first.acled[0] == "Explosions/Remote violence"
        merged = replace(first, mode="small-arms", acled=clash.acled if remote else first.acled,
                         weapon=False, round=False,
                         agents=first.agents or next((t.agents for t in fought if t.agents),
                                                     ()))
        return [merged if t is first else t for t in triggers if t not in fought[1:]]
    plain = next((t for t in triggers if t.type == "ASSAULT" and not t.weapon
                  and (t.mode is None or t.firing)), None)
    if not weapons or plain is None:
        return triggers
    # machine guns fired beside heavier weapons: the heavier say how it was fought
    first = next((w for w in weapons if w.mode != "machine-gun"), weapons[0])
    merged = replace(plain, mode=first.mode, acled=first.acled,
                     agents=plain.agents or first.agents)
    told = {id(first)} | {id(w) for w in weapons if w.mode == "machine-gun"} \
        if first.mode != "machine-gun" else {id(first)}
    return [merged if t is plain else t for t in triggers if id(t) not in told]


def _unreal(tok: Token) -> bool:
    """A deed only planned, feared or possible ("the rebels plan to burn vehicles", "the
    armed forces will be bombing civilians") has not happened."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
    while True:  # up a chain of conjoined verbs: "plan to burn ... and bomb ..."
        if any(c.dep_ == "aux" and c.lemma_.lower() in MODALS for c in verb.children):
            return True
        if verb.dep_ != "conj" or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in INTENT_VERBS:
        return True
    return tok.pos_ not in ("VERB", "AUX") and _hedged_noun(tok)


def _hedged_noun(noun: Token) -> bool:
    """"the figures could include people killed in earlier clashes": a noun of violence
    inside what a hedged verb says might be."""
    for head in noun.ancestors:
        if head.dep_ in ("ccomp", "advcl", "relcl"):
            return False  # a clause of its own tells its own deeds
        if head.pos_ in ("VERB", "AUX") and any(
                c.dep_ == "aux" and c.lemma_.lower() in MODALS for c in head.children):
            return True
    return False


def _harm(tok: Token) -> Trigger | None:
    """"guerrillas killed the mayor", "a judge was shot": a verb of harm with its victim."""
    if tok.pos_ != "VERB" or not _is_harm(tok) or _unreal(tok):
        return None
    if any(c.dep_ == "prt" for c in tok.children):
        return None  # "shot down 12 drones", "burned out": not harm done to someone
    type_, mode, acled = lexicon()[(tok.lemma_.lower(), "harm")]
    agents, victims = _arguments(tok, type_)
    if not victims:
        if not any(c.dep_ == "auxpass" for c in tok.children):
            return None
        # "a man was shot dead": the passive tells of a victim the parse missed; one
        # person shot is no exchange of fire, so the weapon does not say how it was fought
        mode = None
    return Trigger(type_, mode, acled, (tok.idx, tok.idx + len(tok)), agents, victims,
                   tok.tag_ in ("VBZ", "VBP"), harm=True)


def _is_harm(tok: Token) -> bool:
    return (tok.lemma_.lower(), "harm") in lexicon()


def _with_victims(triggers: list[Trigger], harms: list[Trigger]) -> list[Trigger]:
    """The victims of harm verbs join the sentence's violent event ("a bomb exploded,
    killing the mayor"); with no violent event the harm is the event."""
    if not harms:
        return triggers
    victims = tuple(dict.fromkeys(v for h in harms for v in h.recipients))
    doers = tuple(dict.fromkeys(a for h in harms for a in h.agents))
    main = next((t for t in triggers if t.type == "ASSAULT"), None)
    if main is None:
        return [*triggers, replace(harms[0], agents=doers, recipients=victims)]
    merged = replace(main, recipients=tuple(dict.fromkeys([*main.recipients, *victims])),
                     agents=main.agents or doers)
    return [merged if t is main else t for t in triggers]


def _match(tok: Token):
    if tok.ent_type_ in ("DATE", "TIME"):
        return None  # "in March", "on the day of the rally"
    table = lexicon()
    lemma = tok.lemma_.lower()
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    for end in (tok.i + 3, tok.i + 2):  # "heavy machine guns", "car bomb"
        if end > len(tok.doc):
            continue
        words = tok.doc[tok.i:end]
        phrase = " ".join([t.lower_ for t in words[:-1]] + [words[-1].lemma_.lower()])
        if (phrase, "noun") in table:
            return table[(phrase, "noun")], end, "noun"
        if (phrase, "weapon") in table and _used(words[-1]):
            return table[(phrase, "weapon")], end, "weapon"
        if (phrase, "round") in table:
            return table[(phrase, "round")], end, "round"
    if nxt is not None and nxt.text == "-" and tok.i + 2 < len(tok.doc):
        joined = f"{tok.lower_}-{tok.doc[tok.i + 2].lemma_.lower()}"  # "shoot-outs", "sit-in"
        if (joined, "noun") in table:
            return table[(joined, "noun")], tok.i + 3, "noun"
    if tok.pos_ in ("VERB", "AUX"):
        for child in tok.children:
            key = f"{lemma}_{child.lemma_.lower()}"
            if child.dep_ in _PHRASE_DEPS and (key, "verb") in table:
                return table[(key, "verb")], tok.i + 1, "verb"
            if child.dep_ in _PHRASE_DEPS and (key, "found") in table:
                return table[(key, "found")], tok.i + 1, "found"
            if lemma in ("reach", "sign") and child.dep_ == "dobj" \
                    and child.lemma_.lower() in AGREEMENT_NOUNS:
                return table[(f"{lemma}_agreement", "verb")], tok.i + 1, "verb"
        if (lemma, "verb") in table and (lemma != "must" or tok.dep_ == "aux"):
            return table[(lemma, "verb")], tok.i + 1, "verb"
    if tok.pos_ in ("NOUN", "PROPN") and (lemma, "weapon") in table and _used(tok):
        return table[(lemma, "weapon")], tok.i + 1, "weapon"
    if tok.tag_ == "NNS" and (lemma, "round") in table:
        # rounds are counted: "40 shots", "shots were fired"; "a shot at the presidency" is
        # no gunfire
        return table[(lemma, "round")], tok.i + 1, "round"
    if tok.pos_ in ("NOUN", "PROPN") and (lemma, "noun") in table:
        if lemma in CONFLICT_NOUNS and not _happens(tok):
            return None
        return table[(lemma, "noun")], tok.i + 1, "noun"
    return None


def _used(weapon: Token) -> bool:
    """"a drone strike", "fired mortars", "a grenade exploded", "an ambush using mines":
    the weapon was used; "shot down 12 drones", "grenades were found": it was not."""
    while weapon.dep_ in ("conj", "appos", "npadvmod") and weapon.head.i != weapon.i:
        weapon = weapon.head  # "mortars, rockets and grenades", "small arms/machineguns"
    if weapon.dep_ in ("compound", "amod"):
        return True  # "a grenade attack", "a drone strike"
    verb = weapon.head
    if weapon.dep_ == "pobj":
        if verb.lower_ in ("with", "by"):
            return True  # "attacked with grenades", "attacks by helicopter gunships"
        verb = verb.head
    if weapon.dep_ == "nsubj":
        return verb.lemma_.lower() not in INERT_VERBS  # "a grenade exploded"
    return verb.lemma_.lower() in USING_VERBS


def _happens(noun: Token) -> bool:
    """"a new round of conflict broke out", "the conflict entered its fourth day"."""
    head = noun
    for _ in range(3):
        if any(c.dep_ == "prep" and c.lower_ == "between" for c in head.children):
            return True
        if head.head.i == head.i:
            break
        head = head.head
        if head.pos_ == "VERB" and head.lemma_.lower() in EVENTIVE_VERBS:
            return True
    return False


def _arguments(tok: Token, type_: str):
    """(agents, recipients) as character spans."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else None
    if type_ == "DEMAND" and tok.lemma_.lower() == "must":
        # "both sides must stop": the addressees; the speaker is the source
        return (), tuple(_span(c) for c in tok.head.children if c.dep_ == "nsubj")
    between = _between(tok)
    if between:
        return between, ()
    if verb is None:  # a noun: the subject of the verb it hangs from
        verb = tok.head
        about = False  # "protested against the attack": the protesters did not attack
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            about = about or verb.dep_ == "prep" and verb.lower_ in ABOUT
            verb = verb.head
        about = about or verb.lemma_.lower() in WITNESS_VERBS
        mods = tuple(_span(c) for c in tok.children if c.dep_ in ("amod", "compound", "poss")
                     and c.pos_ in ("ADJ", "PROPN", "NOUN"))
        if tok.lemma_.lower() in VICTIM_NOUNS:
            # "Oqueli's assassination", "the murder of the Jesuits by soldiers"; an
            # adjective ("the brutal murder") names nobody
            victims = tuple(_span(c) for c in tok.children if c.dep_ in ("compound", "poss")
                            and c.pos_ in ("PROPN", "NOUN"))
            victims += tuple(_span(o) for c in tok.children if c.dep_ == "prep"
                             and c.lower_ == "of" for o in c.children if o.dep_ == "pobj")
            doers = tuple(_span(o) for c in tok.children if c.dep_ in ("prep", "agent")
                          and c.lower_ == "by" for o in c.children if o.dep_ == "pobj")
            return doers, victims
        if verb.lemma_.lower() in SUFFERING_VERBS:
            # "Inspector Flores died in the explosion": who died suffered the deed
            victims = tuple(s for c in verb.children if c.dep_ == "nsubj"
                            for s in _spans(c) if not s[0] <= tok.idx < s[1])
            return mods, victims
        # "three soldiers were killed in an ambush": the killed are no doers
        roles = ("nsubj",) if _is_harm(verb) else ("nsubj", "nsubjpass")
        subjects = () if about else tuple(s for c in verb.children if c.dep_ in roles
                                          for s in _spans(c) if not s[0] <= tok.idx < s[1])
        # "an attack against the former minister", "the assault on the convoy"
        targets = tuple(_span(o) for c in tok.children if c.dep_ == "prep"
                        and c.lower_ in ("against", "on") for o in c.children
                        if o.dep_ == "pobj")
        return mods + subjects, targets
    subject_of = verb
    if verb.dep_ == "amod":  # "blocked roads with burning tyres": the blockers burned them
        while subject_of.head.i != subject_of.i and (
                subject_of.i == verb.i or subject_of.pos_ not in ("VERB", "AUX")):
            subject_of = subject_of.head
    while subject_of.dep_ in ("conj", "xcomp", "advcl", "pcomp") and not any(
            c.dep_ in ("nsubj", "nsubjpass") for c in subject_of.children):
        # "gunmen shot and killed the mayor", "residents closed the road by burning tires"
        subject_of = subject_of.head
        if subject_of.dep_ == "prep":
            subject_of = subject_of.head
    agents = tuple(s for c in subject_of.children if c.dep_ == "nsubj" for s in _spans(c))
    agents += tuple(s for c in verb.children if c.dep_ == "agent"
                    for o in c.children if o.dep_ == "pobj" for s in _spans(o))
    # "fired mortars at the positions": what is fired is the weapon, the target follows "at"
    fired = verb.lemma_.lower() in FIRING_VERBS
    objects = [c for c in verb.children if c.dep_ in ("dative", "nsubjpass")
               or c.dep_ == "dobj" and not fired]
    if not objects and not fired:  # "killed and mutilated the body": the object is shared
        objects = [o for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"
                   for o in c.children if o.dep_ == "dobj"][:1]
    objects += [j for o in list(objects) for j in o.conjuncts]
    objects += [o for c in verb.children if c.dep_ == "prep"
                and c.lower_ in (_FOUGHT if type_ == "ASSAULT" else _FOUGHT[:3])
                and not (c.lower_ == "at" and verb.lemma_.lower() not in AIMING_VERBS)
                for o in c.children if o.dep_ == "pobj"]
    objects = [o for o in objects if o.ent_type_ not in ("DATE", "TIME")]
    if type_ == "AGREE":
        return agents, ()
    return agents, tuple(_span(o) for o in objects if o.lemma_.lower() not in AGREEMENT_NOUNS)


def _between(tok: Token) -> tuple[tuple[int, int], ...]:
    head = tok
    for _ in range(5):
        for child in head.children:
            if child.dep_ == "prep" and child.lower_ == "between":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    first = objects[0]
                    return (_span(first),) + tuple(_span(c) for c in first.conjuncts)
        if head.head.i == head.i:
            break
        head = head.head
    return ()


def _spans(tok: Token) -> list[tuple[int, int]]:
    """A phrase and its conjuncts: "Azerbaijani and Armenian"."""
    return [_span(tok)] + [_span(c) for c in tok.conjuncts]


def _span(tok: Token) -> tuple[int, int]:
    """The phrase a token heads, without a relative clause or a long tail."""
    left = tok.left_edge
    right = tok
    for child in tok.children:
        if child.i > tok.i and child.dep_ in ("compound", "amod", "prep", "appos", "flat"):
            right = child.right_edge if child.dep_ != "prep" else child.right_edge
    end = right.idx + len(right)
    return (left.idx, end)


def _acled(trigger: Trigger, doers: frozenset[str], targets: frozenset[str]
           ) -> dict[str, str] | None:
    """The ACLED type and sub-type: the first row of ``acled.tsv`` that fits the event's
    type, mode and the kinds of its doers and targets, else the trigger's own reading."""
    if trigger.acled is None:
        return None
    for row in acled_rules():
        if _fits(row, trigger, doers, targets):
            kind = trigger.acled[0] if row["event_type"] == "=" else row["event_type"]
            sub = trigger.acled[1] if row["sub_event_type"] == "=" else row["sub_event_type"]
            return {"event_type": kind, "sub_event_type": sub}
    return {"event_type": trigger.acled[0], "sub_event_type": trigger.acled[1]}


def _fits(row: dict[str, str], trigger: Trigger, doers: frozenset[str],
          targets: frozenset[str]) -> bool:
    def party(want: str, have: frozenset[str]) -> bool:
        return want == "*" or (not have if want == "-" else want in have)

    return (row["type"] == trigger.type and row["mode"] in ("*", trigger.mode or "-")
            and party(row["doer"], doers) and party(row["target"], targets))


@functools.lru_cache(maxsize=1)
def acled_rules() -> tuple[dict[str, str], ...]:
    return tuple(tsv_rows("acled.tsv"))


@functools.lru_cache(maxsize=1)
def party_words() -> dict[str, tuple[str, bool]]:
    """Word -> (class of party, whether it names people) (event_parties.tsv)."""
    return {r["word"]: (r["class"], r["people"] == "yes") for r in tsv_rows("event_parties.tsv")}


@functools.lru_cache(maxsize=1)
def _party_pattern() -> re.Pattern:
    words = sorted(party_words(), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")(?:e?s)?\b", re.I)


def party_class(words: str) -> str | None:
    """The class of the last party word of a phrase's head ("clan militia" -> armed; "Al
    Shabaab in Buulo village" -> None: the village only says where)."""
    pattern, table = _party_pattern(), party_words()
    head = _PHRASE_TAIL.split(_QUANTITY_OF.sub("", words), maxsplit=1)[0]
    found = [m.group(1).lower() for m in pattern.finditer(head)]
    return table[found[-1]][0] if found else None


class EventBuilder:
    """Resolves the triggers of a document into Event records."""

    def __init__(self, text: str, dates: list, context, today: str | None,
                 sources_at: dict, places: list, body_start: int = 0):
        self.text = text
        # the dateline's date is when the report was filed, not when anything happened
        self.dates = ByStart([d for d in dates if d.start >= body_start])
        self.context = context
        self.today = dt.date.fromisoformat(today) if today else None
        self.sources_at = sources_at  # sentence index -> the source speaking there
        self.places = ByStart(list(places))
        # the country most of the report's places lie in
        countries = Counter(p.where.country for p in places if p.where is not None
                            and p.where.country)
        self.country = countries.most_common(1)[0][0] if countries else None
        self.mentions = ByStart(list(context.actors))
        self.kinds: dict[str, set[str]] = {}  # an argument's words -> kinds of actor named

    def build(self, sentences, claims=()) -> list[Event]:
        events = []
        claims = ByStart(list(claims), key=lambda c: c.evidence.start)
        told: tuple[int, EventDate] | None = None  # the last dated deed: sentence, date
        for facts in sentences:
            source = self.sources_at.get(facts.index)
            for trigger in facts.triggers:
                event = self._event(trigger, facts, source, len(events))
                if event is None:
                    continue
                if event.type in DEEDS and event.date.start is not None:
                    told = (facts.index, event.date)
                elif event.type in DEEDS and told and told[0] in (facts.index, facts.index - 1):
                    # "On 10 March Shining Path members murdered four peasants. After
                    # killing them, the terrorists used explosives against the town hall":
                    # a deed told right after a dated one goes on with its date
                    event = replace(event, date=told[1], background=self._background(
                        told[1], self.text[facts.start:facts.end]))
                events.append(event)
            if not any(t.type == "ASSAULT" for t in facts.triggers):
                events.extend(self._killings(facts, claims, source, len(events)))
        return _turned_violent(events)

    def _killings(self, facts, claims, source, number: int) -> list[Event]:
        """"RSF fighters killed at least 12 civilians in a market": a sentence with no
        violence word whose claims count civilians killed or wounded is an attack on them."""
        hit = [c for c in claims.starting_in(facts.start, facts.end)
               if c.item == "personnel" and c.subject.kind == "civilian"
               and c.outcome in ("killed", "wounded", "killed_or_wounded") and not c.parent]
        if not hit:
            return []
        first = hit[0]
        day = first.event_date or (first.period.start if first.period else None)
        date = EventDate(day, day, iso_precision(day))
        reporter = Reporter(source.claimant.actor, source.claimant.name) if source else None
        return [Event(
            type="ASSAULT", mode=None, actors=(),
            recipients=tuple(EventActor(a) for a in dict.fromkeys(
                c.subject.actor for c in hit if c.subject.actor)),
            date=date, place=first.place, background=self._background(date, ""),
            reported_by=reporter,
            acled={"event_type": "Violence against civilians", "sub_event_type": "Attack"},
            evidence=first.evidence, id=f"E{number + 1}")]

    def _event(self, trigger: Trigger, facts, source, number: int) -> Event | None:
        named = trigger.type in ACTIONS  # "unidentified individuals" planted the bomb
        agents = self._actors(trigger.agents, keep_unnamed=named)
        recipients = self._actors(trigger.recipients, keep_unnamed=named)
        if trigger.type in MOVES and not agents:
            agents, recipients = recipients, []
        if trigger.type in STATEMENT_TYPES and source is not None and not agents:
            agents = [EventActor(source.claimant.actor)] if source.claimant.actor else []
        if not agents and not recipients and trigger.type not in DEEDS:
            return None
        date = self._date(trigger, facts, source)
        cue = Span.of(self.text, *trigger.cue)
        sentence = self.text[facts.start:facts.end]
        reporter = Reporter(source.claimant.actor, source.claimant.name) if source else None
        return Event(
            type=trigger.type, mode=trigger.mode,
            actors=tuple(agents),
            recipients=tuple(r for r in recipients
                             if r.actor is None or r.actor not in {a.actor for a in agents}),
            date=date, place=self._place(trigger, facts, source),
            background=self._background(date, sentence),
            reported_by=reporter,
            acled=_acled(trigger, self._classes(agents),
                         self._classes(recipients, targets=True)),
            evidence=Span.of(self.text, facts.start, facts.end)
            if len(sentence) < MAX_EVIDENCE else cue,
            id=f"E{number + 1}",
        )

    def _actors(self, spans, keep_unnamed: bool = False) -> list[EventActor]:
        """Coded actors of argument spans, each with the words that name it; with
        ``keep_unnamed``, a span that names no known actor is kept by its words alone."""
        out: dict[str, EventActor] = {}  # by code, or by the words of an unnamed actor
        for start, end in spans:
            if self._is_date(start, end):
                continue  # "on Thursday", "22 September": when, not whom
            words = " ".join(self.text[start:end].split())  # one line, no stray spaces
            if BOTH_SIDES.search(words):
                for code in sorted(self.context.belligerents):
                    out.setdefault(code, EventActor(code, words))
                continue
            inside = [m for m in self.mentions.starting_in(start, end) if m.code
                      and m.kind not in ("place", "affiliation") and not self._in_place(m)]
            self.kinds.setdefault(words, set()).update(m.kind for m in inside)
            codes = [(self.context.umbrella(m.code) if self.context.umbrella else None)
                     or m.code for m in inside]
            for code in codes:
                out.setdefault(code, EventActor(code, words))
            if not codes and keep_unnamed and words.lower() not in PRONOUNS:
                out.setdefault(words, EventActor(None, words))
        return list(out.values())

    def _in_place(self, mention) -> bool:
        """An actor's name inside a longer place name ("Juba" in "Lower Juba")."""
        return any(p.start <= mention.start and mention.end <= p.end
                   and p.end - p.start > mention.end - mention.start
                   for p in self.places.starting_in(max(0, mention.start - 60), mention.end))

    def _is_date(self, start: int, end: int) -> bool:
        words = self.text[start:end]
        if WEEKDAY_OR_MONTH.fullmatch(words.strip()):
            return True
        return any(m.start <= start and end <= m.end + 1
                   for m in self.dates.starting_in(max(0, start - 60), end))

    def _classes(self, actors: list[EventActor], *, targets: bool = False) -> frozenset[str]:
        """The kinds of party (event_parties.tsv classes) among ``actors``: their words
        first ("clan militia", "two Palestinians"), else the kind of actor they name. As
        targets, a crowd's people ("residents") are civilians."""
        out = set()
        for a in actors:
            words = a.text or ""
            found = party_class(words)
            kinds = self.kinds.get(words, set())
            if found:
                out.add(found)
                if found == "armed" and (STATE_WORDS.search(words) or kinds & _STATE_KINDS):
                    out.add("state")
            elif kinds & _STATE_KINDS or kinds & {"armed_group"}:
                out |= {"armed", "state"} if kinds & _STATE_KINDS else {"armed"}
            elif kinds & {"demonym"} and targets:
                out.add("civilian")  # "two Palestinians": people of a nation
        if targets and "crowd" in out:
            out.add("civilian")
        return frozenset(out)

    def _date(self, trigger: Trigger, facts, source) -> EventDate:
        named = [*trigger.agents, *trigger.recipients]
        inside = [m for m in self.dates.starting_in(facts.start, facts.end) if m.end <= facts.end
                  and m.kind not in ("ordinal_day", "ref") and m.start_date is not None
                  # "October revolution protesters": a date in a name is not when
                  and not any(a <= m.start and m.end <= b for a, b in named)]
        content = _content(source, facts)
        if content and content[0] <= trigger.cue[0] < content[1] and trigger.type in DEEDS:
            # "X reported today that Y was kidnapped": "today" dates the report, not the
            # deed (a demand told inside a statement is dated by it)
            inside = [m for m in inside if content[0] <= m.start < content[1]]
        if inside:
            m = min(inside, key=lambda m: abs(m.start - trigger.cue[0]))
            return EventDate(m.start_date.isoformat(), m.end_date.isoformat(), m.precision)
        if trigger.present or NOW.search(self.text, facts.start, facts.end):
            day = (source.stated_on if source and source.stated_on else
                   self.today.isoformat() if self.today else None)
            if day:
                return EventDate(day, day, "day")
        return EventDate(None, None, None)

    def _place(self, trigger: Trigger, facts, source) -> Place | None:
        """The place the sentence ties to the event (``event_places``)."""
        content = _content(source, facts)
        mentions = list(self.places.starting_in(facts.start, facts.end))
        # a namesake abroad ("Colonia" in a Mexican report) yields to the report's country
        home = [m for m in mentions if m.where is not None and m.where.country == self.country
                and m.where.feature != "country"]
        return event_place(
            home or mentions, self.text, trigger.cue[0],
            trigger.recipients, floor=facts.start, deed=trigger.type in ACTIONS,
            # where a demand was made, not the place it is about
            not_in=content if trigger.type in STATEMENT_TYPES else None)

    def _background(self, date: EventDate, sentence: str) -> bool:
        """History: a history cue; a date weeks before the report; with no date, the
        reporter's reminder ("let us recall")."""
        if HISTORY.search(sentence):
            return True
        bounds = iso_bounds(date.end)  # the end can be a month or a year: "1988-04"
        if self.today is None or bounds is None:
            return RECALLED.search(sentence) is not None
        return bounds[1] < self.today - dt.timedelta(days=30)


RIOT = {"event_type": "Riots", "sub_event_type": "Violent demonstration"}
INTERVENED = ("Protests", "Protest with intervention")
# How far after a demonstration its violence may be told (characters).
AFTERMATH = 600


def _turned_violent(events: list[Event]) -> list[Event]:
    """A demonstration whose participants turn violent in the report's next sentences
    ("residents protested ... They threw stones at the police", "... where they burned
    tires") is a riot (ACLED: a demonstration in which participants engage in violence):
    a riot, or violence with no other doer named, told after it."""
    violent = [e.evidence.start for e in events if not e.background and e.acled and (
        e.acled["event_type"] == "Riots" or e.type == "ASSAULT" and not e.actors
        and e.acled["event_type"] in ("Battles", "Strategic developments"))]
    if not violent:
        return events
    return [replace(e, acled=RIOT) if e.acled and e.acled["event_type"] == "Protests"
            and any(e.evidence.start <= r <= e.evidence.end + AFTERMATH for r in violent)
            else e for e in events]


def _content(source, facts) -> tuple[int, int] | None:
    """Where the sentence's statement content lies, when its source speaks there."""
    return source.content if source and source.sentence == facts.index else None


def link_claims(claims: list[Claim], events: list[Event]) -> list[Claim]:
    """Each claim with the id of the deed its sentence tells ("Russian shelling killed five
    civilians": the shelling); claims in sentences with no deed stay unlinked."""
    told = [e for e in events if e.type in DEEDS]
    deeds = ByStart(told, key=lambda e: e.evidence.start)
    longest = max((e.evidence.end - e.evidence.start for e in told), default=0)
    linked = []
    for claim in claims:
        # the deeds whose evidence can hold the claim's start
        before = deeds.starting_in(claim.evidence.start - longest, claim.evidence.start + 1)
        event = next((e for e in before
                      if e.evidence.start <= claim.evidence.start < e.evidence.end), None)
        linked.append(replace(claim, event=event.id) if event else claim)
    return linked
