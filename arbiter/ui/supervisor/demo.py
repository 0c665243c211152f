"""``arbiter --demo --supervisor``: a supervisor's database filled the way a real one is, from files.

With ``arbiter demo build`` available (trust, issue 11): the demonstration set is written to the demo folder,
its cases imported, its reviewers' key cards registered and their signed verdict packages imported, exactly as
``import`` / ``reviewers add`` / ``verdicts import`` would. Without it: the bundled samples, decided with their
sample answers by four demo reviewers through the store's signing. Either way the supervisor is a demo identity
(a fixed key, never for real work) registered in the database. Qt-free: it runs on the writer thread.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

SUPERVISOR_ID = "sam.supervisor"
SUPERVISOR_NAME = "Sam Supervisor"
FALLBACK_REVIEWERS = (("ana.silva", "Ana Silva"), ("ben.okafor", "Ben Okafor"), ("chen.wei", "Chen Wei"),
                      ("dara.nguyen", "Dara Nguyen"))


def supervisor_identity():
    from arbiter.signing import demo_identity

    return demo_identity(SUPERVISOR_ID, SUPERVISOR_NAME, "supervisor")


def fill_supervisor_demo(db, folder: Path, progress: Callable[[str], None] = lambda _t: None) -> dict[str, int]:
    """Fill ``db`` (a fresh database) with the demonstration set; returns counts for the status bar."""
    from arbiter.store import Repository

    repo = Repository(db)
    supervisor = supervisor_identity()
    repo.register_key_card(supervisor.card, supervisor.id)
    try:
        from arbiter.demo import build_demo
        from arbiter.packages import import_packages
    except ImportError:
        return _from_samples(db, repo, progress)
    out = folder / "demo-set"
    progress("writing the demonstration set")
    build_demo(out)
    from arbiter.bundle import read_bundle
    from arbiter.signing import KeyCard
    from arbiter.store import import_bundle

    cases = sorted((out / "cases").glob("*.arbcase"))
    for i, path in enumerate(cases, 1):
        import_bundle(db, read_bundle(path), actor=supervisor.id)
        if i % 25 == 0:
            progress(f"imported {i} of {len(cases)} cases")
    for card_path in sorted((out / "keys").glob("*.arbkey")):
        repo.register_key_card(KeyCard.from_bytes(card_path.read_bytes()), supervisor.id)
    progress("importing the signed verdicts")
    outcomes = import_packages(db, [str(p) for p in sorted((out / "verdicts").glob("*.arbverdict"))],
                               actor=supervisor.id)
    from arbiter.demo_calibration import add_calibration_demo  # gold cases and appeals (issue 12, parts 6-7)

    extra = add_calibration_demo(db, out, supervisor.id, progress)
    return {"cases": len(cases) + extra["appeals"], "verdicts": sum(1 for o in outcomes if o.status != "refused")
            + extra["gold_answers"], **extra}


def _from_samples(db, repo, progress) -> dict[str, int]:
    from arbiter.bundle import read_bundle
    from arbiter.domain.checklist import decide
    from arbiter.domain.signoff import required_chats
    from arbiter.policies import load_policy
    from arbiter.resources import resource_path
    from arbiter.signing import demo_identity
    from arbiter.store import QueueQuery, import_bundle

    people = [demo_identity(i, n) for i, n in FALLBACK_REVIEWERS]
    for who in people:
        repo.register_key_card(who.card, SUPERVISOR_ID)
    signed = 0
    bundles = sorted(Path(resource_path("samples")).glob("*.arbcase"))
    for k, path in enumerate(bundles):
        loaded = read_bundle(path)
        import_bundle(db, loaded, actor=SUPERVISOR_ID)
        answers_file = Path(resource_path("sample-answers")) / f"{path.stem}.answers.json"
        if not answers_file.exists():
            continue
        who = people[k % len(people)]
        case = loaded.case
        answers = dict(json.loads(answers_file.read_text("utf-8"), parse_float=Decimal), reviewer=who.id)
        pk = repo.list_cases(QueueQuery(text=case.case_id))[0].pk
        record = decide(case, load_policy(case.platform.value, case.region), answers)
        progress_data = {"opened_evidence": sorted(e.id for e in case.evidence),
                         "chats_read": sorted(required_chats(case))}
        repo.sign_verdict(pk, who, record, answers=answers, progress=progress_data)
        signed += 1
    progress("samples signed")
    return {"cases": len(bundles), "verdicts": signed}
