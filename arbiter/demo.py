"""``arbiter demo build DIR``: a deterministic demonstration set for the supervisor's desk (cli.md revision 2).

- ``DIR/cases/*.arbcase``: 20 variants of each bundled sample case (both platforms, CN, UK, US, MY, TH): a new
  case id and order id, every time in the case shifted by whole days, the photos and screenshots shot again
  (``arbiter.restage``: another framing and light in each variant, at most 400 pixels), so the same picture is
  not in 20 cases: ``arbiter evidence matches`` over the set lists only the samples' deliberate reuse
  (``REUSED``), once per variant;
- ``DIR/keys/*.arbkey``: the key cards of four demo reviewers (keys derived from fixed seeds:
  ``arbiter.signing.demo_identity``; never use them for real work);
- ``DIR/verdicts/*.arbverdict``: their signed verdicts on most cases, made with the real rules
  (``checklist.decide`` on the sample's answers), checked with the store's own gates
  (``arbiter.store.trust.check_against_rules`` / ``check_progress``) and signed with the real signing code.
  Roughly 12 % of cases stay unreviewed; of the signed ones about 8 % carry an override, 7 % an amendment
  (``CASE.v2.arbverdict``), 5 % a second reviewer's disagreeing verdict (``CASE.v1.REVIEWER.arbverdict``).

Fixed seeds, fixed timestamps, Ed25519's deterministic signatures and fixed ZIP dates: the same command gives
the same bytes. The packages carry no audit chain head: they come from no workstation database.
"""
from __future__ import annotations

import copy
import hashlib
import json
import random
import re
import zipfile
from datetime import datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from arbiter.resources import resource_path

N_VARIANTS = 20
#: evidence files the samples reuse on purpose (scripts/samples_forensics.py): (sample, file) -> the original.
#: In each variant the copy is made again from that variant's original (resized to 62 %, cropped 4/3/5/2 %,
#: brightened 20 %, JPEG quality 68, its own metadata kept), so it stays a reuse within its variant only.
REUSED = {("tts-uk-lamp-box-reused", "evidence/E1_parcel.jpg"):
          ("tts-uk-lamp-box-dented", "evidence/E1_parcel_dented.jpg")}
SEED = 20261125
ZIP_DATE = (2025, 1, 1, 0, 0, 0)
REVIEWERS = (("ana.silva", "Ana Silva"), ("ben.okafor", "Ben Okafor"), ("chen.wei", "Chen Wei"),
             ("dara.nguyen", "Dara Nguyen"))
_TIME = re.compile(r'"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[+-]\d{2}:\d{2}|Z))"')
AMEND_REASONS = ("The seller's packing photo was misread; the amount is corrected.",
                 "A second look at the chat logs: the rationale now cites the seller's reply.",
                 "Supervisor note: the refund was above the lines claimed.")


def _shift(text: str, days: int) -> str:
    if not days:
        return text

    def move(m: re.Match) -> str:
        raw = m.group(1)
        moment = datetime.fromisoformat(raw.replace("Z", "+00:00"))
        shifted = (moment + timedelta(days=days)).isoformat()
        if raw.endswith("Z"):
            shifted = shifted.replace("+00:00", "Z")
        return f'"{shifted}"'

    return _TIME.sub(move, text)


def _zip(path: Path, members: list[tuple[str, bytes, bool]]) -> None:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data, deflate in members:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED if deflate else zipfile.ZIP_STORED
            info.external_attr = 0o644 << 16
            zf.writestr(info, data)


def _samples() -> list[tuple[str, dict, dict[str, bytes], dict]]:
    out = []
    answers_dir = resource_path("sample-answers")
    for path in sorted(resource_path("samples").glob("*.arbcase")):
        name = path.name.removesuffix(".arbcase")
        answers_path = answers_dir / f"{name}.answers.json"
        if not answers_path.exists():
            continue
        with zipfile.ZipFile(path) as zf:
            case_text = zf.read("case.json").decode("utf-8-sig")
            files = {n: zf.read(n) for n in zf.namelist() if n != "case.json" and not n.endswith("/")}
        out.append((name, {"text": case_text}, files, json.loads(answers_path.read_text("utf-8"))))
    return out


