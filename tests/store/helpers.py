"""Shared helpers of the store tests: bundle-like objects, decision records, database dumps."""
from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import inspect, text

from arbiter.domain.model import Case
from arbiter.domain.parse import case_from_dict
from arbiter.store import Database
from tests.factories import case_dict, default_files


@dataclass(frozen=True)
class FakeBundle:
    """What ``arbiter.bundle.read_bundle`` returns (LoadedBundle), built without reading a file."""

    source: str
    case: Case
    case_json: bytes
    case_sha256: str
    files: Mapping[str, bytes]
    ignored: tuple[str, ...] = field(default=())


def make_loaded(data: dict[str, Any] | None = None, files: dict[str, bytes] | None = None, *,
                source: str = "/tmp/bundles/case.arbcase", ignored: tuple[str, ...] = ()) -> FakeBundle:
    data = case_dict() if data is None else data
    files = default_files() if files is None else files
    raw = json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
    case = case_from_dict(json.loads(raw, parse_float=Decimal))
    referenced = {item["file"]: files[item["file"]] for item in data["evidence"]}
    return FakeBundle(source, case, raw, hashlib.sha256(raw).hexdigest(), referenced, ignored)


def decision_record(case_id: str = "TTS-UK-TEST-0001", **overrides: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "format": "arbiter.decision/1",
        "case_id": case_id,
        "policy": {"id": "tiktok_shop", "version": "2025.06"},
        "outcome": "buyer_favoured",
        "derived_outcome": "buyer_favoured",
        "override": None,
        "flagged_for_supervisor": False,
        "decline_reasons": [],
        "jurisdiction": [{"id": "J2_in_time", "passed": True, "computed": True, "fact": "3 days after delivery"}],
        "finding": "supported",
        "problem": "serious_quality",
        "remedy": {"type": "return_and_refund", "amount": "19.99", "currency": "GBP", "return_required": True,
                   "return_exemption": None, "refund_route": "original_payment", "shipping_borne_by": "seller"},
        "liability": "seller",
        "deadlines": [
            {"id": "seller_execute", "party": "seller", "due": "2025-03-07T02:00:00+00:00",
             "on_miss": "auto_deduction", "rule": "..."},
            {"id": "buyer_return_ship", "party": "buyer", "due": "2025-03-06T09:00:00+08:00",
             "on_miss": "return_closes", "rule": "..."},
            {"id": "seller_confirm_receipt", "party": "seller", "due": None, "on_miss": "deemed_delivered",
             "rule": "8 days after ..."},
        ],
        "evidence_considered": ["E1", "E2"],
        "evidence_excluded": [{"id": "E3", "reason": "not_requested"}],
        "appeals": {"buyer_remaining": 2, "buyer_max": 2, "seller": "ticket"},
        "sea_refund_without_return": False,
        "seller_conduct": None,
        "rationale": "E1 shows the crack; 卖家未回应.",
        "rationale_cites": ["E1", "M3"],
        "reviewer": "r.chen",
        "decided_at": "2025-03-05T10:00:00+00:00",
        "time_zone": "Europe/London",
    }
    record.update(copy.deepcopy(overrides))
    return record


TABLES = ("cases", "case_revisions", "evidence", "blobs", "users", "drafts", "verdicts", "audit_events",
          "supervisor_reviews", "alembic_version", "case_leases", "qa_samples", "qa_sample_items", "team_settings",
          "supplement_requests", "case_notes")


def dump(db: Database) -> dict[str, list[tuple]]:
    """Every row of every table (sorted), on any backend."""
    out: dict[str, list[tuple]] = {}
    with db.engine.connect() as conn:
        names = set(inspect(conn).get_table_names())
        assert set(TABLES) <= names, names
        for table in sorted(names):
            rows = conn.execute(text(f"SELECT * FROM {table}")).all()
            out[table] = sorted((tuple(row) for row in rows), key=repr)
    return out


def counts(db: Database) -> dict[str, int]:
    with db.engine.connect() as conn:
        return {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in TABLES}


def execute(db: Database, sql: str, **params: Any) -> None:
    """Raw SQL outside the repository, as a tamperer (or a careless admin) would run it."""
    with db.engine.begin() as conn:
        conn.execute(text(sql), params)


def drop_guard(db: Database, table: str) -> None:
    """Remove the append-only triggers of ``table`` (to simulate tampering by someone who can)."""
    if db.backend == "sqlite":
        execute(db, f"DROP TRIGGER {table}_no_update")
        execute(db, f"DROP TRIGGER {table}_no_delete")
    else:
        execute(db, f"DROP TRIGGER {table}_no_change ON {table}")


# -- signed verdicts (docs/trust.md) ---------------------------------------------------------------------------
FULL_PROGRESS = {"opened_evidence": ["E1", "E2", "E3"], "chats_read": ["buyer:buyer_seller", "seller:buyer_seller"]}


def signer(id: str = "r.chen", name: str = "R. Chen", role: str = "reviewer"):
    """A deterministic identity (never stored on disk)."""
    from arbiter.signing import demo_identity

    return demo_identity(id, name, role)


def signing_inputs(data: dict[str, Any] | None = None, *, reviewer: str = "r.chen",
                   **answer_overrides: Any) -> tuple[dict, dict, dict]:
    """``(record, answers, progress)`` the rules accept for the factory case (or ``data``): the record is what
    ``decide`` derives, the progress shows every item opened and both chats read."""
    from arbiter.domain.checklist import decide
    from arbiter.policies import load_policy
    from tests.factories import answers_dict

    data = case_dict() if data is None else data
    case = case_from_dict(json.loads(json.dumps(data), parse_float=Decimal))
    answers = answers_dict(reviewer=reviewer, **answer_overrides)
    record = decide(case, load_policy(data["platform"], data["region"]), answers)
    return record, answers, copy.deepcopy(FULL_PROGRESS)


SELLER_WINS = {"finding": "contradicted", "problem": None, "remedy": None, "amount": None}


def stored_inputs(repo, case_pk: int, answers: dict) -> tuple[dict, dict]:
    """``(record, progress)`` for answers on the stored case: what ``decide`` derives from its newest revision,
    and every evidence item opened and both chat logs read."""
    from arbiter.domain.checklist import decide
    from arbiter.domain.signoff import required_chats
    from arbiter.policies import load_policy

    case = repo.load_case(case_pk).case
    record = decide(case, load_policy(case.platform.value, case.region), answers,
                    tampered=repo.tampered_evidence(case_pk))
    progress = {"opened_evidence": sorted(e.id for e in case.evidence), "chats_read": sorted(required_chats(case))}
    return record, progress


def sign(repo, case_pk: int, who=None, **answer_overrides: Any):
    """Sign the stored case as ``who`` (default r.chen) with the factory answers (overridden)."""
    from tests.factories import answers_dict

    who = who or signer()
    answers = answers_dict(reviewer=who.id, **answer_overrides)
    record, progress = stored_inputs(repo, case_pk, answers)
    return repo.sign_verdict(case_pk, who, record, answers=answers, progress=progress)


def amend(repo, case_pk: int, reason: str, who=None, **answer_overrides: Any):
    from tests.factories import answers_dict

    who = who or signer()
    answers = answers_dict(reviewer=who.id, **answer_overrides)
    record, progress = stored_inputs(repo, case_pk, answers)
    return repo.amend_verdict(case_pk, who, reason, record, answers=answers, progress=progress)
