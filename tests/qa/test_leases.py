"""Team mode: leases on cases (SQLite and the real PostgreSQL server), concurrent takers in separate processes."""
from __future__ import annotations

import concurrent.futures
import multiprocessing
from datetime import timedelta

import pytest
from sqlalchemy import text

from arbiter.store import Repository, open_database
from arbiter.store.leases import LeaseError, Leases
from tests.qa.conftest import seed_cases


def test_take_next_hands_out_distinct_cases_then_none(team_db):
    ids = seed_cases(team_db, 3)
    leases = Leases(team_db)
    got = [leases.take_next("a"), leases.take_next("a"), leases.take_next("b")]
    assert sorted(lease.case_id for lease in got) == ids
    assert leases.take_next("c") is None
    held = leases.holders()
    assert {lease.holder for lease in held.values()} == {"a", "b"} and len(held) == 3


def test_take_renew_release_and_refusals(team_db):
    (case_id,) = seed_cases(team_db, 1)
    leases = Leases(team_db)
    first = leases.take(case_id, "a")
    again = leases.take(case_id, "a")          # ours already: renewed, same lease
    assert again.taken_at == first.taken_at and again.expires_at >= first.expires_at
    with pytest.raises(LeaseError, match=f"{case_id} is checked out to a until"):
        leases.take(case_id, "b")
    with pytest.raises(LeaseError, match="checked out to a, not to b"):
        leases.release(case_id, "b")
    leases.renew(case_id, "a")
    leases.release(case_id, "a")
    with pytest.raises(LeaseError, match="is not checked out"):
        leases.release(case_id, "a")
    assert leases.take(case_id, "b").holder == "b"
    with pytest.raises(LeaseError, match="no case NOPE"):
        leases.take("NOPE", "a")
    actions = [e.action for e in Repository(team_db).audit_trail() if e.action in ("case.taken", "case.released")]
    assert actions == ["case.taken", "case.released", "case.taken"]


def test_an_abandoned_lease_expires_and_can_be_taken_over(team_db):
    (case_id,) = seed_cases(team_db, 1)
    short = Leases(team_db, ttl=timedelta(milliseconds=1))
    short.take(case_id, "a")
    with team_db.engine.begin() as conn:  # let it lapse without sleeping: move its expiry into the past
        conn.execute(text("UPDATE case_leases SET expires_at = taken_at"))
    leases = Leases(team_db)
    assert leases.holders() == {}
    assert leases.take_next("b").case_id == case_id
    with pytest.raises(LeaseError, match="the lease was lost; b has the case now"):
        leases.renew(case_id, "a")


def test_signed_cases_are_not_handed_out_by_next(team_db):
    from tests.store.helpers import sign
    ids = seed_cases(team_db, 2)
    repo = Repository(team_db)
    pk = next(row.pk for row in repo.list_cases(__import__("arbiter.store", fromlist=["QueueQuery"]).QueueQuery())
              if row.case_id == ids[0])
    sign(repo, pk)
    leases = Leases(team_db)
    assert leases.take_next("a").case_id == ids[1]
    assert leases.take_next("a") is None
    assert leases.take(ids[0], "a").case_id == ids[0]  # by name it can still be taken (to amend it)


def _take_next(url: str, holder: str, count: int) -> list[str]:
    db = open_database(url)
    try:
        leases = Leases(db)
        out = []
        for _ in range(count):
            lease = leases.take_next(holder)
            out.append(lease.case_id if lease else "-")
        return out
    finally:
        db.close()


@pytest.mark.postgres
@pytest.mark.slow
def test_twelve_processes_never_share_a_case_on_postgresql(pg_url):
    db = open_database(pg_url)
    try:
        ids = seed_cases(db, 30)
    finally:
        db.close()
    ctx = multiprocessing.get_context("fork")  # fresh engines in each child; nothing open in the parent
    with concurrent.futures.ProcessPoolExecutor(max_workers=12, mp_context=ctx) as pool:
        futures = [pool.submit(_take_next, pg_url, f"p{i % 3}", 2) for i in range(12)]
        taken = [case for f in futures for case in f.result()]
    assert "-" not in taken
    assert len(taken) == 24 and len(set(taken)) == 24, taken
    assert set(taken) <= set(ids)
    db = open_database(pg_url)
    try:
        assert len(Leases(db).holders()) == 24
        assert Repository(db).verify_audit_chain() == []
    finally:
        db.close()
