"""``arbiter --demo --supervisor``: gold cases answered by the demo reviewers, and appeals of signed verdicts, so the
Calibration room and the "Original decision" tab have something to show (issue 12, parts 6 and 7). Qt-free; runs
on the writer thread after the demonstration set is imported.

- **Gold**: eight of the cases nobody reviewed in the set are marked gold by the demo supervisor with the sample's
  own answers; each demo reviewer answers them as an offline reviewer would (a signed verdict package, imported),
  with their habits: Ben reads serious quality problems as minor, Chen finds the seller's first item not relevant,
  Dara finds the evidence insufficient now and then; Ana mostly agrees with gold. A variation the rules refuse
  falls back to the gold answers.
- **Appeals**: two signed cases get an appeal bundle (a new case id, the same order, ``after_sale.appeal`` naming
  the signed verdict by its fingerprint, filed a day later), imported like any bundle.

Deterministic: the same set gives the same gold, answers and appeals.
"""
from __future__ import annotations

import copy
import json
import zipfile
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

N_GOLD = 8
N_APPEALS = 2


def _answers_by_case() -> dict[str, dict]:
    """The demo set's own answers (the sample's, shifted like the case) for every case id it writes."""
    from arbiter.demo import N_VARIANTS, _samples, _variant

    out = {}
    for k in range(N_VARIANTS):
        for _name, src, _files, answers in _samples():
            _raw, shifted, case_id = _variant(src["text"], copy.deepcopy(answers), k)
            out[case_id] = shifted
    return out


def _variation(who: str, answers: dict, case, index: int) -> dict:
    a = copy.deepcopy(answers)
    if who == "ben.okafor" and a.get("problem") == "serious_quality":
        a.update(problem="minor_quality")
        a.pop("damage_extent", None)
    elif who == "chen.wei" and index % 2 == 0:
        seller = [e.id for e in case.evidence_in_review_order() if getattr(e.party, "value", e.party) == "seller"]
        if seller and isinstance(a.get("evidence"), dict) and seller[0] in a["evidence"]:
            a["evidence"] = dict(a["evidence"], **{seller[0]: "not_relevant"})
    elif who == "dara.nguyen" and index % 3 == 1 and a.get("finding") == "supported":
        a = {k: v for k, v in a.items() if k not in ("problem", "remedy", "amount", "damage_extent")}
        a.update(finding="insufficient", override=None,
                 rationale="The photos do not establish the problem claimed; " + str(answers.get("rationale", ""))[:80])
    elif who == "ana.silva" and index == 5 and a.get("problem") == "serious_quality":
        a.update(problem="minor_quality")
        a.pop("damage_extent", None)
    return a


