"""Arbiter: an offline workstation for deciding platform-intervention disputes.

The version lives in one place, ``pyproject.toml``; installed copies (and the frozen app, which carries the
package metadata) read it from the distribution metadata.
"""
from __future__ import annotations

from importlib import metadata as _metadata
from pathlib import Path as _Path


def _version() -> str:
    try:
        return _metadata.version("arbiter")
    except _metadata.PackageNotFoundError:  # a bare source checkout on sys.path
        import tomllib

        pyproject = _Path(__file__).resolve().parent.parent / "pyproject.toml"
        try:
            return tomllib.loads(pyproject.read_text("utf-8"))["project"]["version"]
        except (OSError, KeyError, ValueError):
            return "0+unknown"


__version__ = _version()
