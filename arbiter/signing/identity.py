"""This workstation's signing identity, in the user's data folder (``arbiter.paths.data_dir()/identity``):

- ``identity.key``: the Ed25519 private key, PKCS#8 PEM, encrypted with the passphrase when one was given;
  mode 0600 in a 0700 folder;
- ``identity.arbkey``: the public key card (id, name, role, public key, created);
- ``previous/<fingerprint>.arbkey``: the cards of keys replaced with ``--force``, so verdicts signed with them
  still verify on this workstation.

The passphrase comes from the caller (a GUI dialog) or the environment variable ``ARBITER_KEY_PASSPHRASE``.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    BestAvailableEncryption,
    Encoding,
    NoEncryption,
    PrivateFormat,
    load_pem_private_key,
)

from arbiter.signing.keys import KeyCard, KeyCardError, check_id, check_name, check_role, public_raw, sign_bytes

PASSPHRASE_ENV = "ARBITER_KEY_PASSPHRASE"
KEY_FILE = "identity.key"
CARD_FILE = "identity.arbkey"
PREVIOUS = "previous"


class IdentityError(Exception):
    """The identity cannot be created or read; the message says why in one line."""


class IdentityExists(IdentityError):
    pass


class IdentityLocked(IdentityError):
    """The private key is protected by a passphrase that was not given (or is wrong)."""


@dataclass(frozen=True, eq=False)
class Identity:
    """A person's key pair in memory: what signs verdicts."""

    card: KeyCard
    private_key: Ed25519PrivateKey

    @property
    def id(self) -> str:
        return self.card.id

    @property
    def name(self) -> str:
        return self.card.name

    @property
    def role(self) -> str:
        return self.card.role

    @property
    def fingerprint(self) -> str:
        return self.card.fingerprint

    def sign(self, message: bytes) -> str:
        return sign_bytes(self.private_key, message)

    def __repr__(self) -> str:  # never the key
        return f"Identity({self.id!r}, {self.name!r}, {self.role!r}, {self.fingerprint[:16]}…)"


def identity_dir() -> Path:
    from arbiter.paths import data_dir

    return data_dir() / "identity"


def _private_dir(path: Path) -> None:
    """Create ``path`` and any missing parents owner-only (0700); tighten ``path`` itself if it exists."""
    missing = [p for p in (path, *path.parents) if not p.exists()]
    for folder in reversed(missing):
        folder.mkdir(mode=0o700, exist_ok=True)
    try:
        for folder in {path, *missing}:
            os.chmod(folder, 0o700)  # mkdir's mode is reduced by the umask
    except OSError:  # pragma: no cover - e.g. a folder owned by someone else
        pass


def _write_private(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write atomically (temporary file + rename) with ``mode`` from the first byte on."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        os.chmod(tmp, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _passphrase(given: str | None) -> bytes | None:
    value = given if given is not None else os.environ.get(PASSPHRASE_ENV)
    return value.encode("utf-8") if value else None


def identity_card(folder: Path | None = None) -> KeyCard | None:
    """The public card of this workstation's identity (no passphrase needed), or None when there is none."""
    path = (folder or identity_dir()) / CARD_FILE
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise IdentityError(f"cannot read {path}: {exc.strerror}") from None
    try:
        return KeyCard.from_bytes(raw)
    except KeyCardError as exc:
        raise IdentityError(f"{path}: {exc}") from None


def known_cards(folder: Path | None = None) -> list[KeyCard]:
    """The current card and every card replaced with ``--force`` (oldest first), for verifying old verdicts."""
    folder = folder or identity_dir()
    cards: list[KeyCard] = []
    previous = folder / PREVIOUS
    if previous.is_dir():
        for path in sorted(previous.glob("*.arbkey")):
            try:
                cards.append(KeyCard.from_bytes(path.read_bytes()))
            except (OSError, KeyCardError):
                continue
        cards.sort(key=lambda c: c.created)
    current = identity_card(folder)
    if current is not None:
        cards.append(current)
    return cards


def load_identity(passphrase: str | None = None, folder: Path | None = None) -> Identity | None:
    """This workstation's identity, or None when none was created. Raises :class:`IdentityLocked` when the key
    needs a passphrase that was not given (argument or ``ARBITER_KEY_PASSPHRASE``) or is wrong."""
    folder = folder or identity_dir()
    card = identity_card(folder)
    if card is None:
        return None
    path = folder / KEY_FILE
    try:
        pem = path.read_bytes()
    except FileNotFoundError:
        raise IdentityError(f"{path} is missing (the key card is there but not the private key)") from None
    except OSError as exc:
        raise IdentityError(f"cannot read {path}: {exc.strerror}") from None
    secret = _passphrase(passphrase)
    encrypted = b"ENCRYPTED" in pem.split(b"\n", 1)[0]
    if encrypted and secret is None:
        raise IdentityLocked(f"the private key is protected by a passphrase (set {PASSPHRASE_ENV})")
    try:
        key = load_pem_private_key(pem, password=secret if encrypted else None)
    except (ValueError, TypeError):
        if encrypted:
            raise IdentityLocked("wrong passphrase for the private key") from None
        raise IdentityError(f"{path} is not a usable private key") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise IdentityError(f"{path} is not an Ed25519 key")
    if public_raw(key) != card.public_key:
        raise IdentityError(f"{path} does not belong to {folder / CARD_FILE}")
    return Identity(card, key)


def create_identity(id: str, name: str, role: str = "reviewer", *, passphrase: str | None = None,
                    force: bool = False, folder: Path | None = None, now: datetime | None = None,
                    private_key: Ed25519PrivateKey | None = None) -> Identity:
    """Make a new key pair and store it. Refuses to replace an existing identity unless ``force``; the replaced
    card is kept under ``previous/``."""
    try:
        id, name, role = check_id(id), check_name(name), check_role(role)
    except KeyCardError as exc:
        raise IdentityError(str(exc)) from None
    folder = folder or identity_dir()
    old = identity_card(folder)
    if old is not None and not force:
        raise IdentityExists(f"an identity exists already ({old.id}, key {old.fingerprint[:16]}); "
                             "--force replaces it (the old public key stays known)")
    _private_dir(folder)
    key = private_key or Ed25519PrivateKey.generate()
    created = (now or datetime.now(timezone.utc)).astimezone(timezone.utc).replace(microsecond=0).isoformat()
    card = KeyCard(id, name, role, public_raw(key), created)
    secret = _passphrase(passphrase)
    encryption = BestAvailableEncryption(secret) if secret else NoEncryption()
    pem = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, encryption)
    if old is not None:
        _private_dir(folder / PREVIOUS)
        _write_private(folder / PREVIOUS / f"{old.fingerprint}.arbkey", old.to_bytes(), 0o644)
    _write_private(folder / KEY_FILE, pem, 0o600)
    _write_private(folder / CARD_FILE, card.to_bytes(), 0o644)
    return Identity(card, key)


def demo_identity(id: str, name: str, role: str = "reviewer",
                  created: str = "2025-01-01T00:00:00+00:00") -> Identity:
    """A deterministic, never-stored identity for demonstrations: the key derives from the id (a fixed seed),
    so ``arbiter demo build`` gives the same bytes every time. Never use one for real verdicts."""
    seed = hashlib.sha256(f"arbiter demo key/1/{id}".encode()).digest()
    key = Ed25519PrivateKey.from_private_bytes(seed)
    return Identity(KeyCard(check_id(id), check_name(name), check_role(role), public_raw(key), created), key)
