"""A small deterministic fuzz of the reader and the import: mutated bundles (field values swapped for hostile
ones, case.json bytes and whole-archive bytes flipped, cut and duplicated) never raise anything but
BundleError, every refusal is one printable line without the bundle path, a refused bundle stores nothing,
and every accepted one opens again from the database exactly as it was read.

Fixed seeds: the same mutations on every run (a failure names its seed and mutation)."""
from __future__ import annotations

import copy
import hashlib
import io
import json
import random
import sqlite3
import struct
import warnings
import zipfile
import zlib
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from arbiter import cli
from arbiter.bundle import BundleError, read_bundle
from arbiter.store import Repository, open_database
from tests.factories import case_dict, default_files, write_bundle

HOSTILE_VALUES = [
    None, "", " ", "\n", "x\n", "\x00", "\ud800", "\udcff", "../x", "/etc/passwd", "C:x", "a\\b", "\u202e",
    "ภาษาไทย", "😀", "9" * 80, "-1", "1e9999", "NaN", 0, -1, 2**70, True, False, [], {}, [None], {"a": 1},
    "2025-03-01T10:00:00", "2025-13-01T10:00:00+00:00", "0.001", "19.99\n", "E1", "E9", "a" * 5000,
]


def _paths(value, prefix=()):
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, prefix + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _paths(item, prefix + (i,))


# Fields whose value is an identity (compared, hashed, looked up): fuzzed more often than free text.
IDENTITY_PATHS = [("case_id",), ("evidence", 0, "id"), ("evidence", 1, "sha256"), ("evidence", 2, "file"),
                  ("order", "currency"), ("order", "total_paid"), ("claim", "amount"), ("format",),
                  ("chat_logs", 0, "messages", 0, "attachments", 0), ("chat_logs", 1, "messages", 1, "id")]


def _mutate_fields(rng: random.Random) -> tuple[str, bytes]:
    data = case_dict()
    paths = [p for p in _paths(data) if p]
    notes = []
    for _ in range(rng.randint(1, 3)):
        path = rng.choice(IDENTITY_PATHS if rng.random() < 0.4 else paths)
        parent = data
        try:
            for key in path[:-1]:
                parent = parent[key]
            choice = rng.random()
            if choice < 0.15 and isinstance(parent, dict):
                parent.pop(path[-1], None)
                notes.append(f"del {path}")
            elif choice < 0.3 and isinstance(parent[path[-1]], str):
                parent[path[-1]] += rng.choice(["\n", "\r\n", " ", "\x00", "\u2028", "\ufeff"])
                notes.append(f"suffix {path}")
            else:
                value = copy.deepcopy(rng.choice(HOSTILE_VALUES))
                parent[path[-1]] = value
                notes.append(f"{path}={value!r:.40}")
        except (KeyError, IndexError, TypeError):
            continue
    return "; ".join(notes), json.dumps(data, ensure_ascii=rng.random() < 0.5, indent=1).encode("utf-8", "surrogatepass")


def _mutate_bytes(rng: random.Random, raw: bytes) -> tuple[str, bytes]:
    data = bytearray(raw)
    notes = []
    for _ in range(rng.randint(1, 4)):
        if not data:
            break
        op = rng.choice(["flip", "set", "cut", "dup", "insert"])
        at = rng.randrange(len(data))
        if op == "flip":
            data[at] ^= 1 << rng.randrange(8)
        elif op == "set":
            data[at] = rng.choice([0, 0x0A, 0x22, 0x5C, 0x7B, 0x7D, 0x80, 0xBF, 0xEF, 0xFF])
        elif op == "cut":
            del data[at:at + rng.randint(1, 64)]
        elif op == "dup":
            data[at:at] = data[at:at + rng.randint(1, 64)]
        else:
            data[at:at] = rng.choice([b"\xef\xbb\xbf", b"\n", b"\\u0000", b"\\ud800", b"[", b"}", b'"'])
        notes.append(f"{op}@{at}")
    return " ".join(notes), bytes(data)


def _mutants(tmp_path: Path) -> list[tuple[str, Path]]:
    rng = random.Random(20261125)
    base_json = json.dumps(case_dict(), ensure_ascii=False, indent=1).encode("utf-8", "surrogatepass")
    clean_zip = write_bundle(tmp_path / "clean.arbcase").read_bytes()
    out = []
    for i in range(120):
        note, raw = _mutate_fields(rng)
        out.append((f"fields#{i} {note}", write_bundle(tmp_path / f"f{i}.arbcase", case_json=raw,
                                                       as_zip=i % 4 != 0)))
    for i in range(120):
        note, raw = _mutate_bytes(rng, base_json)
        if i % 5 == 0:
            note, raw = f"BOM + {note}", b"\xef\xbb\xbf" + (base_json if i % 10 == 0 else raw)
        out.append((f"json-bytes#{i} {note}", write_bundle(tmp_path / f"j{i}.arbcase", case_json=raw)))
    for i in range(40):  # evidence images whose bytes change (and whose declared sha256 follows them)
        files = default_files()
        name = "evidence/E2.png" if i % 2 else "evidence/E1.jpg"
        png = files[name]
        if i % 4 == 1:  # Pillow reads it but warns: it must stay off stderr
            note, raw = "acTL", png[:33] + _chunk(b"acTL", b"\x00" * 8) + png[33:]
        else:
            note, raw = _mutate_bytes(rng, png)
        files[name] = raw
        data = case_dict()
        data["evidence"][1 if i % 2 else 0]["sha256"] = hashlib.sha256(raw).hexdigest()
        out.append((f"image#{i} {name} {note}", write_bundle(tmp_path / f"i{i}.arbcase", data, files)))
    for i in range(120):
        note, raw = _mutate_bytes(rng, clean_zip)
        target = tmp_path / f"z{i}.arbcase"
        target.write_bytes(raw)
        out.append((f"zip-bytes#{i} {note}", target))
    return out


