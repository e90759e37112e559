"""A time budget per report: a report that takes longer fails cleanly, with the reason.

A batch of millions of reports must not stall on one pathological text. The extractor
checks its budget between stages and between sentences, so a report stops at the first
check after its time runs out and fails with ``OverBudget`` naming the stage it had
reached; the next report starts afresh. A stage that runs long between checks (one
enormous sentence, place resolution over a huge report) is stopped by an alarm when the
extractor runs in the main thread on a POSIX system and nothing else uses SIGALRM:
``Budget.alarm()`` raises the same ``OverBudget`` inside the stage. Elsewhere (threads,
Windows) only the checks apply.

    >>> budget = Budget.start(120.0)
    >>> with budget.alarm():
    ...     budget.check("dates")      # raises OverBudget once 120 s have passed
    ...     for doc in budget.each(docs, "parsing"): ...
"""

from __future__ import annotations

import contextlib
import signal
import threading
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
            raise self._over(stage)

    def _over(self, stage: str) -> OverBudget:
        return OverBudget(
            f"the report took longer than its {self.seconds:g} s time budget "
            f"(stopped at: {stage}); split it, or raise the budget "
            "(--time-budget, Extractor(time_budget=...))")

    @contextlib.contextmanager
    def alarm(self) -> Iterator[None]:
        """Within the block, an alarm raises ``OverBudget`` in the stage that is running
        when the time runs out (main thread, POSIX, SIGALRM unused; else nothing)."""
        if not self._can_alarm():
            yield
            return

        def ring(_signum, _frame):
            raise self._over(self.laps[-1][0])

        previous = signal.signal(signal.SIGALRM, ring)
        signal.setitimer(signal.ITIMER_REAL, max(self.deadline - time.monotonic(), 1e-3))
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)

    def _can_alarm(self) -> bool:
        return (self.seconds is not None and hasattr(signal, "setitimer")
                and threading.current_thread() is threading.main_thread()
                and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None))

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
