"""Constants and records shared by the figure reader."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..lexicon import ItemMatch, OutcomeWord
from ..quantities import QuantityMention

if TYPE_CHECKING:
    pass



MEASURES = frozenset({"set", "sets", "unit", "units", "piece", "pieces", "pcs", "item", "items"})
PARTITIVE_DETS = frozenset({"its", "their", "the", "our", "his", "her", "these", "those"})
SUBTOTAL_BEFORE = (("of", "whom"), ("of", "which"), ("among", "them"), ("among", "whom"),
                   ("including",), ("includes",), ("include",), ("among", "those"))
COMPARISON_BEFORE = (("compared", "with"), ("compared", "to"), ("up", "from"),
                     ("down", "from"), ("against",), ("versus",), ("vs",), ("vs.",))
ADDITIVE_BEFORE = (("along", "with"), ("as", "well", "as"), ("in", "addition", "to"),
                   ("together", "with"))
POST_SUBJECT = (("of",), ("belonging", "to"), ("from",), ("used", "by"), ("operated", "by"),
                ("owned", "by"), ("launched", "by"), ("flown", "by"), ("fired", "by"))
LIST_GLUE = frozenset({",", "and", "as", "well", "plus", "also", "another", "further"})
# "were said to have been killed", "are believed to have died": raising verbs before the loss
RAISING = frozenset({"said", "reported", "believed", "feared", "thought", "estimated",
                     "confirmed", "known", "understood", "presumed", "alleged"})
PASSIVE_GLUE = frozenset({"were", "was", "are", "is", "be", "been", "being", "have", "has",
                          "had", "reportedly", "also", "all", "allegedly", "later", "either",
                          "both", "respectively", "now", "so", "far", "thus", "got", "get",
                          "getting", "gotten", "slightly", "seriously", "critically",
                          "remain", "remained", "remains", "remaining"})
BE_FORMS = frozenset({"be", "is", "are", "was", "were", "been", "being", "get", "got",
                      "gotten", "getting"})
# quotation marks, and the brackets of an editor's insertion ("22 pro-government [forces]"):
# the words inside them are read as if the marks were not there
QUOTES = frozenset({'"', "“", "”", "'", "‘", "’", "«", "»", "[", "]"})
CLAUSE_STOPS = frozenset({"who", "whom", "whose", "which", "that", "while", "when", "after",
                          "before", "because", "but", "although", ";", ":", "whereas", "if"})
INTRANSITIVE = frozenset({"die", "perish", "disappear", "surrender"})
MODALS = frozenset({"will", "would", "could", "may", "might", "'ll", "shall", "should"})
HOSTAGE_WORDS = frozenset({"hostage", "hostages", "prisoner", "prisoners", "captive",
                           "captives"})
TAKE_VERBS = frozenset({"take", "took", "taken", "taking", "takes"})
TOLL_VERBS = frozenset({"rise", "rose", "risen", "climb", "reach", "stand", "stood", "increase",
                        "amount", "total", "exceed", "pass",
                        "jump", "hit", "top", "surpass", "be", "grow", "mount",
                        "soar", "surge", "bring", "put", "raise", "is", "was", "at", "to"})
TOLL_NOUNS = frozenset({"toll", "tally", "number", "count", "figure", "losses", "loss",
                        "casualties"})
TOLL_LINKS = frozenset({"to", "at", "of", "is", "was", ":", "reached", "hit", "surpassed",
                        "exceeded", "topped", "passed", "stood", "stands"})
NP_POS = frozenset({"ADJ", "NOUN", "PROPN", "X", "NUM"})
_MODEL_NAME = re.compile(r"^[A-Z][A-Za-z]*-\d+[A-Za-z]*$")  # MiG-21, Su-35, F-16


@dataclass(frozen=True)
class Figure:
    """A loss figure in one sentence; token indices refer to the sentence's Doc."""

    quantity: QuantityMention
    item: str
    kind: str  # military | civilian | unknown
    outcome: str
    np_start: int
    np_end: int
    outcome_start: int
    outcome_end: int
    subject_span: tuple[int, int] | None  # tokens that may name whose losses
    active_verb: int | None  # token of the active verb when the figure is its object
    parent: int | None = None  # index (in the sentence's figures) of the total
    list_of: int | None = None  # index of the first figure of the list it shares a verb with
    same_as: int | None = None  # a figure this one repeats for another period or place
    head: int | None = None  # the counted noun's last token, when there is one

    @property
    def start(self) -> int:
        return min(self.quantity.start, self.outcome_start)

    @property
    def end(self) -> int:
        return max(self.np_end, self.outcome_end)


@dataclass(frozen=True)
class _Counted:
    item: ItemMatch | None
    np_end: int
    pre: tuple[int, int]
    post: tuple[int, int] | None
    partitive: bool = False  # "180 of them", "5 of its fighters"
    noun_outcome: OutcomeWord | None = None  # "civilian deaths", "wounded people"
    unknown_noun: bool = False  # a count of something the lexicon does not know
    named_group: bool = False  # "21 Al Shabaab": a count named by the group it belongs to

    @property
    def head_end(self) -> int:
        """Where the counted noun ends: the item's head, not a phrase after it ("the leader|
        of Pashtun Tahafuz Movement")."""
        return self.item.end if self.item is not None else self.np_end
