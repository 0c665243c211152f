"""A search that matches much of the queue (issue 14): the count stops at a cap ("1,000+") and the first page is
read by walking the sort's index and probing each case (store/queue_search.py), with exactly the rows, order and
keyset pages of the plan that collects every match. Written against the ``db`` fixture only, so
test_postgres.py runs the same tests on PostgreSQL."""
from __future__ import annotations

import pytest

import arbiter.store.queue_search as qs
from arbiter.store import SORT_KEYS, QueueQuery, Repository, import_bundle
from tests.factories import case_dict
from tests.store.helpers import make_loaded

NAMES = ["Sophie Bennett", "Oliver Bennett", "Amelia Bennett", "Jack Bennett", "Aisha Bennett", "Wei Bennett",
         "Mei Bennett", "Sophie Tan", "Sophie Lim", "Sophie Wong", "Ravi Patel", "Emma Brown", "Noah Silva",
         "Chloe Bennett", "Lucas Hughes", "Priya Bennett"]
STATUSES = ["new", "in_review", "decided"]


@pytest.fixture
def queue(db):
    repo = Repository(db)
    for n, name in enumerate(NAMES):
        data = case_dict(case_id=f"TTS-UK-PLAN-{n:03d}")
        data["buyer"].update(id=f"TTB-P{n:03d}", display_name=name)
        data["order"]["order_id"] = f"88{n:03d}"
        data["opened_at"] = f"2025-02-{1 + n % 9:02d}T{8 + n % 5:02d}:00:00+00:00"
        result = import_bundle(db, make_loaded(data))
        if n % 3:
            repo.mark_status(result.case_pk, STATUSES[n % 3], "test")
    return repo


def _plans(monkeypatch, mode: str):
    """Make every search of this small queue take ``mode``; plans are not reused."""
    monkeypatch.setattr("arbiter.store.repository.PLAN_SECONDS", 0)
    monkeypatch.setattr(qs, "COLLECT_FACTOR", 0)
    monkeypatch.setattr(qs, "PROBE_FACTOR", 0)
    monkeypatch.setattr(qs, "DENSE_MIN", 10**9 if mode == qs.COLLECT else 0)
    monkeypatch.setattr(qs, "PROBE_MIN", 0 if mode == qs.PROBE else 10**9)


def _all_pages(repo, query, size):
    rows, after = [], None
    while True:
        page = repo.list_cases(query, 0, size, after=after)
        if not page:
            return rows
        rows.extend(page)
        after = page[-1]


@pytest.mark.parametrize("text", ["bennett", "sophie", "tts-uk-plan-00", "88"])
def test_the_walking_plan_gives_the_rows_and_pages_of_the_collecting_plan(queue, monkeypatch, text):
    seen = []
    real = qs.plan_search
    monkeypatch.setattr("arbiter.store.repository.plan_search",
                        lambda *a, **k: seen.append(real(*a, **k)) or seen[-1])
    for sort in SORT_KEYS:
        for descending in (False, True):
            for status in (None, ("in_review", "decided")):
                query = QueueQuery(text=text, sort=sort, descending=descending, status=status)
                _plans(monkeypatch, qs.COLLECT)
                expected = [r.pk for r in queue.list_cases(query, 0, 100)]
                paged = [r.pk for r in _all_pages(queue, query, 3)]
                assert seen[-1].mode == qs.COLLECT
                for mode in (qs.SET, qs.PROBE):
                    _plans(monkeypatch, mode)
                    assert [r.pk for r in queue.list_cases(query, 0, 100)] == expected, (mode, sort, descending)
                    assert seen[-1].mode == mode
                    assert [r.pk for r in _all_pages(queue, query, 3)] == paged == expected, (mode, sort)
                assert expected  # the search finds something in every combination
    assert len(seen) > 100


def test_a_search_s_plan_is_reused_for_a_moment(queue, monkeypatch):
    """The queue counts, then reads a page, of the same search: planned once (a few statements fewer each)."""
    calls = []
    real = qs.plan_search
    monkeypatch.setattr("arbiter.store.repository.plan_search", lambda *a, **k: calls.append(a[1]) or real(*a, **k))
    query = QueueQuery(text="bennett")
    queue.count_cases(query, cap=5)
    queue.list_cases(query, 0, 10)
    assert calls == ["bennett"]
    monkeypatch.setattr("arbiter.store.repository.PLAN_SECONDS", 0)
    queue.list_cases(query, 0, 10)
    assert calls == ["bennett", "bennett"]


