"""Keys and signatures, in one small room (docs/trust.md): Ed25519 key pairs, public key cards (``.arbkey``),
this workstation's identity on disk, and the statements a verdict signature covers.

Used by the store (signing and checking verdicts), the CLI and the GUI. No SQL, no Qt.
"""
from __future__ import annotations

from arbiter.signing.identity import (
    Identity,
    IdentityError,
    IdentityExists,
    IdentityLocked,
    PASSPHRASE_ENV,
    create_identity,
    demo_identity,
    identity_card,
    identity_dir,
    known_cards,
    load_identity,
)
from arbiter.signing.keys import (
    KEY_CARD_FORMAT,
    KeyCard,
    KeyCardError,
    key_fingerprint,
    sign_bytes,
    verdict_statement,
    verify_bytes,
)

__all__ = [
    "Identity", "IdentityError", "IdentityExists", "IdentityLocked", "KEY_CARD_FORMAT", "KeyCard", "KeyCardError",
    "PASSPHRASE_ENV", "create_identity", "demo_identity", "identity_card", "identity_dir", "key_fingerprint",
    "known_cards", "load_identity", "sign_bytes", "verdict_statement", "verify_bytes",
]
