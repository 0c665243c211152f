"""The queue: filtering, text search, sorting and paging happen in SQL, on 1000 generated cases."""
from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from sqlalchemy import event, update

from arbiter.store import SORT_KEYS, QueueQuery, Repository, import_bundle
from arbiter.store.models import CASE_STATUSES, CaseModel
from tests.factories import case_dict
from tests.store.helpers import make_loaded

N = 1000
PLATFORMS = ("tiktok_shop", "douyin")
REGIONS = ("UK", "US", "MY", "TH", "CN")
CLAIMS = ("not_received", "damaged", "quality_issue", "wrong_item")


def queue_rows(count: int = N) -> list[CaseModel]:
    """``count`` generated cases (about 10% without a deadline), the same on every run."""
    rng = random.Random(20250304)
    base = datetime(2025, 1, 1, tzinfo=timezone.utc)
    rows = []
    for i in range(count):
        opened = base + timedelta(minutes=rng.randrange(0, 60 * 24 * 90))
        rows.append(CaseModel(
            case_id=f"{rng.choice(['TTS', 'DY'])}-{i:05d}", latest_revision=1,
            platform=rng.choice(PLATFORMS), region=rng.choice(REGIONS), language="en",
            claim_type=rng.choice(CLAIMS), amount=Decimal(rng.randrange(1, 100000)) / 100, currency="GBP",
            order_id=f"ORD{rng.randrange(10**9):09d}", opened_at=opened, status=rng.choice(CASE_STATUSES),
            next_deadline_at=None if rng.random() < 0.1 else opened + timedelta(days=rng.randrange(1, 9)),
            imported_at=base, updated_at=base,
        ))
    rows[7].case_id = "SPECIAL_100%-x"
    rows[8].order_id = "ord-special_100"
    return rows


@pytest.fixture(scope="module")
def queue_db(tmp_path_factory):
    from arbiter.store import open_database

    db = open_database(f"sqlite:///{tmp_path_factory.mktemp('queue') / 'queue.db'}")
    _fill(db)
    yield db
    db.close()


def _fill(db) -> None:
    """The generated rows, with the search entries the importer would write (their case and order ids)."""
    from arbiter.store.search import insert_entries, normalise

    rows = queue_rows()
    with db.session() as session:
        session.add_all(rows)
        session.flush()
        insert_entries(session.connection(), [
            (row.id, (("case_id", normalise(row.case_id)), ("order_id", normalise(row.order_id))),
             "") for row in rows])  # no text document: these tests are about the keys and paging


@pytest.fixture(scope="module")
def everything(queue_db):
    rows = Repository(queue_db).list_cases(QueueQuery(sort="case_id"), 0, N + 10)
    assert len(rows) == N
    return rows


def _expected(rows, query: QueueQuery):
    def keep(r):
        # search: a prefix of the case id or the order id, in any letter case (store/search.py)
        text = query.text.casefold()
        if text and not r.case_id.casefold().startswith(text) and not r.order_id.casefold().startswith(text):
            return False
        for name in ("platform", "region", "status", "claim_type"):
            values = getattr(query, name)
            if values and getattr(r, name) not in values:
                return False
        return True

    kept = [r for r in rows if keep(r)]
    # ties by pk in the sort's direction; cases without a value (no deadline) last, by pk, either way
    with_value = sorted((r for r in kept if getattr(r, query.sort) is not None),
                        key=lambda r: (getattr(r, query.sort), r.pk), reverse=query.descending)
    without = sorted((r for r in kept if getattr(r, query.sort) is None), key=lambda r: r.pk,
                     reverse=query.descending)
    return with_value + without


@pytest.mark.parametrize("sort", SORT_KEYS)
@pytest.mark.parametrize("descending", [False, True])
def test_sorting_matches_python_and_pages_are_consistent(queue_db, everything, sort, descending):
    repo = Repository(queue_db)
    query = QueueQuery(sort=sort, descending=descending)
    expected = _expected(everything, query)
    pages = []
    for offset in range(0, N, 137):
        pages.extend(repo.list_cases(query, offset, 137))
    assert [r.pk for r in pages] == [r.pk for r in expected]
    assert repo.count_cases(query) == N


