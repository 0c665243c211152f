"""Verdict packages (``.arbverdict``): a signed verdict travelling from an offline reviewer to a supervisor
(cli.md revision 2, ``arbiter verdicts export/import``; docs/trust.md, "Verdict packages").

``verdict.json`` carries the decision record and its fingerprint, the answers and the review progress it was
derived from, the case revision (number and sha256), the policy id and version, the app version, the audit chain
head at signing (signed) and at export, the reviewer's id and key fingerprint, and the Ed25519 signature over
:func:`arbiter.signing.verdict_statement`. Import checks all of it against this database before storing anything.
"""
from __future__ import annotations

import hashlib
import json
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import select

import arbiter
from arbiter.bundle.errors import BundleError
from arbiter.bundle.verdict_package import PACKAGE_FORMAT, VerdictPackage, read_package
from arbiter.signing.keys import canonical, verdict_statement
from arbiter.store import Repository, VerdictRefused
from arbiter.store.db import Database
from arbiter.store.models import CaseModel, VerdictModel
from arbiter.store.repository import _verdict_row
from arbiter.store import trust

ZIP_DATE = (2025, 1, 1, 0, 0, 0)
SUFFIX = ".arbverdict"


def sha(obj: Any) -> str:
    return hashlib.sha256(canonical(obj)).hexdigest()


def package_statement(data: dict[str, Any]) -> bytes:
    """The statement a package's signature covers (the same bytes a stored verdict's signature covers)."""
    return verdict_statement(
        case_id=data["case_id"], number=data["number"], kind=data["kind"], case_sha256=data["case_sha256"],
        record_fingerprint=data["fingerprint"], supersedes=data.get("supersedes"), signer=data["reviewer"]["id"],
        key=data["reviewer"]["key"], chain_head=data.get("chain_head"), app_version=data["app_version"],
        answers_sha256=sha(data["answers"]), progress_sha256=sha(data["progress"]), reason=data.get("reason"))


def package_bytes(data: dict[str, Any]) -> bytes:
    """The ``.arbverdict`` file: a ZIP with ``verdict.json`` stored uncompressed (no compressor whose output
    could differ between zlib builds), a fixed date: the same data gives the same bytes, and import refuses a
    file that is not exactly these bytes (one byte changed anywhere, even in a ZIP header, is refused)."""
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as zf:
        info = zipfile.ZipInfo("verdict.json", date_time=ZIP_DATE)
        info.compress_type = zipfile.ZIP_STORED
        info.external_attr = 0o644 << 16
        zf.writestr(info, canonical(data))
    return buffer.getvalue()


def package_name(case_id: str, number: int, reviewer: str | None = None) -> str:
    return f"{case_id}.v{number}{'.' + reviewer if reviewer else ''}{SUFFIX}"


def build_package(*, case_id: str, number: int, kind: str, reason: str | None, case_revision: int,
                  case_sha256: str, supersedes: str | None, record: dict, answers: dict, progress: dict,
                  signed_at: datetime, reviewer: Any, chain_head: str | None, export_head: str | None,
                  app_version: str | None = None, signature: str | None = None) -> dict[str, Any]:
    """The package's data. ``reviewer`` is an Identity (it signs, when ``signature`` is None) or a KeyCard-like
    object with ``id``, ``name``, ``role``, ``fingerprint``."""
    data = {
        "format": PACKAGE_FORMAT, "case_id": case_id, "number": number, "kind": kind, "reason": reason,
        "case_revision": case_revision, "case_sha256": case_sha256, "supersedes": supersedes,
        "policy": {"id": record["policy"]["id"], "version": record["policy"]["version"]},
        "app_version": app_version or arbiter.__version__,
        "reviewer": {"id": reviewer.id, "name": reviewer.name, "role": reviewer.role, "key": reviewer.fingerprint},
        "record": record, "fingerprint": hashlib.sha256(canonical(record)).hexdigest(), "answers": answers,
        "progress": progress, "signed_at": signed_at.astimezone(timezone.utc).isoformat(timespec="seconds"),
        "chain_head": chain_head, "export_head": export_head, "signature": "",
    }
    data["signature"] = signature if signature is not None else reviewer.sign(package_statement(data))
    return data


