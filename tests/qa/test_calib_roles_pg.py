"""Gold cases and appeals under the database's own roles (PostgreSQL): only a supervisor's connection writes gold
cases; a reviewer's reads which cases are gold (its notice gate needs that) but never the expected answers; a
reviewer's import records appeals; nobody changes a gold row."""
from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError, ProgrammingError

from arbiter.store import Repository, import_bundle, open_database
from arbiter.store.appeals import Appeals
from arbiter.store.gold import GOLD_HOLD, GoldStore
from arbiter.store.qa import QAStore
from tests.factories import answers_dict, case_dict
from tests.qa.calib_helpers import case_pk
from tests.qa.test_appeals import appeal_dict
from tests.qa.test_roles_pg import people  # noqa: F401 - the fixture: login roles in each group
from tests.store.helpers import make_loaded

pytestmark = pytest.mark.postgres


def test_only_a_supervisor_marks_gold_and_a_reviewer_never_reads_the_answers(people):  # noqa: F811
    urls, verdict, case_id, admin = people
    supervisor = open_database(urls["supervisor"])
    try:
        assert GoldStore(supervisor).add(case_id, answers_dict(reviewer="sup"), "sup")[0] == "added"
    finally:
        supervisor.close()
    reviewer = create_engine(urls["reviewer"])
    try:
        with reviewer.connect() as conn:   # which cases are gold: yes (the notice gate needs it)
            assert conn.execute(text("SELECT count(*) FROM gold_cases WHERE NOT withdrawn")).scalar_one() == 1
        for sql in ("SELECT answers FROM gold_cases", "SELECT * FROM gold_cases", "SELECT record FROM gold_cases",
                    "INSERT INTO gold_cases (case_pk, revision, case_sha256, answers, record, source, note, "
                    "created_by, created_at, withdrawn) SELECT case_pk, 1, '', '{}', '{}', 'answers_file', '', "
                    "'me', now(), false FROM verdicts"):
            with pytest.raises(ProgrammingError, match="permission denied"):
                with reviewer.begin() as conn:
                    conn.execute(text(sql))
    finally:
        reviewer.dispose()
    db = open_database(urls["reviewer"])   # the reviewer's workstation: its notice is held, no error
    try:
        pk = case_pk(db, case_id)
        assert QAStore(db).notice_hold(pk) == GOLD_HOLD == Repository(db).notice_hold(pk)
        with pytest.raises(ProgrammingError, match="permission denied"):
            GoldStore(db).add(case_id, answers_dict(reviewer="rev"), "rev", replace=True)
    finally:
        db.close()
    sup = create_engine(urls["supervisor"])
    try:
        with pytest.raises(ProgrammingError, match="permission denied"):
            with sup.begin() as conn:
                conn.execute(text("UPDATE gold_cases SET withdrawn = true"))
    finally:
        sup.dispose()
    for sql in ("UPDATE gold_cases SET withdrawn = true", "DELETE FROM gold_cases", "TRUNCATE gold_cases CASCADE"):
        with pytest.raises(DBAPIError, match="append-only"):
            with admin.begin() as conn:   # the owner too: the triggers refuse
                conn.execute(text(sql))


def test_a_reviewers_import_records_the_appeal_and_keeps_it_from_its_decider(people):  # noqa: F811
    urls, verdict, case_id, _ = people
    db = open_database(urls["reviewer"])
    try:
        original = case_dict(case_id=case_id)
        import_bundle(db, make_loaded(appeal_dict("TTS-UK-APPEAL", original, decided_at=verdict.record["decided_at"],
                                                  fingerprint=verdict.fingerprint)), actor="rev")
        pk = case_pk(db, "TTS-UK-APPEAL")
        assert Appeals(db).original_verdict(pk).reviewer == verdict.reviewer
        assert Appeals(db).conflict_of(pk, verdict.reviewer)
        assert Appeals(db).conflict_of(pk, "someone.else") is None
    finally:
        db.close()
