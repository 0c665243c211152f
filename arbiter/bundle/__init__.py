"""Untrusted case bundles: ``read_bundle(path) -> LoadedBundle``, raises ``BundleError``.

See docs/bundle-security.md for what is checked and the limits in :mod:`arbiter.bundle.limits`.
"""
from arbiter.bundle.errors import BundleError
from arbiter.bundle.media import SUPPORTED_MEDIA_TYPES
from arbiter.bundle.reader import LoadedBundle, load_case_json, read_bundle

__all__ = ["BundleError", "LoadedBundle", "SUPPORTED_MEDIA_TYPES", "load_case_json", "read_bundle"]