def test_a_search_count_stops_at_the_cap(queue):
    bennett = QueueQuery(text="bennett")
    assert queue.count_cases(bennett) == 9                    # no cap: exact
    assert queue.count_cases(bennett, cap=5) == 6             # "more than 5"
    assert queue.count_cases(bennett, cap=9) == 9             # not more than the cap: exact
    assert queue.count_cases(QueueQuery(text="sophie bennett"), cap=5) == 1
    # with a filter the cap counts the filtered cases (3 of the Bennetts are in review)
    in_review = QueueQuery(text="bennett", status="in_review")
    assert queue.count_cases(in_review, cap=5) == queue.count_cases(in_review) == len(
        queue.list_cases(in_review, 0, 100))
    assert queue.count_cases(QueueQuery(), cap=5) == len(NAMES)   # no search: never capped


def test_a_capped_count_counts_cases_not_index_rows(queue):
    """"tt" finds each case twice among the keys (its case id "tts-uk-plan-..." and its buyer id "ttb-p..."):
    16 cases, 32 rows."""
    tt = QueueQuery(text="tt")
    assert queue.count_cases(tt) == 16
    assert queue.count_cases(tt, cap=20) == 16
    assert queue.count_cases(tt, cap=16) == 16
    assert queue.count_cases(tt, cap=15) == 16               # 16 > 15: "more than 15"
    sophie = QueueQuery(text="sophie")
    assert queue.count_cases(sophie) == queue.count_cases(sophie, cap=4) == 4
    assert queue.count_cases(sophie, cap=3) == 4              # 4 > 3: "more than 3"


def test_the_plan_tells_few_from_many_from_most(queue, monkeypatch):
    for name, value in (("COLLECT_FACTOR", 0), ("PROBE_FACTOR", 0), ("DENSE_MIN", 2), ("PROBE_MIN", 8)):
        monkeypatch.setattr(qs, name, value)
    with queue.db.session(readonly=True) as session:
        most = qs.plan_search(session, "bennett", queue.db.backend)
        many = qs.plan_search(session, "sophie", queue.db.backend)           # 4 cases: 4 name words
        few = qs.plan_search(session, "Priya Bennett", queue.db.backend)
        words = qs.plan_search(session, "Priya Bennett HomeGoods", queue.db.backend)  # no value starts so
    assert (most.mode, most.fulltext, most.seen) == (qs.PROBE, False, 9)     # counted up to threshold + 1
    assert (many.mode, many.seen) == (qs.SET, 4)             # whole names are not read for one word
    assert (few.mode, few.fulltext, few.seen) == (qs.COLLECT, False, 1)
    assert words.fulltext is True and words.dense is False
    assert [r.case_id for r in queue.list_cases(QueueQuery(text="Priya Bennett HomeGoods"), 0, 10)] == [
        "TTS-UK-PLAN-015"]


def test_the_queue_s_capped_count_comes_with_the_plan(queue, monkeypatch):
    """count_cases(cap=1000), what the queue asks on every search, is answered from the plan's own statement
    (each lookup's cases counted up to the cap on the way): exact, and one statement for the whole count."""
    from sqlalchemy import event

    monkeypatch.setattr("arbiter.store.repository.PLAN_SECONDS", 0)
    statements = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731
    for text in ("bennett", "sophie", "Sophie Bennett", "sophie ben", "tts-uk-plan-00", "88", "tt", "zzz-none",
                 "Priya Bennett HomeGoods"):
        query = QueueQuery(text=text)
        exact = queue.count_cases(query)
        event.listen(queue.db.engine, "before_cursor_execute", listener)
        try:
            statements.clear()
            assert queue.count_cases(query, cap=qs.QUEUE_CAP) == exact, text
        finally:
            event.remove(queue.db.engine, "before_cursor_execute", listener)
        counts = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
        if text in ("Priya Bennett HomeGoods", "zzz-none"):  # no value starts so: the names' text index too
            assert len(counts) == 2, counts
        else:
            assert len(counts) == 1, (text, counts)
        assert exact == len(queue.list_cases(query, 0, 100)), text
    assert queue.count_cases(QueueQuery(text="tt"), cap=qs.QUEUE_CAP) == 16     # 32 rows, 16 cases
    assert queue.count_cases(QueueQuery(text="bennett", status="in_review"), cap=qs.QUEUE_CAP) == 3  # filtered
