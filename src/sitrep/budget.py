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
from dataclasses import dataclass, field
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
    # (stage, time it began): each stage checks the budget as it begins
    laps: list[tuple[str, float]] = field(default_factory=list)

    @classmethod
    def start(cls, seconds: float | None) -> Budget:
        now = time.monotonic()
        return cls(seconds, now + seconds if seconds else float("inf"), [("start", now)])

    def check(self, stage: str) -> None:
        """Raise ``OverBudget`` when the report's time has run out."""
        now = time.monotonic()
        if self.laps[-1][0] != stage:
            self.laps.append((stage, now))
        if now > self.deadline:
            raise OverBudget(
                f"the report took longer than its {self.seconds:g} s time budget "
                f"(stopped at: {stage}); split it, or raise the budget "
                "(--time-budget, Extractor(time_budget=...))")

    def stages(self, end: float | None = None) -> dict[str, float]:
        """Seconds spent in each stage so far (a stage checked several times, such as
        parsing, counts from its first check to the next stage's)."""
        marks = [*self.laps, ("end", end if end is not None else time.monotonic())]
        spent: dict[str, float] = {}
        for (stage, began), (_next, ended) in zip(marks, marks[1:], strict=False):
            spent[stage] = spent.get(stage, 0.0) + ended - began
        return spent

    def each(self, items: Iterable[T], stage: str) -> Iterator[T]:
        """``items``, checking the budget before each one."""
        for item in items:
            self.check(stage)
            yield item
