"""Where a response loses whole templates: the breakdown behind the error analysis.

A key template with no response template of its type is *missing*, for one of three
reasons: the message got no template at all, it got templates of other types only (the
incident was read as another type), or it got fewer templates of that type than the key
has (two incidents of one type were merged). A response template beyond the key's count
of its type is *spurious*, in a message the key finds irrelevant or in a relevant one.
Optional key templates are not counted missing.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from benchmarks.muc4.templates import Message, Template

CAUSES = ("no template for the message", "read as another type",
          "merged with another of its type")
EXTRAS = ("spurious, message irrelevant", "spurious, message relevant")


def template_errors(keys: Mapping[str, Message], responses: Mapping[str, Message]
                    ) -> dict[str, int]:
    counts: Counter = Counter({name: 0 for name in (*CAUSES, *EXTRAS)})
    for message_id, key in keys.items():
        response = responses.get(message_id) or Message(message_id, ())
        wanted = _types(t for t in key.templates if not t.optional)
        given = _types(response.templates)
        for kind, n in wanted.items():
            short = n - given[kind]
            if short > 0:
                cause = (CAUSES[0] if not given else CAUSES[1] if not given[kind]
                         else CAUSES[2])
                counts[cause] += short
        allowed = _types(key.templates)
        for kind, n in given.items():
            extra = n - allowed[kind]
            if extra > 0:
                counts[EXTRAS[0] if not key.templates else EXTRAS[1]] += extra
    return dict(counts)


def _types(templates) -> Counter:
    return Counter(_type(t) for t in templates)


def _type(template: Template) -> str:
    fills = template.slots.get("inc-type", ())
    return fills[0].values[0].text if fills and fills[0].values else "-"