def add_calibration_demo(db, out: Path, supervisor_id: str,
                         progress: Callable[[str], None] = lambda _t: None) -> dict[str, int]:
    """Gold cases and their answers, then appeals; returns ``{"gold": n, "gold_answers": m, "appeals": k}``."""
    from sqlalchemy import select

    from arbiter.demo import _Desk, _later
    from arbiter.domain.checklist import AnswerError
    from arbiter.domain.signoff import required_chats
    from arbiter.packages import import_packages, package_bytes, package_name
    from arbiter.store import Repository
    from arbiter.store.errors import VerdictRefused
    from arbiter.store.gold import GoldError, GoldStore
    from arbiter.store.models import CaseModel

    repo, gold_store, desk = Repository(db), GoldStore(db), _Desk()
    answers_of = _answers_by_case()
    with db.session(readonly=True) as session:
        fresh = list(session.execute(select(CaseModel.id, CaseModel.case_id).where(CaseModel.status == "new")
                                     .order_by(CaseModel.case_id)))
    usable = [(pk, cid) for pk, cid in fresh if cid in answers_of and answers_of[cid].get("finding") == "supported"]
    serious = [c for c in usable if answers_of[c[1]].get("problem") == "serious_quality"][:N_GOLD // 2]
    others = [c for c in usable if c not in serious]
    chosen = sorted(serious + others[:: max(1, len(others) // (N_GOLD - len(serious)))][:N_GOLD - len(serious)],
                    key=lambda c: c[1])
    folder = out / "gold-answers"
    folder.mkdir(parents=True, exist_ok=True)
    counts = {"gold": 0, "gold_answers": 0, "appeals": 0}
    progress("marking gold cases")
    for index, (pk, case_id) in enumerate(chosen):
        stored = repo.load_case(pk)
        case = stored.case
        gold = dict(answers_of[case_id], reviewer=supervisor_id)
        try:
            gold_store.add(case_id, gold, supervisor_id, note="demo")
        except GoldError:
            continue
        counts["gold"] += 1
        progress_data = {"opened_evidence": sorted(e.id for e in case.evidence),
                         "chats_read": sorted(required_chats(case))}
        paths = []
        for n, who in enumerate(desk.people):
            base = dict(answers_of[case_id], decided_at=_later(answers_of[case_id], 2 + n))
            for attempt in (_variation(who.id, base, case, index), base):
                try:
                    data, _record = desk.package(who, case, stored.case_sha256, attempt, progress_data)
                except (AnswerError, VerdictRefused):
                    continue
                path = folder / package_name(case_id, 1, who.id)
                path.write_bytes(package_bytes(data))
                paths.append(str(path))
                break
        outcomes = import_packages(db, paths, actor=supervisor_id)
        counts["gold_answers"] += sum(1 for o in outcomes if o.status in ("accepted", "conflict"))
    progress("adding appeals")
    counts["appeals"] = _add_appeals(db, out)
    return counts


def _add_appeals(db, out: Path) -> int:
    from sqlalchemy import select

    from arbiter.bundle import read_bundle
    from arbiter.store import import_bundle
    from arbiter.store.models import CaseModel, VerdictModel

    with db.session(readonly=True) as session:
        signed = list(session.execute(
            select(CaseModel.case_id, VerdictModel.fingerprint, VerdictModel.record)
            .join(VerdictModel, VerdictModel.case_pk == CaseModel.id)
            .where(CaseModel.status == "signed", VerdictModel.kind == "original",
                   CaseModel.platform == "tiktok_shop")
            .order_by(CaseModel.case_id)))
    picked = [row for row in signed if json.loads(row[2]).get("outcome") in ("seller_favoured", "partial")][:N_APPEALS]
    folder = out / "appeals"
    folder.mkdir(parents=True, exist_ok=True)
    added = 0
    for case_id, fingerprint, record_text in picked:
        source = out / "cases" / f"{case_id}.arbcase"
        if not source.exists():
            continue
        record = json.loads(record_text)
        with zipfile.ZipFile(source) as zf:
            members = {n: zf.read(n) for n in zf.namelist() if not n.endswith("/")}
        data = json.loads(members["case.json"].decode("utf-8-sig"))
        decided = datetime.fromisoformat(record["decided_at"])
        data["case_id"] = f"{case_id}-AP"
        after_sale = data["after_sale"]
        after_sale.pop("previous_decision_at", None)
        after_sale.update(previous_appeals=0, previous_appeal_times=[], appeal={
            "filed_at": (decided + timedelta(days=1)).isoformat(), "filed_by": "buyer",
            "decision_appealed": {"decided_at": record["decided_at"], "fingerprint": fingerprint,
                                  "case_revision": 1},
            "grounds": "The decision did not consider the photo of the item as delivered."})
        raw = json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8")
        target = folder / f"{data['case_id']}.arbcase"
        with zipfile.ZipFile(target, "w") as zf:
            for name, blob in [("case.json", raw)] + sorted((n, b) for n, b in members.items() if n != "case.json"):
                info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, blob)
        try:
            import_bundle(db, read_bundle(target), actor="demo")
        except Exception:  # noqa: BLE001 - a demo extra: a sample the appeal rules refuse is left out
            continue
        added += 1
    return added


__all__ = ["add_calibration_demo"]
