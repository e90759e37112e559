"""How every scorer prints its result: the JSON object alone, or one aligned line a key."""

from __future__ import annotations

import json


def emit(result: dict, as_json: bool) -> None:
    if as_json:
        print(json.dumps(result))
        return
    width = max((len(k) for k in result), default=0) + 2
    for key, value in result.items():
        print(f"{key:{width}} {value}")
