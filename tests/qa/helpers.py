"""A supervisor's database for the QA tests: the bundled samples imported and decided with their sample answers
by four reviewers (the real rules), one verdict amended, one overridden."""
from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

from arbiter.bundle import read_bundle
from arbiter.domain.checklist import decide
from arbiter.policies import load_policy
from arbiter.store import QueueQuery, Repository, import_bundle

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "resources" / "samples").glob("*.arbcase"))
REVIEWERS = ("ana", "ben", "chen", "dara")


def answers_for(name: str) -> dict:
    path = ROOT / "resources" / "sample-answers" / f"{name}.answers.json"
    return json.loads(path.read_text("utf-8"), parse_float=Decimal)


def record_for(case, answers: dict) -> dict:
    return decide(case, load_policy(case.platform.value, case.region), answers)


SUPERVISORS = ("boss", "sam.sup")


def _signer(reviewer: str):
    from arbiter.signing import demo_identity

    return demo_identity(reviewer, reviewer.title(), "supervisor" if reviewer in SUPERVISORS else "reviewer")


def boss(name: str = "boss"):
    """The supervisor's identity of the QA tests (role supervisor: it signs approve / return / overturn)."""
    from arbiter.signing import demo_identity

    return demo_identity(name, name.title(), "supervisor")


def sign(repo: Repository, case_pk: int, reviewer: str, record: dict, answers: dict) -> object:
    """Sign as ``reviewer`` through the store's API (one place to adapt when signing changes): a deterministic
    key per reviewer, every item opened and both chats read."""
    from tests.store.helpers import stored_inputs

    answers = dict(answers, reviewer=reviewer)
    record, progress = stored_inputs(repo, case_pk, answers)
    return repo.sign_verdict(case_pk, _signer(reviewer), record, answers=answers, progress=progress)


def amend(repo: Repository, case_pk: int, reviewer: str, reason: str, record: dict, answers: dict) -> object:
    from tests.store.helpers import stored_inputs

    answers = dict(answers, reviewer=reviewer)
    record, progress = stored_inputs(repo, case_pk, answers)
    return repo.amend_verdict(case_pk, _signer(reviewer), reason, record, answers=answers, progress=progress)


def build_decided(db) -> dict[str, dict]:
    """Import every sample and sign it; returns case_id -> {pk, reviewer, answers, record, verdict}."""
    repo = Repository(db)
    out: dict[str, dict] = {}
    for i, path in enumerate(SAMPLES):
        loaded = read_bundle(path)
        import_bundle(db, loaded, actor="importer")
        name = path.name.removesuffix(".arbcase")
        answers = answers_for(name)
        reviewer = REVIEWERS[i % len(REVIEWERS)]
        answers["reviewer"] = reviewer
        record = record_for(loaded.case, answers)
        pk = next(r.pk for r in repo.list_cases(QueueQuery(text=loaded.case.case_id)))
        verdict = sign(repo, pk, reviewer, record, answers)
        out[loaded.case.case_id] = {"pk": pk, "reviewer": reviewer, "answers": answers, "record": record,
                                    "verdict": verdict, "case": loaded.case}
    return out
