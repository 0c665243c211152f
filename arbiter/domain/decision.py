"""The decision record (``arbiter.decision/1``): canonical JSON and its fingerprint.

The canonical form is ``json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)`` in
UTF-8. A record holds only JSON types; money is a decimal string, so a float anywhere is refused.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from typing import Any

DECISION_FORMAT = "arbiter.decision/1"


def _check(value: Any, where: str) -> None:
    if isinstance(value, float):
        raise TypeError(f"{where}: floats are not allowed in a decision record (money is a decimal string)")
    if isinstance(value, Mapping):
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"{where}: keys must be strings")
            _check(item, f"{where}.{key}" if where else key)
    elif isinstance(value, (list, tuple)):
        for index, item in enumerate(value):
            _check(item, f"{where}[{index}]")
    elif value is not None and not isinstance(value, (str, int, bool)):
        raise TypeError(f"{where}: {type(value).__name__} is not a JSON value")


def canonical_json(record: Mapping[str, Any]) -> bytes:
    """The record's canonical bytes: sorted keys, no whitespace, UTF-8 (not ASCII-escaped)."""
    _check(record, "")
    return json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def fingerprint(record: Mapping[str, Any]) -> str:
    """sha256 hex of :func:`canonical_json`. Same record, same fingerprint."""
    return hashlib.sha256(canonical_json(record)).hexdigest()
