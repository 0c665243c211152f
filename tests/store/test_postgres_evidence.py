"""Supplement requests and private notes again, on PostgreSQL (``ARBITER_TEST_PG_URL``; skipped when not set):
the awaiting_evidence status, the resume on a new revision and at the due date, the append-only notes."""
from __future__ import annotations

import pytest

from tests.store.test_notes import (  # noqa: F401 - collected again with the PG fixtures
    test_add_edit_remove_keeps_every_version,
    test_notes_are_append_only,
)
from tests.store.test_postgres import PG_URL, db, db_url, repo  # noqa: F401 - the PG fixtures
from tests.store.test_supplements import (  # noqa: F401
    test_a_signed_case_cannot_wait_for_evidence,
    test_due_date_passing_resumes_the_case,
    test_export_document_and_marks,
    test_request_makes_the_case_wait_and_a_new_revision_with_the_items_resumes_it,
    test_status_check_refuses_unknown_status,
    test_two_requests_resume_only_when_both_are_answered,
)

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(not PG_URL, reason="ARBITER_TEST_PG_URL is not set"),
]
