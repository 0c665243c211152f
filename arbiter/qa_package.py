"""QA packages (``.arbqa``): a supervisor's signed actions on verdicts that came from reviewers' verdict packages,
going back to the offline reviewers' workstations (issue 12 part 3; docs/trust.md, "QA packages").

The same conventions as verdict packages (:mod:`arbiter.packages`): a ZIP with one member, ``qa.json``, stored
uncompressed with a fixed date, canonical JSON; import refuses a file that is not byte for byte what arbiter
writes for its content. ``qa.json`` (format ``arbiter.qa-package/1``) carries the supervisor (id, name, role, key
fingerprint), the reviewer it is for (or null: everyone), when and by which arbiter it was made, the chain head at
export, a **manifest** (one line per action: case, vN, reviewer, action, the action's fingerprint), the
**actions** (each the signed record ``arbiter.qa-review/2`` exactly as the supervisor's database stores it, its
signature, and for an overturn the supervisor's amendment as a complete verdict package), and the supervisor's
signature over all of it. Import stores the actions in ``supervisor_reviews`` (and an overturn's amendment in
``verdicts``) exactly as a supervisor on a shared database would have: the reviewer's queue, the notice gate and
``arbiter verify`` read them the same way.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import DBAPIError

import arbiter
from arbiter.bundle.errors import BundleError
from arbiter.bundle.verdict_package import VerdictPackage, read_member
from arbiter.bundle.verdict_package import check_fields as check_verdict_fields
from arbiter.signing.keys import canonical
from arbiter.store import Repository, VerdictRefused
from arbiter.store import trust
from arbiter.store.db import Database
from arbiter.store.models import CaseModel, UserModel, VerdictModel
from arbiter.store.qa import QA_RECORD_FORMAT, insert_review
from arbiter.store.qa_models import SUPERVISOR_ACTIONS, SupervisorReviewModel

PACKAGE_FORMAT = "arbiter.qa-package/1"
MEMBER = "qa.json"
SUFFIX = ".arbqa"
ZIP_DATE = (2025, 1, 1, 0, 0, 0)
MAX_ACTIONS = 20000
MAX_NOTE = 10000
_SHA = re.compile(r"[0-9a-f]{64}")
_ID = re.compile(r"[A-Za-z0-9._@:-]{1,64}")
_HEAD = re.compile(r"[0-9]{1,12}:[0-9a-f]{64}")
FIELDS = {"format", "supervisor", "reviewer", "created_at", "app_version", "export_head", "manifest", "actions",
          "signature"}
RECORD_FIELDS = {"format", "case_id", "verdict", "supervisor", "key", "action", "note", "differences", "amendment",
                 "answers", "at"}


class QARefused(Exception):
    """A QA package (or one action in it) that cannot be stored; the message says why, in one line."""


# -- the file --------------------------------------------------------------------------------------------------
def unsigned_bytes(data: dict[str, Any]) -> bytes:
    """What the package signature covers: the canonical JSON of everything but the signature."""
    return canonical({k: v for k, v in data.items() if k != "signature"})


def package_bytes(data: dict[str, Any]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as zf:
        info = zipfile.ZipInfo(MEMBER, date_time=ZIP_DATE)
        info.compress_type = zipfile.ZIP_STORED
        info.external_attr = 0o644 << 16
        zf.writestr(info, canonical(data))
    return buffer.getvalue()


def action_fingerprint(record: dict[str, Any]) -> str:
    return hashlib.sha256(canonical(record)).hexdigest()


def manifest_of(actions: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"case_id": a["record"]["case_id"], "number": a["record"]["verdict"]["number"],
             "reviewer": a["record"]["verdict"]["reviewer"], "action": a["record"]["action"],
             "fingerprint": action_fingerprint(a["record"])} for a in actions]


def _need(cond: bool, message: str) -> None:
    if not cond:
        raise BundleError(message)


def _is_id(value: Any) -> bool:
    return isinstance(value, str) and bool(_ID.fullmatch(value))


def _is_sha(value: Any) -> bool:
    return isinstance(value, str) and bool(_SHA.fullmatch(value))


def _check_record(record: Any, where: str) -> None:
    _need(isinstance(record, dict), f"{where}: record must be a JSON object")
    _need(record.get("format") == QA_RECORD_FORMAT, f"{where}: record format must be {QA_RECORD_FORMAT!r}")
    unknown, missing = set(record) - RECORD_FIELDS, RECORD_FIELDS - set(record)
    _need(not unknown, f"{where}: unknown field {sorted(unknown)[0]!r}" if unknown else "")
    _need(not missing, f"{where}: missing field {sorted(missing)[0]!r}" if missing else "")
    _need(_is_id(record["case_id"]), f"{where}: case_id is not a case id")
    verdict = record["verdict"]
    _need(isinstance(verdict, dict) and set(verdict) == {"number", "fingerprint", "reviewer"}
          and isinstance(verdict["number"], int) and not isinstance(verdict["number"], bool)
          and 1 <= verdict["number"] <= 10000 and _is_sha(verdict["fingerprint"]) and _is_id(verdict["reviewer"]),
          f"{where}: verdict must be {{number, fingerprint, reviewer}}")
    _need(_is_id(record["supervisor"]) and _is_sha(record["key"]), f"{where}: supervisor and key are required")
    _need(record["action"] in SUPERVISOR_ACTIONS, f"{where}: action must be one of {', '.join(SUPERVISOR_ACTIONS)}")
    _need(isinstance(record["note"], str) and len(record["note"]) <= MAX_NOTE, f"{where}: note must be text")
    _need(isinstance(record["differences"], list) and all(isinstance(d, dict) for d in record["differences"]),
          f"{where}: differences must be a list of objects")
    _need((record["action"] == "overturn") == _is_sha(record["amendment"])
          and (record["amendment"] is None or record["action"] == "overturn"),
          f"{where}: an overturn (and only an overturn) names its amendment's fingerprint")
    _need(record["answers"] is None or isinstance(record["answers"], dict), f"{where}: answers must be an object")
    try:
        moment = datetime.fromisoformat(str(record["at"]))
    except ValueError:
        moment = None
    _need(moment is not None and moment.tzinfo is not None, f"{where}: at must be a time with a UTC offset")


def check_fields(data: Any) -> dict[str, Any]:
    _need(isinstance(data, dict), f"{MEMBER}: must be a JSON object")
    _need(data.get("format") == PACKAGE_FORMAT, f"not a QA package (format must be {PACKAGE_FORMAT!r})")
    unknown, missing = set(data) - FIELDS, FIELDS - set(data)
    _need(not unknown, f"{MEMBER}: unknown field {sorted(unknown)[0]!r}" if unknown else "")
    _need(not missing, f"{MEMBER}: missing field {sorted(missing)[0]!r}" if missing else "")
    sup = data["supervisor"]
    _need(isinstance(sup, dict) and set(sup) == {"id", "name", "role", "key"} and _is_id(sup["id"])
          and _is_sha(sup["key"]) and isinstance(sup["name"], str) and isinstance(sup["role"], str),
          "supervisor must be {id, name, role, key}")
    _need(data["reviewer"] is None or _is_id(data["reviewer"]), "reviewer must be an id or null")
    _need(isinstance(data["created_at"], str) and len(data["created_at"]) <= 40, "created_at must be a time")
    _need(isinstance(data["app_version"], str) and 0 < len(data["app_version"]) <= 32, "app_version is missing")
    _need(data["export_head"] is None or (isinstance(data["export_head"], str)
                                          and bool(_HEAD.fullmatch(data["export_head"]))),
          "export_head must be SEQ:SHA256")
    actions = data["actions"]
    _need(isinstance(actions, list) and 0 < len(actions) <= MAX_ACTIONS, "actions must be a non-empty list")
    for i, action in enumerate(actions):
        where = f"action {i + 1}"
        _need(isinstance(action, dict) and set(action) == {"record", "signature", "amendment"},
              f"{where}: must be {{record, signature, amendment}}")
        _check_record(action["record"], where)
        _need(isinstance(action["signature"], str) and 0 < len(action["signature"]) <= 200,
              f"{where}: signature is missing")
        _need((action["amendment"] is not None) == (action["record"]["action"] == "overturn"),
              f"{where}: an overturn (and only an overturn) carries its amendment")
        if action["amendment"] is not None:
            try:
                check_verdict_fields(action["amendment"])
            except BundleError as exc:
                raise BundleError(f"{where}: amendment: {exc.message}") from None
    _need(data["manifest"] == manifest_of(actions), "the manifest does not list the actions the package carries")
    _need(isinstance(data["signature"], str) and 0 < len(data["signature"]) <= 200, "signature is missing")
    return data


def read_qa_package(path: str | os.PathLike) -> dict[str, Any]:
    """Read and check an untrusted ``.arbqa`` (BundleError with a one-line reason); nothing touches a database."""
    source = os.fspath(path)
    try:
        data = check_fields(read_member(source, MEMBER, "QA package"))
    except BundleError as exc:
        if f"{MEMBER} missing" in exc.message and _holds(source, "verdict.json"):
            raise BundleError("this is a verdict package, not a QA package: import it with 'arbiter verdicts "
                              "import'") from None
        raise
    try:
        raw = Path(source).read_bytes()
    except OSError as exc:
        raise BundleError(exc.strerror or "cannot be read") from None
    if raw != package_bytes(data):
        raise BundleError("not byte for byte the package arbiter writes for its content (altered?)")
    return data


def _holds(source: str, member: str) -> bool:
    try:
        with zipfile.ZipFile(source) as zf:
            return member in zf.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


# -- export (the supervisor's workstation) ----------------------------------------------------------------------
def export_qa_package(db: Database, out: Path, *, signer: Any, reviewer: str | None = None
                      ) -> tuple[list[str], list[str]]:
    """Write the signer's actions on verdicts that came from verdict packages (of ``reviewer``, or everyone's) to
    ``out``. Returns (lines, failures); nothing is written when there is nothing to send or it fails."""
    from arbiter.packages import stored_package_data

    if getattr(signer, "role", None) != "supervisor":
        return [], [f"error: {getattr(signer, 'id', '?')} is not a supervisor: only a supervisor's actions go back "
                    "in a QA package"]
    lines: list[str] = []
    actions: list[dict[str, Any]] = []
    with db.session(readonly=True) as session:
        head_pair = trust.chain_head(session)
        head = trust.head_text(head_pair) if head_pair[0] > 0 else None
        stmt = (select(SupervisorReviewModel, VerdictModel, CaseModel)
                .join(VerdictModel, VerdictModel.id == SupervisorReviewModel.verdict_id)
                .join(CaseModel, CaseModel.id == VerdictModel.case_pk)
                .where(VerdictModel.origin == "package", SupervisorReviewModel.supervisor == signer.id)
                .order_by(SupervisorReviewModel.id))
        if reviewer:
            stmt = stmt.where(VerdictModel.reviewer == reviewer)
        for review, verdict, case in session.execute(stmt):
            name = f"{case.case_id} v{verdict.number} {verdict.reviewer} {review.action}"
            record = json.loads(review.record)
            if record.get("format") != QA_RECORD_FORMAT or not review.signature:
                lines.append(f"skipped: {name}: signed before QA packages existed (it names this database's rows)")
                continue
            amendment = None
            if review.amendment_id is not None:
                row = session.get(VerdictModel, review.amendment_id)
                amendment = stored_package_data(session, case, row, head) if row is not None else None
                if amendment is None:
                    lines.append(f"skipped: {name}: the overturn's amendment cannot be packaged")
                    continue
            actions.append({"record": record, "signature": review.signature, "amendment": amendment})
            lines.append(f"exported: {name}")
    if not actions:
        whose = f" on {reviewer}'s verdicts" if reviewer else ""
        return lines, [f"error: no supervisor action by {signer.id}{whose} on verdicts from verdict packages: "
                       "nothing to send"]
    data = {"format": PACKAGE_FORMAT,
            "supervisor": {"id": signer.id, "name": signer.name, "role": signer.role, "key": signer.fingerprint},
            "reviewer": reviewer or None,
            "created_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "app_version": arbiter.__version__, "export_head": head, "manifest": manifest_of(actions),
            "actions": actions, "signature": ""}
    data["signature"] = signer.sign(unsigned_bytes(data))
    blob = package_bytes(data)
    part = out.with_name(out.name + ".part")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        part.write_bytes(blob)
        os.replace(part, out)
    except OSError as exc:
        part.unlink(missing_ok=True)
        return lines, [f"error: cannot write {out}: {exc.strerror or exc}"]
    Repository(db).record_export(signer.id, "qa.exported", head_pair, {
        "files": [{"name": out.name, "sha256": hashlib.sha256(blob).hexdigest(), "actions": len(actions)}],
        "reviewer": reviewer or None})
    lines.append(f"wrote: {out} ({len(actions)} supervisor action{'s' if len(actions) != 1 else ''})")
    return lines, []


def reviewers_to_send(db: Database, supervisor: str) -> list[tuple[str, int]]:
    """(reviewer, number of actions) with something for them in a QA package: this supervisor's actions on
    verdicts that came from verdict packages."""
    from sqlalchemy import func

    with db.session(readonly=True) as session:
        rows = session.execute(
            select(VerdictModel.reviewer, func.count(SupervisorReviewModel.id))
            .join(VerdictModel, VerdictModel.id == SupervisorReviewModel.verdict_id)
            .where(VerdictModel.origin == "package", SupervisorReviewModel.supervisor == supervisor)
            .group_by(VerdictModel.reviewer).order_by(VerdictModel.reviewer))
        return [(r, int(n)) for r, n in rows]


# -- import (the reviewer's workstation) ------------------------------------------------------------------------
@dataclass(frozen=True)
class QAImportOutcome:
    source: str
    status: str              # accepted | unchanged | refused
    case_id: str = ""
    number: int = 0
    action: str = ""
    supervisor: str = ""
    detail: str = ""

    def line(self) -> str:
        if self.status == "refused":
            return f"refused: {self.source}: {self.detail}"
        return f"{self.status}: {self.case_id} v{self.number} {self.action} by {self.supervisor}" + (
            f" ({self.detail})" if self.detail else "")


def import_qa_packages(db: Database, sources: Iterable[str], *, actor: str) -> list[QAImportOutcome]:
    """Verify and store QA packages, each in one transaction: a package with one bad action stores nothing."""
    out: list[QAImportOutcome] = []
    repo = Repository(db)
    for source in sources:
        try:
            data = read_qa_package(source)
        except BundleError as exc:
            out.append(QAImportOutcome(source, "refused", detail=exc.message))
            continue
        try:
            with db.session() as session:
                out.extend(_store(session, repo, data, source, actor))
        except QARefused as exc:
            out.append(QAImportOutcome(source, "refused", detail=str(exc)))
        except DBAPIError as exc:
            first = str(exc.orig).splitlines()[0] if exc.orig else str(exc)
            out.append(QAImportOutcome(source, "refused", detail=f"could not be stored ({first})"))
    return out


def _supervisor_card(session, data: dict[str, Any]):
    sup = data["supervisor"]
    known = trust.key_card(session, sup["key"])
    if known is None:
        raise QARefused(f"unknown supervisor key {sup['key'][:16]} (register {sup['id']}'s key card with "
                        "'arbiter reviewers add')")
    owner, card = known
    if owner != sup["id"]:
        raise QARefused(f"the key is registered for {owner}, not {sup['id']}")
    role = session.scalar(select(UserModel.role).where(UserModel.username == owner))
    if role != "supervisor":
        raise QARefused(f"{owner} is registered here as a {role}, not a supervisor: only a supervisor's QA package "
                        "is accepted")
    if not card.verify(unsigned_bytes(data), data["signature"]):
        raise QARefused("bad signature (the package is not what the supervisor signed)")
    return card


def _store(session, repo: Repository, data: dict[str, Any], source: str, actor: str) -> list[QAImportOutcome]:
    from arbiter.packages import _accept

    card = _supervisor_card(session, data)
    sup = data["supervisor"]
    outcomes = []
    for action in sorted(data["actions"], key=lambda a: (a["record"]["at"], a["record"]["case_id"])):
        record = action["record"]
        label = f"{record['case_id']} v{record['verdict']['number']}"
        if record["supervisor"] != sup["id"] or record["key"] != sup["key"]:
            raise QARefused(f"{label}: the action is signed by another supervisor than the package")
        if not card.verify(canonical(record), action["signature"]):
            raise QARefused(f"{label}: bad signature on the {record['action']}")
        case = session.scalar(select(CaseModel).where(CaseModel.case_id == record["case_id"]).with_for_update())
        if case is None:
            raise QARefused(f"{label}: case {record['case_id']} is not in this database")
        verdict = session.scalar(select(VerdictModel).where(
            VerdictModel.case_pk == case.id, VerdictModel.fingerprint == record["verdict"]["fingerprint"])
            .order_by(VerdictModel.id).limit(1))
        if verdict is None:
            raise QARefused(f"{label}: the verdict it reviews (by {record['verdict']['reviewer']}, fingerprint "
                            f"{record['verdict']['fingerprint'][:16]}) is not in this database")
        if verdict.reviewer != record["verdict"]["reviewer"] or verdict.reviewer == sup["id"]:
            raise QARefused(f"{label}: the verdict reviewed is {verdict.reviewer}'s, not what the action names")
        if record["action"] == "return" and not record["note"].strip():
            raise QARefused(f"{label}: a return without a note")
        amendment_row = None
        if record["action"] == "overturn":
            package = VerdictPackage(source, action["amendment"])
            if (package.data["fingerprint"] != record["amendment"] or package.data["supersedes"]
                    != verdict.fingerprint or package.reviewer_id != sup["id"]):
                raise QARefused(f"{label}: the overturn's amendment is not the supervisor's amendment of that verdict")
            try:
                _outcome, amendment_row = repo.store_verdict_package(session, package, actor, _accept)
            except VerdictRefused as exc:
                raise QARefused(f"{label}: the overturn's amendment: {exc}") from None
        fingerprint = action_fingerprint(record)
        base = dict(source=source, case_id=record["case_id"], number=record["verdict"]["number"],
                    action=record["action"], supervisor=sup["id"])
        if session.scalar(select(SupervisorReviewModel.id).where(
                SupervisorReviewModel.fingerprint == fingerprint)) is not None:
            outcomes.append(QAImportOutcome(status="unchanged", **base))
            continue
        insert_review(session, case, verdict, amendment_row, record, action["signature"], sample_id=None,
                      event="qa.imported", actor=actor,
                      extra={"origin": "package", "supervisor": sup["id"], "package": Path(source).name})
        detail = f"amendment v{amendment_row.number}" if amendment_row is not None else ""
        outcomes.append(QAImportOutcome(status="accepted", detail=detail, **base))
    return outcomes


__all__ = ["PACKAGE_FORMAT", "QAImportOutcome", "QARefused", "SUFFIX", "export_qa_package", "import_qa_packages",
           "package_bytes", "read_qa_package"]
