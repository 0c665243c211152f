"""Reading a verdict package (``.arbverdict``): untrusted input, read like a case bundle (docs/trust.md,
"Verdict packages").

A package is a ZIP archive holding exactly one member, ``verdict.json`` (UTF-8 canonical JSON, format
``arbiter.verdict-package/1``). Nothing is extracted; the member is read with a hard cap, decoded by the same
safe JSON decoder as ``case.json`` (depth, number size, duplicate keys, control characters) and checked field by
field. ``read_package`` never touches a database; it raises :class:`BundleError` with a one-line reason.
"""
from __future__ import annotations

import os
import re
import zipfile
import zlib
from dataclasses import dataclass
from typing import Any

from arbiter.bundle.errors import BundleError
from arbiter.bundle.jsonsafe import decode_case_json

PACKAGE_FORMAT = "arbiter.verdict-package/1"
MEMBER = "verdict.json"
MAX_PACKAGE_BYTES = 8 * 1024 * 1024
MAX_MEMBER_BYTES = 8 * 1024 * 1024
MAX_MEMBERS = 4
_SHA = re.compile(r"[0-9a-f]{64}")
_ID = re.compile(r"[A-Za-z0-9._@:-]{1,64}")
_HEAD = re.compile(r"[0-9]{1,12}:[0-9a-f]{64}")
FIELDS = {"format", "case_id", "number", "kind", "reason", "case_revision", "case_sha256", "supersedes",
          "policy", "app_version", "reviewer", "record", "fingerprint", "answers", "progress", "signed_at",
          "chain_head", "export_head", "signature"}


@dataclass(frozen=True)
class VerdictPackage:
    source: str
    data: dict[str, Any]

    def __getattr__(self, name: str) -> Any:
        try:
            return self.data[name]
        except KeyError:
            raise AttributeError(name) from None

    @property
    def reviewer_id(self) -> str:
        return self.data["reviewer"]["id"]

    @property
    def key(self) -> str:
        return self.data["reviewer"]["key"]


def _need(cond: bool, message: str) -> None:
    if not cond:
        raise BundleError(message)


def check_fields(data: Any) -> dict[str, Any]:
    _need(isinstance(data, dict), "verdict.json: must be a JSON object")
    _need(data.get("format") == PACKAGE_FORMAT, f"not a verdict package (format must be {PACKAGE_FORMAT!r})")
    unknown = set(data) - FIELDS
    _need(not unknown, f"verdict.json: unknown field {sorted(unknown)[0]!r}" if unknown else "")
    missing = FIELDS - {"reason", "supersedes", "chain_head", "export_head"} - set(data)
    _need(not missing, f"verdict.json: missing field {sorted(missing)[0]!r}" if missing else "")
    _need(isinstance(data["case_id"], str) and bool(_ID.fullmatch(data["case_id"])), "case_id is not a case id")
    _need(isinstance(data["number"], int) and not isinstance(data["number"], bool) and 1 <= data["number"] <= 10000,
          "number must be a positive integer")
    _need(data["kind"] in ("original", "amendment"), "kind must be original or amendment")
    amendment = data["kind"] == "amendment"
    _need(amendment == (data.get("supersedes") is not None), "an amendment (and only an amendment) names the "
                                                             "verdict it supersedes")
    _need(data.get("supersedes") is None or (isinstance(data["supersedes"], str) and bool(
        _SHA.fullmatch(data["supersedes"]))), "supersedes must be a sha256 fingerprint")
    _need(amendment == isinstance(data.get("reason"), str) and (not amendment or bool(data["reason"].strip())),
          "an amendment (and only an amendment) carries a reason")
    _need(isinstance(data["case_revision"], int) and data["case_revision"] >= 1, "case_revision must be >= 1")
    for key in ("case_sha256", "fingerprint"):
        _need(isinstance(data[key], str) and bool(_SHA.fullmatch(data[key])), f"{key} must be a sha256 hex digest")
    policy = data["policy"]
    _need(isinstance(policy, dict) and set(policy) == {"id", "version"} and all(
        isinstance(v, str) and 0 < len(v) <= 64 for v in policy.values()), "policy must be {id, version}")
    _need(isinstance(data["app_version"], str) and 0 < len(data["app_version"]) <= 32, "app_version is missing")
    reviewer = data["reviewer"]
    _need(isinstance(reviewer, dict) and set(reviewer) <= {"id", "name", "role", "key"} and isinstance(
        reviewer.get("id"), str) and bool(_ID.fullmatch(reviewer["id"])) and isinstance(reviewer.get("key"), str)
        and bool(_SHA.fullmatch(reviewer["key"])), "reviewer must name an id and a key fingerprint")
    for key in ("record", "answers", "progress"):
        _need(isinstance(data[key], dict), f"{key} must be a JSON object")
    _need(isinstance(data["signed_at"], str) and len(data["signed_at"]) <= 40, "signed_at must be a time")
    for key in ("chain_head", "export_head"):
        _need(data.get(key) is None or (isinstance(data[key], str) and bool(_HEAD.fullmatch(data[key]))),
              f"{key} must be SEQ:SHA256")
    _need(isinstance(data["signature"], str) and 0 < len(data["signature"]) <= 200, "signature is missing")
    return data


def read_member(path: str | os.PathLike, member: str, what: str) -> Any:
    """The one JSON member of a signed package (``what``: "verdict package", "QA package"), read like a case
    bundle: size caps, no extraction, the safe JSON decoder, no floats. Raises :class:`BundleError`."""
    source = os.fspath(path)
    try:
        size = os.stat(source).st_size
    except OSError as exc:
        raise BundleError(exc.strerror or "cannot be read") from None
    _need(size <= MAX_PACKAGE_BYTES, f"larger than {MAX_PACKAGE_BYTES} bytes")
    try:
        with zipfile.ZipFile(source) as zf:
            infos = zf.infolist()
            _need(len(infos) <= MAX_MEMBERS, f"too many members for a {what}")
            names = [i.filename for i in infos]
            _need(names.count(member) == 1, f"{member} missing (or more than once)")
            info = next(i for i in infos if i.filename == member)
            _need(info.compress_type in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED), f"{member}: unsupported compression")
            _need(info.file_size <= MAX_MEMBER_BYTES, f"{member}: larger than {MAX_MEMBER_BYTES} bytes")
            with zf.open(info) as fh:
                raw = fh.read(MAX_MEMBER_BYTES + 1)
            _need(len(raw) <= MAX_MEMBER_BYTES, f"{member}: larger than {MAX_MEMBER_BYTES} bytes")
    except zipfile.BadZipFile as exc:
        raise BundleError(f"not a {what} (not a ZIP archive: {exc})") from None
    except (zipfile.LargeZipFile, zlib.error, RuntimeError, EOFError, OSError, ValueError, NotImplementedError) as exc:
        raise BundleError(f"{member}: cannot be read ({exc})") from None
    decoded = decode_case_json(raw, member)
    _need(decoded.floats_seen == 0, f"{member}: holds a floating-point number (money is a decimal string)")
    return decoded.data


def read_package(path: str | os.PathLike) -> VerdictPackage:
    return VerdictPackage(os.fspath(path), check_fields(read_member(path, MEMBER, "verdict package")))
