"""The signing identity on disk: owner-only private key, passphrase, --force keeps the old key known, key cards."""
from __future__ import annotations

import json
import os
import stat

import pytest

from arbiter.signing import (
    IdentityExists,
    IdentityLocked,
    KeyCard,
    KeyCardError,
    create_identity,
    demo_identity,
    identity_card,
    identity_dir,
    known_cards,
    load_identity,
    verify_bytes,
)


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_init_creates_an_owner_only_key_and_a_public_card():
    identity = create_identity("r.chen", "R. Chen")
    folder = identity_dir()
    assert _mode(folder / "identity.key") == 0o600
    assert _mode(folder) == 0o700
    assert b"PRIVATE KEY" in (folder / "identity.key").read_bytes()
    card = identity_card()
    assert (card.id, card.name, card.role) == ("r.chen", "R. Chen", "reviewer")
    assert card.fingerprint == identity.fingerprint and len(card.fingerprint) == 64
    again = load_identity()
    assert again.fingerprint == identity.fingerprint
    signature = again.sign(b"hello")
    assert verify_bytes(card.public_key, b"hello", signature)
    assert not verify_bytes(card.public_key, b"hellO", signature)


def test_existing_identity_is_kept_unless_forced_and_the_old_key_stays_known():
    first = create_identity("r.chen", "R. Chen")
    with pytest.raises(IdentityExists):
        create_identity("r.chen", "R. Chen")
    second = create_identity("r.chen", "R. Chen", force=True)
    assert second.fingerprint != first.fingerprint
    assert [c.fingerprint for c in known_cards()] == [first.fingerprint, second.fingerprint]
    assert load_identity().fingerprint == second.fingerprint


def test_passphrase_protects_the_private_key(monkeypatch):
    create_identity("r.chen", "R. Chen", passphrase="correct horse")
    pem = (identity_dir() / "identity.key").read_bytes()
    assert b"ENCRYPTED" in pem
    with pytest.raises(IdentityLocked):
        load_identity()
    with pytest.raises(IdentityLocked, match="wrong"):
        load_identity("battery staple")
    assert load_identity("correct horse").id == "r.chen"
    monkeypatch.setenv("ARBITER_KEY_PASSPHRASE", "correct horse")
    assert load_identity().id == "r.chen"
    assert identity_card().id == "r.chen"   # the public card needs no passphrase


def test_key_card_round_trip_and_refusals():
    card = demo_identity("a.khan", "A. Khan", "supervisor").card
    assert KeyCard.from_bytes(card.to_bytes()) == card
    data = json.loads(card.to_bytes())
    for broken, message in [({**data, "format": "x"}, "format"), ({**data, "public_key": "AAAA"}, "32 bytes"),
                            ({**data, "id": "has space"}, "id"), ({**data, "role": "admin"}, "role"),
                            ({**data, "created": "yesterday"}, "created"), ({**data, "extra": 1}, "unknown")]:
        with pytest.raises(KeyCardError, match=message):
            KeyCard.from_bytes(json.dumps(broken).encode())
    with pytest.raises(KeyCardError):
        KeyCard.from_bytes(b"\xff\xfe")


def test_demo_identities_are_deterministic():
    a, b = demo_identity("r.chen", "R. Chen"), demo_identity("r.chen", "R. Chen")
    assert a.fingerprint == b.fingerprint and a.sign(b"x") == b.sign(b"x")
    assert demo_identity("s.lee", "S. Lee").fingerprint != a.fingerprint
