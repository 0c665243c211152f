"""Ed25519 keys, key cards and what a verdict signature covers (docs/trust.md, "Keys" and "What is signed").

- A **key fingerprint** is the sha256 hex of the 32 raw public key bytes.
- A **key card** (``.arbkey``) is UTF-8 canonical JSON: ``{"format": "arbiter.keycard/1", "id", "name", "role",
  "public_key" (base64 of the 32 raw bytes), "created" (ISO 8601 with offset)}``. It carries no secret and no
  signature: a supervisor registers it after getting it from the reviewer by a channel they trust.
- A **verdict signature** is Ed25519 over the canonical JSON of :func:`verdict_statement`, which binds the
  record's fingerprint to the case, the case revision and its sha256, the verdict's place in the case's history,
  the signer and the audit chain head at signing. Ed25519 is deterministic: same key, same statement, same
  signature.
"""
from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

KEY_CARD_FORMAT = "arbiter.keycard/1"
STATEMENT_FORMAT = "arbiter.verdict-signature/1"
ROLES = ("reviewer", "supervisor")
MAX_CARD_BYTES = 16 * 1024
ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")


class KeyCardError(ValueError):
    """A key card that cannot be used; the message says why, in one line."""


def canonical(obj: Any) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def key_fingerprint(public_raw: bytes) -> str:
    return hashlib.sha256(public_raw).hexdigest()


def public_raw(key: Ed25519PrivateKey | Ed25519PublicKey) -> bytes:
    if isinstance(key, Ed25519PrivateKey):
        key = key.public_key()
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def sign_bytes(private_key: Ed25519PrivateKey, message: bytes) -> str:
    """Base64 of the 64-byte Ed25519 signature."""
    return base64.b64encode(private_key.sign(message)).decode("ascii")


def verify_bytes(public_key_raw: bytes, message: bytes, signature_b64: str | None) -> bool:
    if not signature_b64:
        return False
    try:
        signature = base64.b64decode(signature_b64, validate=True)
        Ed25519PublicKey.from_public_bytes(public_key_raw).verify(signature, message)
    except (InvalidSignature, ValueError, binascii.Error, TypeError):
        return False
    return True


def check_id(value: Any, what: str = "id") -> str:
    if not isinstance(value, str) or not ID_RE.match(value):
        raise KeyCardError(f"{what} must be 1-64 letters, digits or . _ @ - (starting with a letter or digit)")
    return value


def check_name(value: Any) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > 200 or any(ord(c) < 32 for c in value):
        raise KeyCardError("name must be 1-200 printable characters")
    return value.strip()


def check_role(value: Any) -> str:
    if value not in ROLES:
        raise KeyCardError(f"role must be one of {', '.join(ROLES)}")
    return value


@dataclass(frozen=True, slots=True)
class KeyCard:
    """Someone's public key, as a supervisor registers it."""

    id: str
    name: str
    role: str
    public_key: bytes   # 32 raw bytes
    created: str        # ISO 8601 with offset

    @property
    def fingerprint(self) -> str:
        return key_fingerprint(self.public_key)

    def as_dict(self) -> dict[str, str]:
        return {"format": KEY_CARD_FORMAT, "id": self.id, "name": self.name, "role": self.role,
                "public_key": base64.b64encode(self.public_key).decode("ascii"), "created": self.created}

    def to_bytes(self) -> bytes:
        return canonical(self.as_dict())

    def verify(self, message: bytes, signature_b64: str | None) -> bool:
        return verify_bytes(self.public_key, message, signature_b64)

    @classmethod
    def from_dict(cls, data: Any) -> KeyCard:
        if not isinstance(data, dict):
            raise KeyCardError("not a key card (a JSON object is expected)")
        if data.get("format") != KEY_CARD_FORMAT:
            raise KeyCardError(f"not a key card (format must be {KEY_CARD_FORMAT!r})")
        unknown = set(data) - {"format", "id", "name", "role", "public_key", "created"}
        if unknown:
            raise KeyCardError(f"unknown field {sorted(unknown)[0]!r}")
        try:
            raw = base64.b64decode(str(data.get("public_key", "")), validate=True)
        except (binascii.Error, ValueError):
            raise KeyCardError("public_key is not base64") from None
        if len(raw) != 32:
            raise KeyCardError("public_key must be 32 bytes (Ed25519)")
        try:
            Ed25519PublicKey.from_public_bytes(raw)
        except ValueError:
            raise KeyCardError("public_key is not an Ed25519 key") from None
        created = data.get("created")
        try:
            moment = datetime.fromisoformat(str(created))
        except ValueError:
            raise KeyCardError("created must be an ISO 8601 time") from None
        if moment.tzinfo is None:
            raise KeyCardError("created needs a UTC offset")
        return cls(check_id(data.get("id")), check_name(data.get("name")), check_role(data.get("role")), raw,
                   str(created))

    @classmethod
    def from_bytes(cls, raw: bytes) -> KeyCard:
        if len(raw) > MAX_CARD_BYTES:
            raise KeyCardError(f"larger than {MAX_CARD_BYTES} bytes")
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise KeyCardError("not a key card (not UTF-8 JSON)") from None
        return cls.from_dict(data)


def verdict_statement(*, case_id: str, number: int, kind: str, case_sha256: str,
                      record_fingerprint: str, supersedes: str | None, signer: str, key: str,
                      chain_head: str | None, app_version: str, answers_sha256: str, progress_sha256: str,
                      reason: str | None) -> bytes:
    """The exact bytes a verdict signature covers (canonical JSON). The case revision is named by its sha256
    (revision numbers differ between databases); ``supersedes`` is the fingerprint of the verdict an amendment
    replaces; ``chain_head`` the audit chain head (``seq:hash``) of the signer's database
    just before signing; ``key`` the signing key's fingerprint; ``answers_sha256`` and ``progress_sha256`` the
    sha256 of the canonical JSON of the answers and the review progress the record was derived from; ``reason``
    an amendment's reason."""
    return canonical({
        "format": STATEMENT_FORMAT, "case_id": case_id, "number": number, "kind": kind,
        "case_sha256": case_sha256, "record": record_fingerprint, "supersedes": supersedes, "signer": signer,
        "key": key, "chain_head": chain_head, "app_version": app_version, "answers": answers_sha256,
        "progress": progress_sha256, "reason": reason,
    })