def _reused_copy(original: bytes, copy_of: bytes) -> bytes:
    """``original`` edited as the sample's reused copy was, with ``copy_of``'s metadata (EXIF) kept."""
    import io

    from PIL import Image, ImageEnhance

    with Image.open(io.BytesIO(copy_of)) as old:
        exif = old.info.get("exif")
    with Image.open(io.BytesIO(original)) as img:
        w, h = img.size
        small = img.convert("RGB").resize((round(w * 0.62), round(h * 0.62)), Image.Resampling.LANCZOS)
    sw, sh = small.size
    cut = small.crop((round(sw * 0.04), round(sh * 0.03), round(sw * 0.95), round(sh * 0.98)))
    buf = io.BytesIO()
    ImageEnhance.Brightness(cut).enhance(1.2).save(buf, "JPEG", quality=68, **({"exif": exif} if exif else {}))
    return buf.getvalue()


def _variant_files(samples, k: int) -> dict[str, dict[str, bytes]]:
    """sample name -> its evidence files in variant ``k``: every photo and screenshot shot again."""
    from arbiter.restage import restage_evidence, seed_of

    out: dict[str, dict[str, bytes]] = {}
    for name, _, files, _ in samples:
        out[name] = {}
        for member, data in files.items():
            if (name, member) in REUSED:
                continue
            shot = restage_evidence(data, seed_of("demo", k, name, member), turn=k, base=seed_of(name, member))
            out[name][member] = shot if shot is not None else data
    for (name, member), (source, source_member) in REUSED.items():
        if name in out and source in out and source_member in out[source]:
            out[name][member] = _reused_copy(out[source][source_member],
                                             next(f for n, _, f, _ in samples if n == name)[member])
    return out


def _variant(case_text: str, answers: dict, k: int, files: dict[str, bytes] | None = None
             ) -> tuple[bytes, dict, str]:
    data = json.loads(case_text)
    case_id = f"{data['case_id']}-D{k:02d}"
    days = 3 * k
    data["case_id"] = case_id
    data["order"]["order_id"] = f"{data['order']['order_id']}{k:02d}"
    for item in data.get("evidence", ()):
        if files is not None and item.get("file") in files:
            item["sha256"] = hashlib.sha256(files[item["file"]]).hexdigest()
    text = _shift(json.dumps(data, ensure_ascii=False, indent=2), days)
    answers_text = _shift(json.dumps(answers, ensure_ascii=False), days)
    return text.encode("utf-8"), json.loads(answers_text), case_id


class _Desk:
    """Decides and signs like a reviewer's workstation, with the store's checks, without a database."""

    def __init__(self) -> None:
        from arbiter.signing import demo_identity

        self.people = [demo_identity(pid, name) for pid, name in REVIEWERS]

    def decide(self, case, answers: dict, progress: dict) -> dict:
        from arbiter.domain import checklist
        from arbiter.store import trust

        policy = trust.policy_for(case.platform.value, case.region)
        record = checklist.decide(case, policy, answers)
        trust.check_against_rules(case, policy, answers, record, frozenset())
        trust.check_progress(case, policy, answers, progress, frozenset())
        return record

    def package(self, who, case, case_sha: str, answers: dict, progress: dict, *, number: int = 1,
                supersedes: str | None = None, reason: str | None = None) -> tuple[dict, dict]:
        from arbiter.packages import build_package

        answers = dict(answers, reviewer=who.id)
        record = self.decide(case, answers, progress)
        signed_at = datetime.fromisoformat(answers["decided_at"])
        data = build_package(case_id=case.case_id, number=number, kind="amendment" if supersedes else "original",
                             reason=reason, case_revision=1, case_sha256=case_sha, supersedes=supersedes,
                             record=record, answers=answers, progress=progress, signed_at=signed_at, reviewer=who,
                             chain_head=None, export_head=None)
        return data, record


def _later(answers: dict, hours: int) -> str:
    return (datetime.fromisoformat(answers["decided_at"]) + timedelta(hours=hours)).isoformat()


#: each demo reviewer's typical minutes per case: the scorecards' median time has something to show
PACE_MINUTES = {"ana.silva": 9, "ben.okafor": 14, "chen.wei": 7, "dara.nguyen": 11}


def _pace(reviewer: str, case_id: str) -> int:
    """Seconds the demo reviewer spent on the case (the workstation records ``review_seconds`` in the review
    progress as it is worked; docs/decisions.md): the reviewer's pace times 0.5-2, from a hash, so the random
    sequence of the set is untouched and two builds stay identical."""
    digest = hashlib.sha256(f"pace/{reviewer}/{case_id}".encode()).digest()
    factor = 0.5 + 1.5 * int.from_bytes(digest[:4], "big") / 2**32
    return int(PACE_MINUTES.get(reviewer, 10) * 60 * factor)


