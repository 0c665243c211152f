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


@pytest.mark.parametrize("text, expected", [
    ("sophie", {1}),                       # a first name: one word
    ("soph", {1}),                         # ... by prefix
    ("bennett", {1}),                      # a surname
    ("Sophie Benn", {1}),                  # two words: a prefix of the whole name
    ("claywork stu", {1}),                 # a shop name's words
    ("陈", {3}),                           # one Chinese character: the name is one word
    ("陈小", {3}),
    ("景德镇", {3}),
])
def test_one_word_searches_find_names_by_their_words_and_longer_ones_by_the_whole(stored, text, expected):
    """Whole names of two words or more are stored behind search.PHRASE (migration 0010): a one-word query reads
    each name once, by its words (not again by the whole name: 'lucas' and 'lucas garcia'), a query of several
    words reads the whole names. Found from the keys, without the names' text index."""
    import arbiter.store.queue_search as qs

    repo, _ = stored
    assert _found(repo, text) == expected
    with repo.db.session(readonly=True) as session:
        plan = qs.plan_search(session, text, repo.db.backend)
    assert plan.fulltext is False, text       # a key matched: the text index is not needed
    assert plan.seen == len(expected), text   # one key row per case found: no whole name read twice


def test_name_keys_are_words_and_the_whole_behind_a_mark():
    from arbiter.store.search import PHRASE, name_keys, search_entries

    assert name_keys("Sophie  Bennett") == [PHRASE + "sophie  bennett", "sophie", "bennett"]
    assert name_keys("Zoë") == ["zoë"]
    assert name_keys("陈小明") == ["陈小明"]
    assert name_keys("Lucas Lucas") == [PHRASE + "lucas lucas", "lucas"]
    assert name_keys("  ") == []
    assert name_keys("x" * 300)[0] == "x" * 255
    assert name_keys("a " + "x" * 300)[0] == (PHRASE + "a " + "x" * 300)[:255]  # the column's 255 characters
    keys, _ = search_entries({"buyer": {"display_name": "Wei Tan"}, "seller": {"shop_name": "Gadget Hub 7"}})
    assert set(keys) == {("buyer_name", PHRASE + "wei tan"), ("buyer_name", "wei"), ("buyer_name", "tan"),
                         ("seller_name", PHRASE + "gadget hub 7"), ("seller_name", "gadget"),
                         ("seller_name", "hub"), ("seller_name", "7")}


def test_0010_marks_the_whole_names_stored_before_it(stored, db, db_url):
    """A database whose whole names were stored unmarked (before 0010: the downgrade gives that back) finds the
    same cases after the upgrade, with the whole names behind the mark; 0010 leaves marked and one-word names
    alone."""
    from sqlalchemy import text as sql

    from arbiter.store.search import PHRASE
    from tests.store.test_migrations import _migrate

    repo, _ = stored

    def names():
        with db.engine.connect() as conn:
            return set(conn.execute(sql("SELECT value FROM case_search_keys WHERE case_pk = :pk AND kind IN "
                                        "('buyer_name', 'seller_name')"), {"pk": stored[1][1]}).scalars())

    marked = {PHRASE + "sophie bennett", "sophie", "bennett", PHRASE + "claywork studio", "claywork", "studio"}
    assert names() == marked
    db.engine.dispose()
    _migrate(db_url, "0009", "downgrade")
    assert names() == {"sophie bennett", "sophie", "bennett", "claywork studio", "claywork", "studio"}
    _migrate(db_url, "0010")
    assert names() == marked
    for text, expected in (("sophie benn", {1}), ("sophie", {1}), ("陈小明", {3}), ("claywork studio", {1})):
        assert _found(repo, text) == expected, text
