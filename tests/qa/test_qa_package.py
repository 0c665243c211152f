"""Signed QA packages for offline reviewers, end to end with two workstations (issue 12 part 3): two data folders,
two identities made by ``arbiter identity init``, two SQLite databases; every package and key moves through the
real ``arbiter`` command as a separate process. The signing in between (the reviewer signing in the checklist, the
supervisor acting on the desk) runs through the same store calls the GUI makes, with the identities loaded from
those data folders."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from arbiter.bundle import read_bundle
from arbiter.signing import load_identity
from arbiter.store import QueueQuery, Repository, open_database
from arbiter.store.qa import QAStore
from tests.qa.helpers import ROOT, answers_for, record_for
from tests.store.helpers import stored_inputs

SAMPLES = ("tts-uk-mug-crack", "tts-us-parcel-lost", "dy-cn-tshirt-minor")
RETURN_NOTE = "Name the photo that shows the crack in the rationale."


def arbiter(data: Path, *args: str, ok: bool = True) -> subprocess.CompletedProcess:
    env = dict(os.environ, ARBITER_DATA_DIR=str(data), QT_QPA_PLATFORM="offscreen")
    env.pop("ARBITER_DB", None)
    done = subprocess.run([sys.executable, "-m", "arbiter", *args], capture_output=True, text=True, env=env,
                          timeout=180)
    if ok:
        assert done.returncode == 0, (args, done.stdout, done.stderr)
    return done


def _pk(repo: Repository, case_id: str) -> int:
    return repo.list_cases(QueueQuery(text=case_id), 0, 1)[0].pk


@pytest.fixture
def two_workstations(tmp_path):
    """ana (reviewer) and sam (supervisor), each with a data folder and a database holding the same cases; ana's
    signed verdicts reached sam as verdict packages; sam returned one, approved one, overturned one."""
    ana, sam = tmp_path / "ana", tmp_path / "sam"
    ana_db, sam_db = f"sqlite:///{ana / 'arbiter.db'}", f"sqlite:///{sam / 'arbiter.db'}"
    arbiter(ana, "identity", "init", "--id", "ana.silva", "--name", "Ana Silva")
    arbiter(sam, "identity", "init", "--id", "sam.sup", "--name", "Sam Sup", "--role", "supervisor")
    bundles = [str(ROOT / "resources" / "samples" / f"{name}.arbcase") for name in SAMPLES]
    for data, url in ((ana, ana_db), (sam, sam_db)):
        arbiter(data, "--db", url, "import", *bundles)
    arbiter(ana, "identity", "export", str(tmp_path / "ana.arbkey"))
    arbiter(sam, "identity", "export", str(tmp_path / "sam.arbkey"))

    # the reviewer signs in the checklist (the store's one signing call), then sends verdict packages
    reviewer = load_identity(folder=ana / "identity")
    db = open_database(ana_db)
    repo = Repository(db)
    case_ids = {}
    for name in SAMPLES:
        case = read_bundle(ROOT / "resources" / "samples" / f"{name}.arbcase").case
        answers = dict(answers_for(name), reviewer=reviewer.id)
        pk = _pk(repo, case.case_id)
        record, progress = stored_inputs(repo, pk, answers)
        repo.sign_verdict(pk, reviewer, record, answers=answers, progress=progress)
        case_ids[name] = case.case_id
    db.close()
    arbiter(ana, "--db", ana_db, "verdicts", "export", "--out", str(tmp_path / "to-sam"))
    arbiter(sam, "--db", sam_db, "reviewers", "add", str(tmp_path / "ana.arbkey"))
    arbiter(sam, "--db", sam_db, "verdicts", "import", *map(str, sorted((tmp_path / "to-sam").iterdir())))

    # the supervisor acts on the desk (QAStore, as the re-review page does), signed with sam's identity
    supervisor = load_identity(folder=sam / "identity")
    db = open_database(sam_db)
    repo, qa = Repository(db), QAStore(db)
    verdict = {name: repo.current_verdict(_pk(repo, cid)) for name, cid in case_ids.items()}
    qa.review(verdict[SAMPLES[0]].id, supervisor.id, "return", note=RETURN_NOTE, signer=supervisor)
    qa.review(verdict[SAMPLES[1]].id, supervisor.id, "approve", signer=supervisor)
    name = SAMPLES[2]
    case = repo.load_case(_pk(repo, case_ids[name])).case
    answers = dict(answers_for(name), reviewer=supervisor.id,
                   rationale="Overturned on review: " + answers_for(name)["rationale"])
    record, progress = stored_inputs(repo, _pk(repo, case_ids[name]), answers)
    assert record == record_for(case, answers) or record  # derived by the rules from the supervisor's answers
    amendment = qa.overturn_amendment(repo, _pk(repo, case_ids[name]), supervisor.id, "rationale cites nothing",
                                      record, answers, progress, supervisor)
    qa.review(verdict[name].id, supervisor.id, "overturn", note="rationale cites nothing",
              amendment_id=amendment.id, signer=supervisor)
    db.close()
    return {"ana": ana, "sam": sam, "ana_db": ana_db, "sam_db": sam_db, "cases": case_ids, "tmp": tmp_path}


def test_returned_approved_and_overturned_reach_the_offline_reviewer(two_workstations):
    w = two_workstations
    pkg = w["tmp"] / "for-ana.arbqa"
    done = arbiter(w["sam"], "--db", w["sam_db"], "qa", "export-package", "--out", str(pkg), "--reviewer",
                   "ana.silva")
    lines = done.stdout.splitlines()
    assert sorted(lines[:-1]) == sorted(f"exported: {w['cases'][n]} v1 ana.silva {a}" for n, a in
                                        zip(SAMPLES, ("return", "approve", "overturn")))
    assert lines[-1] == f"wrote: {pkg} (3 supervisor actions)"

    # the reviewer registers the supervisor's key card (the trust anchor), then imports
    arbiter(w["ana"], "--db", w["ana_db"], "reviewers", "add", str(w["tmp"] / "sam.arbkey"))
    done = arbiter(w["ana"], "--db", w["ana_db"], "qa", "import-package", str(pkg))
    assert sorted(done.stdout.splitlines()) == sorted([
        f"accepted: {w['cases'][SAMPLES[0]]} v1 return by sam.sup",
        f"accepted: {w['cases'][SAMPLES[1]]} v1 approve by sam.sup",
        f"accepted: {w['cases'][SAMPLES[2]]} v1 overturn by sam.sup (amendment v2)"])

    db = open_database(w["ana_db"])
    try:
        repo, qa = Repository(db), QAStore(db)
        # landed in supervisor_reviews exactly as on a shared database: the queue's "returned", the notice hold
        returned = qa.returned_to("ana.silva")
        assert [(c, note) for c, _v, note in returned] == [(w["cases"][SAMPLES[0]], RETURN_NOTE)]
        from arbiter.store.returns import returned_marks   # what the reviewer's queue marks "returned"
        marks = returned_marks(db, [_pk(repo, c) for c in w["cases"].values()])
        assert [(m.supervisor, m.note) for m in marks.values()] == [("sam.sup", RETURN_NOTE)]
        hold = repo.notice_hold(_pk(repo, w["cases"][SAMPLES[0]]))
        assert hold and RETURN_NOTE in hold and "sam.sup" in hold
        overturned = repo.current_verdict(_pk(repo, w["cases"][SAMPLES[2]]))
        assert (overturned.reviewer, overturned.kind, overturned.number) == ("sam.sup", "amendment", 2)
        assert repo.notice_hold(_pk(repo, w["cases"][SAMPLES[2]])) is None  # the overturn is the approval
        assert [r.action for r in qa.reviews()] == ["return", "approve", "overturn"]
        before = (len(qa.reviews()), len(repo.audit_trail()))
    finally:
        db.close()
    verify = arbiter(w["ana"], "--db", w["ana_db"], "verify")
    assert verify.stdout.splitlines()[-1].startswith("verified: 3 cases, 4 verdicts")
    assert arbiter(w["sam"], "--db", w["sam_db"], "verify").returncode == 0

    # re-import is a no-op
    done = arbiter(w["ana"], "--db", w["ana_db"], "qa", "import-package", str(pkg))
    assert all(line.startswith("unchanged: ") for line in done.stdout.splitlines()) and len(
        done.stdout.splitlines()) == 3
    db = open_database(w["ana_db"])
    try:
        assert (len(QAStore(db).reviews()), len(Repository(db).audit_trail())) == before
    finally:
        db.close()


def _rewrite(src: Path, dst: Path, change) -> Path:
    with zipfile.ZipFile(src) as zin:
        data = json.loads(zin.read("qa.json"))
    change(data)
    from arbiter.qa_package import package_bytes

    dst.write_bytes(package_bytes(data))   # byte-for-byte canonical: only the signatures can tell
    return dst


def test_tampered_unknown_and_wrong_role_packages_are_refused_with_nothing_stored(two_workstations):
    w = two_workstations
    pkg = w["tmp"] / "all.arbqa"
    arbiter(w["sam"], "--db", w["sam_db"], "qa", "export-package", "--out", str(pkg))
    ana, url = w["ana"], w["ana_db"]

    # the supervisor's key is not registered on the reviewer's workstation yet
    done = arbiter(ana, "--db", url, "qa", "import-package", str(pkg), ok=False)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.strip() == (f"refused: {pkg}: unknown supervisor key "
                                   f"{load_identity(folder=w['sam'] / 'identity').fingerprint[:16]} (register "
                                   "sam.sup's key card with 'arbiter reviewers add')")
    arbiter(ana, "--db", url, "reviewers", "add", str(w["tmp"] / "sam.arbkey"))

    def note_changed(data):
        data["actions"][0]["record"]["note"] = "All good."
        from arbiter.qa_package import manifest_of
        data["manifest"] = manifest_of(data["actions"])

    cases = [
        ("one byte", lambda p: p.write_bytes(pkg.read_bytes().replace(b'"approve"', b'"approvf"', 1)), None),
        ("note", lambda p: _rewrite(pkg, p, note_changed), "bad signature"),
        ("dropped action", lambda p: _rewrite(pkg, p, lambda d: (d["actions"].pop(), d["manifest"].pop())),
         "bad signature (the package is not what the supervisor signed)"),
    ]
    for what, make, expected in cases:
        target = w["tmp"] / f"bad-{what.replace(' ', '-')}.arbqa"
        make(target)
        done = arbiter(ana, "--db", url, "qa", "import-package", str(target), ok=False)
        assert done.returncode == 1 and done.stdout == "", what
        err = done.stderr.strip()
        assert err.startswith(f"refused: {target}: ") and "\n" not in err and "Traceback" not in err, (what, err)
        if expected:
            assert expected in err, (what, err)

    # a package signed by someone registered as a reviewer (ana's own key, a forged approval) is refused
    reviewer = load_identity(folder=ana / "identity")

    def forged(data):
        data["supervisor"] = {"id": reviewer.id, "name": reviewer.name, "role": "supervisor",
                              "key": reviewer.fingerprint}
        from arbiter.qa_package import unsigned_bytes
        data["signature"] = reviewer.sign(unsigned_bytes(data))

    target = _rewrite(pkg, w["tmp"] / "forged.arbqa", forged)
    done = arbiter(ana, "--db", url, "qa", "import-package", str(target), ok=False)
    assert "ana.silva is registered here as a reviewer, not a supervisor" in done.stderr

    # a verdict package is not a QA package, and the other way round
    vpkg = next((w["tmp"] / "to-sam").iterdir())
    done = arbiter(ana, "--db", url, "qa", "import-package", str(vpkg), ok=False)
    assert "this is a verdict package" in done.stderr
    done = arbiter(w["sam"], "--db", w["sam_db"], "verdicts", "import", str(pkg), ok=False)
    assert "this is a QA package" in done.stderr

    db = open_database(url)
    try:
        assert QAStore(db).reviews() == []            # nothing half-imported
        assert len(Repository(db).verdict_history(_pk(Repository(db), w["cases"][SAMPLES[2]]))) == 1
    finally:
        db.close()
    assert arbiter(ana, "--db", url, "verify").returncode == 0

    # export refuses without a supervisor identity, or with nothing to send; no file is left behind
    out = w["tmp"] / "none.arbqa"
    done = arbiter(ana, "--db", url, "qa", "export-package", "--out", str(out), ok=False)
    assert done.returncode == 1 and "ana.silva is not a supervisor" in done.stderr and not out.exists()
    done = arbiter(w["sam"], "--db", w["sam_db"], "qa", "export-package", "--out", str(out), "--reviewer", "nobody",
                   ok=False)
    assert done.returncode == 1 and "nothing to send" in done.stderr and not out.exists()
    assert len(done.stderr.strip().splitlines()) == 1

