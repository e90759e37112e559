"""MUC-4 (1992) template scorer: ``python -m benchmarks.muc4``.

Reads answer keys and system responses (``templates``), maps and scores templates as
the 1992 scoring program did (``scorer``), either automatically or replaying the human
scorers' recorded judgments (``history``), and prints official-style reports (``report``).
"""

from benchmarks.muc4.history import History, ReplayJudge
from benchmarks.muc4.report import render, to_json
from benchmarks.muc4.scorer import AutomaticJudge, Score, Tally, score_messages
from benchmarks.muc4.templates import Message, Template, read_messages

__all__ = [
    "AutomaticJudge",
    "History",
    "Message",
    "ReplayJudge",
    "Score",
    "Tally",
    "Template",
    "read_messages",
    "render",
    "score_messages",
    "to_json",
]
