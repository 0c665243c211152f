"""The one exception the bundle reader raises."""
from __future__ import annotations


class BundleError(Exception):
    """A bundle is refused. ``message`` names the offending field or member, never the bundle path
    (the CLI prints ``refused: {source}: {message}``)."""

    def __init__(self, message: str):
        self.message = message
        super().__init__(message)

    def __str__(self) -> str:
        return self.message
