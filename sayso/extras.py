"""Optional packages: each comes with one of sayso's extras and is imported only where it is used.

``pip install sayso`` brings what extraction, reading HTML/WARC/JSONL, the SQLite
store and the web UI need; PostgreSQL (``sayso[postgres]``), Parquet and the
corpus job (``sayso[parquet]``), Spark (``sayso[spark]``), plots (``sayso[plot]``)
and training (``sayso[train]``) are extras, so that the default install stays
small. A command that needs a missing one stops at its start with a coded
error naming the extra to install, rather than with an ImportError from deep inside.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from sayso.errors import SaysoError


def require(module: str, error: str) -> ModuleType:
    """Import ``module``, or stop with ``error``: a coded message that names the extra bringing it.

    Raises:
        SaysoError: ``module`` is not installed (or cannot be imported).
    """
    try:
        return importlib.import_module(module)
    except ImportError:
        raise SaysoError(error) from None