@pytest.mark.parametrize("query", [
    QueueQuery(platform="douyin"),
    QueueQuery(region=("UK", "MY"), sort="amount", descending=True),
    QueueQuery(status="flagged", claim_type="damaged", sort="opened_at"),
    QueueQuery(platform="tiktok_shop", region="CN", status=("new", "in_review"), sort="next_deadline_at"),
    QueueQuery(text="dy-0001"),
    QueueQuery(text="ORD1", sort="amount"),
    QueueQuery(text="special_100%"),
    QueueQuery(text="special_100"),
    QueueQuery(text="ord-special_1"),
    QueueQuery(text="_"),
    QueueQuery(text="%"),
    QueueQuery(text="nothing-matches-this"),
])
def test_filters_and_search(queue_db, everything, query):
    repo = Repository(queue_db)
    expected = _expected(everything, query)
    assert repo.count_cases(query) == len(expected)
    assert [r.pk for r in repo.list_cases(query, 0, 50)] == [r.pk for r in expected[:50]]
    assert [r.pk for r in repo.list_cases(query, 25, 10)] == [r.pk for r in expected[25:35]]


def test_search_takes_wildcards_literally(queue_db):
    """The search is a prefix of stored values (an index range, no LIKE): % and _ are plain characters."""
    repo = Repository(queue_db)
    assert [r.case_id for r in repo.list_cases(QueueQuery(text="special_100%"), 0, 10)] == ["SPECIAL_100%-x"]
    assert [r.order_id for r in repo.list_cases(QueueQuery(text="ORD-SPECIAL_1"), 0, 10)] == ["ord-special_100"]
    assert repo.count_cases(QueueQuery(text="specialX100")) == 0
    assert repo.count_cases(QueueQuery(text="special%")) == 0
    assert repo.count_cases(QueueQuery(text="_")) == 0


@pytest.mark.parametrize("sort", SORT_KEYS)
@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("filters", [{}, {"platform": "douyin"}, {"region": ("UK", "CN"), "status": "new"},
                                     {"text": "ord1"}])
def test_keyset_pages_follow_the_order(queue_db, everything, sort, descending, filters):
    """``after=`` (what the GUI's fetchMore uses) walks the same order as offsets, page after page."""
    repo = Repository(queue_db)
    query = QueueQuery(sort=sort, descending=descending, **filters)
    expected = [r.pk for r in _expected(everything, query)]
    pages = repo.list_cases(query, 0, 50)
    while True:
        page = repo.list_cases(query, 0, 97, after=pages[-1]) if pages else []
        if not page:
            break
        pages.extend(page)
    assert [r.pk for r in pages] == expected
    if len(expected) > 60:  # offset counts from the row after ``after``
        assert [r.pk for r in repo.list_cases(query, 7, 20, after=pages[30])] == expected[38:58]


def test_keyset_paging_neither_repeats_nor_skips_rows_when_the_queue_changes(queue_db):
    repo = Repository(queue_db)
    query = QueueQuery(sort="next_deadline_at")
    first = repo.list_cases(query, 0, 100)
    moved = first[10].pk  # a case already shown gets a much later deadline (as after a verdict)
    with queue_db.session() as session:
        before = session.scalar(CaseModel.__table__.select().with_only_columns(CaseModel.next_deadline_at)
                                .where(CaseModel.id == moved))
        session.execute(update(CaseModel).where(CaseModel.id == moved)
                        .values(next_deadline_at=datetime(2030, 1, 1, tzinfo=timezone.utc)))
    try:
        rest = repo.list_cases(query, 0, 100, after=first[-1])
        # the row that followed the first page still comes next; offset 100 would now skip it
        assert rest[0].pk == repo.list_cases(query, 99, 1)[0].pk != repo.list_cases(query, 100, 1)[0].pk
        assert not {r.pk for r in first} & {r.pk for r in rest} - {moved}
    finally:
        with queue_db.session() as session:
            session.execute(update(CaseModel).where(CaseModel.id == moved).values(next_deadline_at=before))


