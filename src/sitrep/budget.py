"""A time budget per report: a report that takes longer fails cleanly, with the reason.

A batch of millions of reports must not stall on one pathological text. The extractor
checks its budget between stages and between sentences (not inside a stage's own loops),
so a report stops at the first check after its time runs out and fails with
``OverBudget`` naming the stage it had reached; the next report starts afresh.

    >>> budget = Budget.start(120.0)
    >>> budget.check("dates")          # raises OverBudget once 120 s have passed
    >>> for doc in budget.each(docs, "parsing"): ...
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from .errors import OverBudget

# Seconds one report may take. Time grows linearly with length (docs/BENCHMARKS.md): a
# report at the 5 MB input limit needs well under this on one core; a news article, a
# fraction of a second.
DEFAULT_SECONDS = 600.0

T = TypeVar("T")


@dataclass(frozen=True)
class Budget:
    seconds: float | None  # None: no limit
    deadline: float

    @classmethod
    def start(cls, seconds: float | None) -> Budget:
        return cls(seconds, time.monotonic() + seconds if seconds else float("inf"))

    def check(self, stage: str) -> None:
        """Raise ``OverBudget`` when the report's time has run out."""
        if time.monotonic() > self.deadline:
            raise OverBudget(
                f"the report took longer than its {self.seconds:g} s time budget "
                f"(stopped at: {stage}); split it, or raise the budget "
                "(--time-budget, Extractor(time_budget=...))")

    def each(self, items: Iterable[T], stage: str) -> Iterator[T]:
        """``items``, checking the budget before each one."""
        for item in items:
            self.check(stage)
            yield item