# -- export ----------------------------------------------------------------------------------------------------
def export_verdicts(db: Database, out_dir: Path, case_ids: Sequence[str] = (), *,
                    actor: str) -> tuple[list[str], list[str]]:
    """Write one package per verdict (of the cases named, or all). Returns (lines, failures)."""
    repo = Repository(db)
    lines: list[str] = []
    failures: list[str] = []
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return [], [f"error: cannot create {out_dir}: {exc.strerror}"]
    written: list[tuple[str, int, str, str]] = []
    with db.session(readonly=True) as session:
        head_pair = trust.chain_head(session)
        head = trust.head_text(head_pair)
        stmt = select(CaseModel).order_by(CaseModel.case_id)
        if case_ids:
            stmt = stmt.where(CaseModel.case_id.in_(list(case_ids)))
        cases = list(session.scalars(stmt))
        found = {c.case_id for c in cases}
        for missing in [c for c in case_ids if c not in found]:
            failures.append(f"refused: {missing}: no such case in this database")
        for case in cases:
            rows = list(session.scalars(select(VerdictModel).where(VerdictModel.case_pk == case.id)
                                        .order_by(VerdictModel.id)))
            if not rows and case_ids:
                failures.append(f"refused: {case.case_id}: no signed verdict")
            for row in rows:
                if row.signature is None:
                    failures.append(f"refused: {case.case_id} v{row.number or '?'}: not signed (made before "
                                    "signatures existed)")
                    continue
                data = stored_package_data(session, case, row, head)
                if data is None:
                    failures.append(f"refused: {case.case_id} v{row.number}: its key is not registered here")
                    continue
                name = package_name(case.case_id, row.number, row.reviewer if row.conflicts_with_id else None)
                path = out_dir / name
                blob = package_bytes(data)
                try:
                    path.write_bytes(blob)
                except OSError as exc:
                    failures.append(f"error: cannot write {path}: {exc.strerror}")
                    continue
                written.append((case.case_id, row.number, hashlib.sha256(blob).hexdigest(), str(path)))
                lines.append(f"exported: {case.case_id} v{row.number} by {row.reviewer}: {path}")
    if written:
        repo.record_export(actor, "verdicts.exported", head_pair, {
            "files": [{"case_id": c, "number": n, "sha256": h, "name": Path(p).name} for c, n, h, p in written]})
    return lines, failures


def stored_package_data(session, case: CaseModel, row: VerdictModel, export_head: str | None) -> dict | None:
    """The package data of a stored, signed verdict (None when its key is not registered here)."""
    verdict = _verdict_row(row)
    known = trust.key_card(session, row.signer_key)
    if known is None:
        return None
    return build_package(
        case_id=case.case_id, number=row.number, kind=row.kind, reason=row.reason, case_revision=row.revision,
        case_sha256=row.case_sha256, supersedes=trust.supersedes_fingerprint(session, row), record=verdict.record,
        answers=verdict.answers or {}, progress=verdict.progress or {}, signed_at=row.signed_at,
        reviewer=known[1], chain_head=row.chain_head, export_head=export_head, app_version=row.app_version,
        signature=row.signature)


# -- import ----------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ImportOutcome:
    source: str
    status: str            # accepted | unchanged | conflict | refused
    case_id: str = ""
    number: int = 0
    reviewer: str = ""
    detail: str = ""
    drift: bool = False

    def line(self) -> str:
        if self.status == "refused":
            return f"refused: {self.source}: {self.detail}"
        if self.status == "conflict":
            return f"conflict: {self.case_id}: {self.detail}"
        line = f"{self.status}: {self.case_id} v{self.number} by {self.reviewer}"
        return line + (" (rules drift)" if self.drift else "")


def import_packages(db: Database, sources: Iterable[str], *, actor: str) -> list[ImportOutcome]:
    """Verify and store packages; amendments after the verdicts they supersede (by number)."""
    read: list[tuple[int, int, str, VerdictPackage | None, str]] = []
    for i, source in enumerate(sources):
        try:
            package = read_package(source)
            if Path(source).read_bytes() != package_bytes(package.data):
                raise BundleError("not byte for byte the package arbiter writes for its content (altered?)")
            read.append((package.number, i, source, package, ""))
        except BundleError as exc:
            message = exc.message
            if "verdict.json missing" in message and _holds_member(source, "qa.json"):
                message = "this is a QA package, not a verdict package: import it with 'arbiter qa import-package'"
            read.append((0, i, source, None, message))
        except OSError as exc:
            read.append((0, i, source, None, exc.strerror or str(exc)))
    read.sort(key=lambda item: (item[0], item[1]))
    repo = Repository(db)
    out: list[ImportOutcome] = []
    for _n, _i, source, package, problem in read:
        if package is None:
            out.append(ImportOutcome(source, "refused", detail=problem))
            continue
        try:
            out.append(repo.import_verdict_package(package, actor, _accept))
        except VerdictRefused as exc:
            out.append(ImportOutcome(source, "refused", package.case_id, package.number, package.reviewer_id,
                                     detail=str(exc)))
    return out