def build_demo(out: Path) -> str:
    from arbiter.bundle.reader import load_case_json
    from arbiter.domain.checklist import AnswerError
    from arbiter.domain.signoff import required_chats
    from arbiter.packages import package_bytes, package_name
    from arbiter.store.errors import VerdictRefused

    rng = random.Random(SEED)
    desk = _Desk()
    for sub in ("cases", "keys", "verdicts"):
        (out / sub).mkdir(parents=True, exist_ok=True)
    for who in desk.people:
        (out / "keys" / f"{who.id}.arbkey").write_bytes(who.card.to_bytes() + b"\n")
    samples = _samples()
    counts = {"cases": 0, "verdicts": 0, "overrides": 0, "amendments": 0, "conflicts": 0, "unreviewed": 0}
    for k in range(N_VARIANTS):
        variant_files = _variant_files(samples, k)
        for s_index, (name, case_src, _files, base_answers) in enumerate(samples):
            files = variant_files[name]
            raw, answers, case_id = _variant(case_src["text"], copy.deepcopy(base_answers), k, files)
            case = load_case_json(raw)
            case_sha = hashlib.sha256(raw).hexdigest()
            _zip(out / "cases" / f"{case_id}.arbcase",
                 [("case.json", raw, True)] + [(n, files[n], False) for n in sorted(files)])
            counts["cases"] += 1
            roll = rng.random()
            if roll < 0.12:
                counts["unreviewed"] += 1
                continue
            who = desk.people[(k + s_index) % len(desk.people)]
            progress = {"opened_evidence": sorted(e.id for e in case.evidence),
                        "chats_read": sorted(required_chats(case)), "review_seconds": _pace(who.id, case_id)}
            try:
                record = desk.decide(case, dict(answers, reviewer=who.id), progress)
                buyer_side = record["outcome"] in ("buyer_favoured", "partial") and answers.get("finding") == "supported"
                if buyer_side and rng.random() < 0.09:
                    # overriding to seller-favoured awards nothing: the remedy is none (else decide refuses)
                    answers = {key: v for key, v in answers.items() if key not in ("amount", "damage_extent")}
                    answers = dict(answers, remedy="none", override={
                        "outcome": "seller_favoured",
                        "justification": f"{sorted(case.evidence_ids)[0]} does not show this order's item; the "
                                         "claim is not established on the evidence as a whole."})
                    counts["overrides"] += 1
                data, record = desk.package(who, case, case_sha, answers, progress)
            except (AnswerError, VerdictRefused):
                counts["unreviewed"] += 1
                continue
            (out / "verdicts" / package_name(case_id, 1)).write_bytes(package_bytes(data))
            counts["verdicts"] += 1
            if rng.random() < 0.08:
                amended = dict(answers, decided_at=_later(answers, 26),
                               rationale=answers["rationale"] + " (Amended after a second reading.)")
                try:
                    v2, _ = desk.package(who, case, case_sha, amended, progress, number=2,
                                         supersedes=data["fingerprint"], reason=AMEND_REASONS[k % 3])
                except (AnswerError, VerdictRefused):
                    v2 = None
                if v2 is not None:
                    (out / "verdicts" / package_name(case_id, 2)).write_bytes(package_bytes(v2))
                    counts["verdicts"] += 1
                    counts["amendments"] += 1
            elif buyer_side and not answers.get("override") and rng.random() < 0.06:
                other = desk.people[(k + s_index + 1) % len(desk.people)]
                first = sorted(case.evidence_ids)[0]
                against = {key: v for key, v in answers.items() if key not in ("problem", "remedy", "amount")}
                against.update(finding="contradicted", decided_at=_later(answers, 3), override=None,
                               rationale=f"{first} does not establish the problem claimed; the seller's account in "
                                         "the chat is consistent with the order.")
                against.pop("damage_extent", None)
                try:
                    v1b, _ = desk.package(other, case, case_sha, against, progress)
                except (AnswerError, VerdictRefused):
                    v1b = None
                if v1b is not None:
                    (out / "verdicts" / package_name(case_id, 1, other.id)).write_bytes(package_bytes(v1b))
                    counts["verdicts"] += 1
                    counts["conflicts"] += 1
    return (f"demo: {counts['cases']} cases, {len(desk.people)} key cards, {counts['verdicts']} verdict packages "
            f"({counts['overrides']} overrides, {counts['amendments']} amendments, {counts['conflicts']} "
            f"disagreements, {counts['unreviewed']} cases unreviewed) in {out}")


_ = (Decimal, Any)
