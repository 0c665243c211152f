"""read_bundle(): the one way an untrusted case bundle becomes a :class:`LoadedBundle`.

Order of work: open the container (ZIP or folder) and check every member's name and type; read case.json
(capped), decode it safely, validate it into a Case; then read every referenced evidence file (capped),
verify its sha256, and check its bytes are what its media_type says. Any problem raises BundleError before
anything is returned. Nothing is written anywhere.
"""
from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

from arbiter.bundle import limits
from arbiter.bundle.container import CASE_JSON, Budget, open_container
from arbiter.bundle.errors import BundleError
from arbiter.bundle.jsonsafe import decode_case_json
from arbiter.bundle.media import SUPPORTED_MEDIA_TYPES, check_media
from arbiter.domain.model import Case
from arbiter.domain.parse import CaseFormatError, case_from_dict


@dataclass(frozen=True)
class LoadedBundle:
    source: str                      # the path as given
    case: Case
    case_json: bytes                 # the original case.json bytes (stored with the case)
    case_sha256: str                 # sha256 of case_json: the revision identity
    files: Mapping[str, bytes] = field(repr=False)  # bundle path -> bytes, every referenced file, verified
    ignored: tuple[str, ...] = ()    # members present but not referenced (reported, never extracted)
    #: case.json as the safe decoder gave it (what ``case`` was parsed from; read it, never change it): the
    #: importer takes its search entries from it rather than decoding the bytes again
    data: Mapping[str, Any] | None = field(default=None, repr=False, compare=False)


def load_case_json(raw: bytes) -> Case:
    """case.json bytes -> Case, exactly as :func:`read_bundle` reads them (UTF-8, one leading BOM tolerated,
    the same safe decoder and validation). The store re-reads the stored bytes with this very function, so
    whatever was imported can always be opened again. Raises :class:`BundleError`."""
    return _decode_and_parse(raw)[1]


def _decode_and_parse(raw: bytes) -> tuple[Mapping[str, Any], Case]:
    decoded = decode_case_json(raw, CASE_JSON)
    try:
        return decoded.data, case_from_dict(decoded.data)
    except CaseFormatError as exc:
        raise BundleError(str(exc)) from None


def read_bundle(path: str | os.PathLike) -> LoadedBundle:
    """Read and fully check the bundle at ``path`` (a ``.arbcase`` ZIP or an unpacked folder).

    Raises :class:`BundleError` whose message names the offending field or member."""
    source = os.fspath(path)
    if isinstance(source, bytes):
        source = os.fsdecode(source)
    budget = Budget()
    container = open_container(source)
    try:
        raw = container.read(CASE_JSON, CASE_JSON, limits.MAX_CASE_JSON_BYTES, "case.json", budget)
        if raw is None:
            raise BundleError(f"{CASE_JSON}: missing from the bundle")
        decoded, case = _decode_and_parse(raw)

        # Refuse unsupported declared types before reading any evidence bytes.
        for index, item in enumerate(case.evidence):
            if item.media_type not in SUPPORTED_MEDIA_TYPES:
                raise BundleError(f"evidence[{index}] ({item.id}) media_type {item.media_type!r} is not "
                                  f"supported (supported: {', '.join(SUPPORTED_MEDIA_TYPES)})")

        files: dict[str, bytes] = {}
        digests: dict[str, str] = {}          # bundle path -> actual sha256 (hashed once per path)
        by_digest: dict[str, bytes] = {}      # sha256 -> one shared bytes object
        for index, item in enumerate(case.evidence):
            where = f"evidence[{index}] ({item.id}) {item.file}"
            if item.file not in files:
                data = container.read(item.file, where, limits.MAX_EVIDENCE_FILE_BYTES, "evidence file", budget)
                if data is None:
                    raise BundleError(f"{where}: file is missing from the bundle")
                digest = hashlib.sha256(data).hexdigest()
                files[item.file] = by_digest.setdefault(digest, data)
                digests[item.file] = digest
            actual = digests[item.file]
            if actual != item.sha256:
                raise BundleError(f"{where}: sha256 mismatch (declared {item.sha256}, actual {actual})")
            check_media(files[item.file], item.media_type, where, sha256=actual)

        referenced = set(files) | {CASE_JSON}
        ignored = tuple(name for name in container.members() if name not in referenced)
    finally:
        container.close()

    return LoadedBundle(
        source=source,
        case=case,
        case_json=raw,
        case_sha256=hashlib.sha256(raw).hexdigest(),
        files=MappingProxyType(files),
        ignored=ignored,
        data=MappingProxyType(decoded),
    )