def _accept(session, case: CaseModel, package: VerdictPackage) -> dict[str, Any]:
    """Every check of an imported package (VerdictRefused with the reason); the columns to store."""
    data = package.data
    known = trust.key_card(session, package.key)
    if known is None:
        raise VerdictRefused(f"unknown reviewer key {package.key[:16]} (register {package.reviewer_id}'s key card "
                             "with 'arbiter reviewers add')")
    owner, card = known
    if owner != package.reviewer_id:
        raise VerdictRefused(f"the key is registered for {owner}, not {package.reviewer_id}")
    if hashlib.sha256(canonical(data["record"])).hexdigest() != data["fingerprint"]:
        raise VerdictRefused("the record does not match its fingerprint")
    if not card.verify(package_statement(data), data["signature"]):
        raise VerdictRefused("bad signature")
    record = data["record"]
    if record.get("case_id") != case.case_id or record.get("reviewer") != package.reviewer_id:
        raise VerdictRefused("the record names another case or another reviewer")
    if data["answers"].get("reviewer") != package.reviewer_id:
        raise VerdictRefused("the answers name another reviewer")
    rev = trust.revision_row(session, case.id, sha256=data["case_sha256"])
    if rev is None:
        other = trust.revision_row(session, case.id, revision=data["case_revision"])
        if other is not None:
            raise VerdictRefused(f"case revision {data['case_revision']} here has another sha256 than the one signed")
        raise VerdictRefused(f"case revision {data['case_revision']} (sha256 {data['case_sha256'][:16]}) is not in "
                             "this database; import the case bundle first")
    if sha256_bytes(rev.case_json) != rev.case_sha256:
        raise VerdictRefused("the stored case revision does not match its sha256 (run arbiter verify)")
    parsed = trust.parse_revision(rev)
    from arbiter.domain.policy import PolicyError

    try:
        policy = trust.policy_for(parsed.platform.value, parsed.region, data["policy"]["id"],
                                  data["policy"]["version"])
    except PolicyError as exc:
        raise VerdictRefused(f"policy {data['policy']['id']} {data['policy']['version']}: {exc}") from None
    tampered = frozenset(str(x) for x in (data["progress"].get("tampered") or ()))
    drift = False
    try:
        trust.check_against_rules(parsed, policy, data["answers"], record, tampered)
    except VerdictRefused as exc:
        if data["app_version"] == arbiter.__version__:
            raise VerdictRefused(f"the decision record differs from what the rules derive from its answers under "
                                 f"{data['policy']['id']} {data['policy']['version']} ({exc})") from None
        drift = True  # another arbiter's rules: accepted, shown as such, never silently
    trust.check_progress(parsed, policy, data["answers"], data["progress"], tampered)
    signed_at = datetime.fromisoformat(data["signed_at"])
    if signed_at.tzinfo is None:
        raise VerdictRefused("signed_at has no UTC offset")
    return {"revision": rev.revision, "case_sha256": rev.case_sha256, "answers": data["answers"],
            "progress": data["progress"], "number": data["number"], "signer_key": package.key,
            "signature": data["signature"], "chain_head": data.get("chain_head"),
            "app_version": data["app_version"], "origin": "package", "rules_drift": drift, "signed_at": signed_at}


def _holds_member(source: str, member: str) -> bool:
    try:
        with zipfile.ZipFile(source) as zf:
            return member in zf.namelist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return False


def sha256_bytes(value: Any) -> str:
    raw = value.encode("utf-8") if isinstance(value, str) else bytes(value)
    return hashlib.sha256(raw).hexdigest()


__all__ = ["ImportOutcome", "build_package", "export_verdicts", "import_packages", "package_bytes", "package_name",
           "package_statement", "read_package"]
_ = json