def _chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF)


def _extra_member_mutants(tmp_path: Path, rng: random.Random) -> list[tuple[str, Path]]:
    """A valid bundle plus one unreferenced member whose raw name is random bytes (with or without the
    UTF-8 flag) but structurally harmless: it must be accepted and listed as ignored, escaped if need be."""
    out = []
    for i in range(40):
        raw_name = b"extra/" + bytes(rng.choice(b"abcXYZ019_-. \x80\xa0\xc3\xe4\xef\xfe\xff")
                                     for _ in range(rng.randint(1, 12))) + b".bin"
        if raw_name.split(b"/")[-1] in (b".", b".."):
            continue
        placeholder = "P" * len(raw_name)
        target = tmp_path / f"x{i}.arbcase"
        with zipfile.ZipFile(target, "w") as zf:
            for name, content in [("case.json", json.dumps(case_dict()).encode())] + list(default_files().items()):
                zf.writestr(name, content)
            zf.writestr(placeholder, b"extra")
        blob = bytearray(target.read_bytes().replace(placeholder.encode(), raw_name))
        if i % 2:  # flag the name UTF-8, whether or not it is
            for sig, flag_at, name_at in ((b"PK\x03\x04", 6, 30), (b"PK\x01\x02", 8, 46)):
                at = blob.find(sig)
                while at >= 0:
                    if blob[at + name_at: at + name_at + len(raw_name)] == raw_name:
                        blob[at + flag_at + 1] |= 0x08
                    at = blob.find(sig, at + 4)
        target.write_bytes(bytes(blob))
        out.append((f"extra-member#{i} {raw_name!r} utf8-flag={bool(i % 2)}", target))
    return out


def _dump(db_file: Path) -> list[str]:
    con = sqlite3.connect(db_file)
    try:
        return [line for line in con.iterdump() if "alembic_version" not in line]
    finally:
        con.close()


@pytest.mark.slow
def test_mutated_bundles(tmp_path, capfd):
    mutants = _mutants(tmp_path / "in")
    extras = _extra_member_mutants(tmp_path / "in", random.Random(7))
    accepted, refused = [], []
    for label, path in mutants + extras:
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                loaded = read_bundle(path)
            assert not caught, (label, [str(w.message) for w in caught])
        except BundleError as exc:
            message = exc.message
            assert message.isprintable() and len(message.splitlines()) == 1, (label, message)
            assert str(path) not in message, (label, message)
            refused.append(path)
        except Exception as exc:  # pragma: no cover - this is what the fuzz looks for
            pytest.fail(f"{label}: {type(exc).__name__}: {exc}")
        else:
            accepted.append((label, path, loaded))
            if label.startswith("extra-member#"):
                assert len(loaded.ignored) == 1 and len(loaded.ignored[0].splitlines()) == 1, (label, loaded.ignored)
                loaded.ignored[0].encode("utf-8")
    assert capfd.readouterr().err == ""  # no library wrote anything on its own
    extra_refused = [label for label, path in extras if path in refused]
    assert not extra_refused, extra_refused
    assert len(refused) > 200 and accepted, (len(refused), len(accepted))  # the mutations bite, not all

    # The refused ones through the real command: one line each on stderr, no traceback, nothing stored.
    db_file = tmp_path / "db" / "arbiter.db"
    url = f"sqlite:///{db_file}"
    open_database(url).close()
    before = _dump(db_file)
    err, out = io.StringIO(), io.StringIO()
    with redirect_stderr(err), redirect_stdout(out):
        code = cli.main(["import", "--db", url, *map(str, refused)])
    assert code == cli.EXIT_FAILED
    lines = err.getvalue().splitlines()
    assert len(lines) == len(refused), err.getvalue()[:2000]
    for line, path in zip(lines, refused):
        assert line.startswith(f"refused: {path}: "), line
    assert "Traceback" not in err.getvalue() and out.getvalue() == ""
    assert _dump(db_file) == before

    # The accepted ones: stored, and each opens again as the very case that was read.
    db = open_database(url)
    try:
        repo = Repository(db)
        from arbiter.store import import_bundle

        for label, path, loaded in accepted:
            result = import_bundle(db, loaded)
            if result.status != "unchanged":  # unchanged: these very bytes were stored and checked before
                assert repo.load_case(result.case_pk).case == loaded.case, label
    finally:
        db.close()
