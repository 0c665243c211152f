"""Helpers of the calibration tests: several reviewers answering the same gold case, the way a supervisor gets that
in practice (each reviewer signs on their own workstation; their verdict packages are imported)."""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from arbiter.packages import build_package, import_packages, package_bytes, package_name
from arbiter.store import QueueQuery, Repository
from tests.store.helpers import stored_inputs


def case_pk(db, case_id: str) -> int:
    return Repository(db).list_cases(QueueQuery(text=case_id))[0].pk


def answer_by_package(db, folder: Path, case_id: str, who, answers: dict, *, actor: str = "sam",
                      expect=("accepted", "conflict")):
    """``who`` (an Identity) signs ``answers`` on the stored case as an offline reviewer would, and the supervisor
    imports the package; returns the import's outcome."""
    repo = Repository(db)
    pk = case_pk(db, case_id)
    stored = repo.load_case(pk)
    answers = dict(answers, reviewer=who.id)
    record, progress = stored_inputs(repo, pk, answers)
    repo.register_key_card(who.card, actor)
    data = build_package(case_id=case_id, number=1, kind="original", reason=None, case_revision=stored.revision,
                         case_sha256=stored.case_sha256, supersedes=None, record=record, answers=answers,
                         progress=progress, signed_at=datetime.now(timezone.utc), reviewer=who, chain_head=None,
                         export_head=None)
    path = folder / package_name(case_id, 1, who.id)
    path.write_bytes(package_bytes(data))
    (outcome,) = import_packages(db, [str(path)], actor=actor)
    assert outcome.status in expect, outcome.line()
    return outcome