def _plans(db, call) -> list[str]:
    """EXPLAIN QUERY PLAN of every ``cases`` query ``call`` runs, with the same parameters."""
    statements = []

    def capture(conn, cursor, statement, parameters, context, executemany):
        statements.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", capture)
    try:
        call()
    finally:
        event.remove(db.engine, "before_cursor_execute", capture)
    with db.engine.connect() as conn:
        return [" | ".join(row[3] for row in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, params))
                for sql, params in statements if "FROM cases" in sql and "count(" not in sql]


@pytest.mark.parametrize("sort", SORT_KEYS)
@pytest.mark.parametrize("descending", [False, True])
def test_every_sort_is_read_from_an_index_in_order(queue_db, everything, sort, descending):
    """A correctness-of-plan test (not a timing test): no page sorts the table, at the top, deep by offset or
    after a row; the index named is the sort key's."""
    repo = Repository(queue_db)
    query = QueueQuery(sort=sort, descending=descending)
    middle = _expected(everything, query)[N // 2]
    last_dated = [r for r in _expected(everything, query) if r.next_deadline_at is not None][-1]
    plans = (_plans(queue_db, lambda: repo.list_cases(query, 0, 200))
             + _plans(queue_db, lambda: repo.list_cases(query, N - 150, 200))
             + _plans(queue_db, lambda: repo.list_cases(query, 0, 200, after=middle))
             + _plans(queue_db, lambda: repo.list_cases(query, 0, 200, after=last_dated)))
    assert plans
    index = "sqlite_autoindex_cases_1" if sort == "case_id" else f"ix_cases_{sort}_id"
    for plan in plans:
        assert "TEMP B-TREE" not in plan, plan
        assert f"INDEX {index}" in plan, plan


def test_only_one_page_is_fetched(queue_db):
    statements = []

    def capture(conn, cursor, statement, parameters, context, executemany):
        statements.append((statement, parameters))

    event.listen(queue_db.engine, "before_cursor_execute", capture)
    try:
        rows = Repository(queue_db).list_cases(QueueQuery(sort="amount", region="UK"), 40, 20)
    finally:
        event.remove(queue_db.engine, "before_cursor_execute", capture)
    assert len(rows) == 20
    [(sql, params)] = [(s, p) for s, p in statements if "FROM cases" in s]
    assert "ORDER BY" in sql and "LIMIT" in sql and "OFFSET" in sql and "WHERE" in sql
    assert 20 in params and 40 in params


def test_queue_rows_are_typed(everything):
    row = everything[0]
    assert isinstance(row.amount, Decimal)
    assert row.opened_at.tzinfo is not None
    with pytest.raises(AttributeError):
        row.status = "new"  # frozen


def test_bad_sort_key_and_paging_arguments_are_refused(queue_db):
    with pytest.raises(ValueError, match="sort"):
        QueueQuery(sort="buyer_name")
    with pytest.raises(ValueError):
        Repository(queue_db).list_cases(QueueQuery(), -1, 10)
    assert Repository(queue_db).list_cases(QueueQuery(), 0, 0) == []


def test_imported_cases_show_up_in_the_queue(db):
    repo = Repository(db)
    for i in range(3):
        import_bundle(db, make_loaded(case_dict(case_id=f"TTS-UK-Q{i}")))
    rows = repo.list_cases(QueueQuery(text="tts-uk-q", sort="case_id", descending=True), 0, 10)
    assert [r.case_id for r in rows] == ["TTS-UK-Q2", "TTS-UK-Q1", "TTS-UK-Q0"]
    assert {r.status for r in rows} == {"new"}
    assert all(r.amount == Decimal("19.99") and r.currency == "GBP" for r in rows)
