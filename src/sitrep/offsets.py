"""Finding records by character range without scanning them all.

Every stage keeps its mentions (dates, places, claims) sorted by ``start``; asking "which
of them lie in this sentence?" for every sentence by scanning the whole list costs
sentences × mentions, which grows as the square of a report's length. These lookups
bisect instead: logarithmic in the list, plus the matches.

    >>> within(dates, sentence.start, sentence.end)   # dates wholly inside the sentence
    >>> starting_in(places, sentence.start, sentence.end)
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from typing import Protocol, TypeVar


class HasRange(Protocol):
    start: int
    end: int


T = TypeVar("T", bound=HasRange)


def start_of(item: HasRange) -> int:
    """The sort key of the lookups here."""
    return item.start


def _end(item: HasRange) -> int:
    return item.end


def starting_in(items: Sequence[T], start: int, end: int) -> Sequence[T]:
    """The items (sorted by ``start``) whose start lies in ``[start, end)``."""
    lo = bisect_left(items, start, key=start_of)
    hi = bisect_left(items, end, lo=lo, key=start_of)
    return items[lo:hi]


def within(items: Sequence[T], start: int, end: int) -> list[T]:
    """The items (sorted by ``start``) lying wholly inside ``[start, end)``."""
    return [item for item in starting_in(items, start, end) if item.end <= end]


def overlapping(items: Sequence[T], start: int, end: int) -> Sequence[T]:
    """The items overlapping ``[start, end)``; the items must be disjoint and in text order
    (as dates are), so their ends are sorted too."""
    lo = bisect_right(items, start, key=_end)
    hi = bisect_left(items, end, lo=lo, key=start_of)
    return items[lo:hi]


class ByStart:
    """Records of any kind found by a start offset ``key`` (a claim by its evidence's
    start), returned in the order they were given: for lists not kept in text order."""

    def __init__(self, items: Sequence[T], key: Callable[[T], int] = start_of) -> None:
        order = sorted(range(len(items)), key=lambda i: key(items[i]))
        self._items = [items[i] for i in order]
        self._keys = [key(item) for item in self._items]
        self._order = order

    def starting_in(self, start: int, end: int) -> list:
        """The items whose key lies in ``[start, end)``, in their given order."""
        lo = bisect_left(self._keys, start)
        hi = bisect_left(self._keys, end, lo=lo)
        return [item for _i, item in sorted(zip(self._order[lo:hi], self._items[lo:hi],
                                                strict=True), key=lambda pair: pair[0])]


def by_start(items) -> list:
    """``items`` sorted by ``start``, as the lookups here need them."""
    return sorted(items, key=start_of)
