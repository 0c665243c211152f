"""Where the shipped resources live: ``resources/`` beside the package in a checkout or an editable install,
``<bundle>/resources`` in the frozen app (PyInstaller sets ``sys._MEIPASS``). ``ARBITER_RESOURCES`` overrides."""
from __future__ import annotations

import os
import sys
from functools import cache
from pathlib import Path


@cache
def resources_dir() -> Path:
    override = os.environ.get("ARBITER_RESOURCES")
    if override:
        return Path(override)
    frozen_root = getattr(sys, "_MEIPASS", None)
    candidates = []
    if frozen_root:
        candidates.append(Path(frozen_root) / "resources")
    candidates.append(Path(__file__).resolve().parent.parent / "resources")
    candidates.append(Path(sys.prefix) / "share" / "arbiter" / "resources")
    for candidate in candidates:
        if (candidate / "policies").is_dir():
            return candidate
    raise FileNotFoundError("arbiter resources folder not found (looked in: "
                            + ", ".join(str(c) for c in candidates) + ")")


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
