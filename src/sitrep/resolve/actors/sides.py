"""Document-level resolution: which states a report is about, and what its "X side" garbles mean."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from .base import ActorMention

if TYPE_CHECKING:  # the lexicon calls these functions, so import it only for types
    from .lexicon import ActorLexicon


def document_countries(
    mentions: list[ActorMention],
    *,
    states_only: bool = True,
    lexicon: ActorLexicon | None = None,
) -> list[str]:
    """State codes the document names unambiguously, most-mentioned first.

    Ambiguous mentions (several candidates) and decoded garbles do not count: they are what
    this list decides. ``states_only=False`` keeps organisation and group codes too, so that
    "the Ha side" (哈方) can be read as Hamas in a report about Hamas.
    """
    lexicon = lexicon or _default()
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for mention in mentions:
        code = mention.code
        if code is None or len(mention.candidates) > 1 or mention.repaired:
            continue
        if states_only and not lexicon.is_state(code):
            continue
        counts[code] += 1
        first.setdefault(code, mention.start)
    return sorted(counts, key=lambda code: (-counts[code], first[code]))


def resolve_sides(
    mentions: list[ActorMention],
    about: Iterable[str],
    *,
    lexicon: ActorLexicon | None = None,
) -> list[ActorMention]:
    """Settle ambiguous mentions ("the Algerian side") from the actors the document is about.

    Exactly one candidate among ``about``: take it. Several, and the literal reading is one
    of them: the literal reading. None: keep the mention's own reading (None for garbles, so
    the caller can raise ``ambiguous_actor``; the [default] state for "Congolese").
    ``repaired`` is True for a garble whose code differs from what its words literally say.
    """
    about_set = set(about)
    out = []
    for mention in mentions:
        settled = mention.code is not None or not mention.candidates
        if len(mention.candidates) < 2 and settled:
            out.append(mention)
            continue
        fits = [code for code in mention.candidates if code in about_set]
        code = mention.code
        if len(fits) == 1:
            code = fits[0]
        elif len(fits) > 1:
            code = mention.literal if mention.literal in fits else None
        repaired = mention.garbled and code is not None and code != mention.literal
        if code != mention.code:
            canonical = (lexicon or _default()).canonical_of(code)
            mention = replace(mention, code=code, canonical=canonical)
        out.append(replace(mention, repaired=repaired))
    return out


def _default() -> ActorLexicon:
    from .lexicon import ActorLexicon

    return ActorLexicon.default()
