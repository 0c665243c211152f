"""Writing the supplement-requests file for the platform (docs/supplement-requests.md). No Qt, no SQL."""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any


def write_requests_file(document: dict[str, Any], path: str | os.PathLike) -> Path:
    """Write the ``arbiter.supplement-requests/1`` document as UTF-8 JSON, atomically: the file appears whole
    or not at all (a temporary file in the same folder, then a rename)."""
    target = Path(path)
    data = (json.dumps(document, ensure_ascii=False, indent=2, sort_keys=False) + "\n").encode("utf-8")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    return target
