"""Finding cases (issue 14 / issue 10): by case id, order id, buyer and seller id and name, phone (normalised),
SKU and tracking number; exact and prefix from indexes, names by words (FTS5) or parts (pg_trgm).

Written against the ``db`` fixture only, so test_postgres.py runs the same tests on PostgreSQL."""
from __future__ import annotations

import pytest

from arbiter.store import QueueQuery, Repository, import_bundle
from tests.factories import case_dict
from tests.store.helpers import make_loaded


def _case(n: int, **changes):
    data = case_dict(case_id=f"TTS-UK-SRCH-{n:04d}")
    data["order"]["order_id"] = f"5761{n:04d}99"
    data["buyer"].update(id=f"TTB-{n:05d}", display_name=changes.pop("buyer_name", f"Buyer Number{n}"),
                         phone=changes.pop("phone", f"+44 7700 90{n:04d}"))
    data["seller"].update(id=f"SLR-{n:03d}", shop_name=changes.pop("shop", f"Shop {n}"))
    data["order"]["items"][0]["sku"] = changes.pop("sku", f"SKU-{n:04d}-BLUE")
    if "claim" in data and data["claim"].get("items"):
        data["claim"]["items"][0]["sku"] = data["order"]["items"][0]["sku"]
    data["order"]["logistics"]["tracking_no"] = changes.pop("tracking", f"RM{n:07d}GB")
    assert not changes
    return data


@pytest.fixture
def stored(db):
    repo = Repository(db)
    pks = {}
    specials = {
        1: {"buyer_name": "Sophie Bennett", "phone": "+44 7700 900482", "shop": "Claywork Studio"},
        2: {"buyer_name": "José Álvarez", "phone": "(0)20-7946 0958"},
        3: {"buyer_name": "陈小明", "shop": "景德镇瓷器旗舰店", "phone": "138 0013 8000"},
    }
    for n in range(1, 8):
        result = import_bundle(db, make_loaded(_case(n, **specials.get(n, {}))))
        pks[n] = result.case_pk
    return repo, pks


def _found(repo, text):
    query = QueueQuery(text=text, sort="case_id")
    rows = repo.list_cases(query, 0, 50)
    assert repo.count_cases(query) == len(rows)
    return {int(row.case_id[-4:]) for row in rows}


@pytest.mark.parametrize("text, expected", [
    ("TTS-UK-SRCH-0003", {3}),            # case id, exact
    ("tts-uk-srch-000", set(range(1, 8))),  # case id prefix, any letter case
    ("576100059", {5}),                   # order id prefix
    ("5761000599", {5}),                  # order id exact
    ("TTB-00004", {4}),                   # buyer id
    ("slr-006", {6}),                     # seller id
    ("SKU-0002-BLUE", {2}),               # SKU exact
    ("sku-0007", {7}),                    # SKU prefix
    ("RM0000005GB", {5}),                 # tracking number
    ("rm000000", set(range(1, 8))),       # tracking prefix
])
def test_ids_skus_and_tracking_numbers_exact_and_prefix(stored, text, expected):
    repo, _ = stored
    assert _found(repo, text) == expected


@pytest.mark.parametrize("text", ["+44 7700 900482", "447700900482", "07700 900482", "7700-900-482", "900482",
                                  "(07700) 900 482"])
def test_phone_numbers_in_any_format(stored, text):
    repo, _ = stored
    assert _found(repo, text) == {1}


def test_phone_with_trunk_zero(stored):
    repo, _ = stored
    assert _found(repo, "020 7946 0958") == {2}
    assert _found(repo, "+86 138 0013 8000") == {3}
    assert _found(repo, "13800138000") == {3}


@pytest.mark.parametrize("text, expected", [
    ("Sophie Bennett", {1}),
    ("bennett", {1}),
    ("Claywork", {1}),
    ("jose alvarez", {2}),                 # diacritics removed (SQLite FTS5) / ILIKE (PostgreSQL: see below)
    ("陈小明", {3}),
    ("景德镇瓷器", {3}),
])
def test_buyer_and_seller_names(stored, db, text, expected):
    repo, _ = stored
    if db.backend == "postgresql" and text == "jose alvarez":
        text = "José Álvarez"  # pg_trgm compares the letters as written
    assert _found(repo, text) == expected


def test_no_match_and_wildcards_are_literal(stored):
    repo, _ = stored
    assert _found(repo, "nobody-like-this") == set()
    assert _found(repo, "%") == set()
    assert _found(repo, "_") == set()
    assert _found(repo, '"') == set()


def test_search_combines_with_filters_sorts_and_keyset_pages(stored):
    repo, _ = stored
    query = QueueQuery(text="TTS-UK-SRCH", sort="case_id", descending=True, status="new")
    first = repo.list_cases(query, 0, 3)
    rest = repo.list_cases(query, 0, 10, after=first[-1])
    assert [r.case_id[-1] for r in first + rest] == list("7654321")
    assert repo.count_cases(QueueQuery(text="TTS-UK-SRCH", status="signed")) == 0


def test_a_new_revision_replaces_the_search_entries(stored, db):
    repo, pks = stored
    changed = _case(4, buyer_name="Margaret Oduya", tracking="YT123456789CN")
    result = import_bundle(db, make_loaded(changed))
    assert result.status == "new_revision"
    assert _found(repo, "YT123456789CN") == {4}
    assert _found(repo, "oduya") == {4}
    assert _found(repo, "RM0000004GB") == set()
    assert _found(repo, "Number4") == set()
