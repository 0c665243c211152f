"""The import dialog: progress, one result per bundle, refused bundles with their reason, never a crash."""
from __future__ import annotations

import json
import zipfile

from PySide6.QtCore import Qt

from arbiter.ui.import_dialog import REFUSED, ImportDialog, collect_bundles, import_paths
from tests.factories import case_dict, write_bundle
from tests.ui.conftest import bundle_data


def result_rows(dialog: ImportDialog) -> dict[str, tuple[str, str]]:
    model = dialog.results
    return {model.index(r, 0).data(): (model.index(r, 1).data(), model.index(r, 3).data())
            for r in range(model.rowCount())}


def test_lists_imported_and_refused_bundles_with_reason(qtbot, db, repo, bundles_dir):
    write_bundle(bundles_dir / "good-1.arbcase", bundle_data(1))
    write_bundle(bundles_dir / "good-2.arbcase", bundle_data(2))
    bad = case_dict()
    bad["evidence"][0]["sha256"] = "0" * 64
    write_bundle(bundles_dir / "tampered.arbcase", bad)
    (bundles_dir / "truncated.arbcase").write_bytes(b"PK\x03\x04 this is not a zip")

    dialog = ImportDialog(db, [bundles_dir])
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.imported, timeout=10_000) as done:
        dialog.start()
        dialog.show()
    rows = result_rows(dialog)
    assert rows["good-1.arbcase"][0] == "Imported"
    assert rows["good-2.arbcase"][0] == "Imported"
    assert rows["tampered.arbcase"][0] == "Refused"
    assert "sha256" in rows["tampered.arbcase"][1] or "hash" in rows["tampered.arbcase"][1].lower()
    assert rows["truncated.arbcase"][0] == "Refused"
    assert rows["truncated.arbcase"][1]
    assert len(done.args[0]) == 4
    assert "Imported: 2" in dialog.summary.text() and "Refused: 2" in dialog.summary.text()
    assert dialog.close_button.isEnabled() and not dialog.cancel_button.isEnabled()
    assert repo.count_cases(__import__("arbiter.store", fromlist=["QueueQuery"]).QueueQuery()) == 2
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_reimport_is_unchanged_and_changed_content_is_a_new_revision(qtbot, db, bundles_dir):
    path = write_bundle(bundles_dir / "a.arbcase", bundle_data(3))
    first = import_paths(None, db, [path])
    assert [o.status for o in first] == ["imported"]
    changed = bundle_data(3)
    changed["claim"]["reason_text"] = "Edited by the platform"
    other = write_bundle(bundles_dir / "a-v2.arbcase", changed)
    dialog = ImportDialog(db, [path, other])
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.start()
    rows = result_rows(dialog)
    assert rows["a.arbcase"][0] == "Unchanged"
    assert rows["a-v2.arbcase"][0] == "New revision"
    assert "revision 2" in rows["a-v2.arbcase"][1]


def test_unknown_format_is_refused_with_the_supported_versions(qtbot, db, bundles_dir):
    data = case_dict()
    data["format"] = "arbiter.case/9"
    write_bundle(bundles_dir / "future.arbcase", data)
    outcomes = import_paths(None, db, [bundles_dir / "future.arbcase"])
    assert outcomes[0].status == REFUSED
    assert "arbiter.case/1" in outcomes[0].reason


def test_folder_bundles_and_ignored_members(tmp_path, db):
    folder_bundle = write_bundle(tmp_path / "in" / "folder-case", bundle_data(4), as_zip=False)
    zipped = write_bundle(tmp_path / "in" / "z.arbcase", bundle_data(5))
    with zipfile.ZipFile(zipped, "a") as zf:
        zf.writestr("notes/readme.txt", "hello")
    (tmp_path / "in" / "notes.txt").write_text("not a bundle")
    assert collect_bundles([tmp_path / "in"]) == [folder_bundle, zipped]
    outcomes = import_paths(None, db, [tmp_path / "in"])
    assert [o.status for o in outcomes] == ["imported", "imported"]
    assert outcomes[1].ignored == ("notes/readme.txt",)


def test_cancel_skips_the_remaining_bundles(qtbot, db, bundles_dir):
    paths = [write_bundle(bundles_dir / f"c{n}.arbcase", bundle_data(n)) for n in range(6)]
    dialog = ImportDialog(db, paths)
    qtbot.addWidget(dialog)
    task = dialog.start()
    task.cancel()   # before the writer thread reaches the first bundle, or soon after
    qtbot.waitUntil(lambda: task.done, timeout=10_000)
    statuses = [o.status for o in dialog.results.outcomes]
    assert len(statuses) == 6
    assert "skipped" in statuses or statuses.count("imported") == 6
    assert json.dumps(statuses)


def test_cancel_midway_keeps_what_was_stored_and_the_work_runs_off_the_gui_thread(qtbot, db, bundles_dir,
                                                                                  monkeypatch):
    """Cancel after the first bundles are in: those stay imported (and are listed so), the rest are skipped;
    the import service's work never runs on the GUI thread."""
    import threading

    from arbiter import importing
    from arbiter.store import QueueQuery, Repository

    monkeypatch.setattr(importing, "BATCH_BUNDLES", 2)   # commit every two bundles, as a big import would
    gui_thread = threading.get_ident()
    seen_threads = set()
    real = importing.read_and_prepare

    def spy(source, *args, **kwargs):
        seen_threads.add(threading.get_ident())
        return real(source, *args, **kwargs)

    monkeypatch.setattr(importing, "read_and_prepare", spy)
    paths = [write_bundle(bundles_dir / f"m{n:02d}.arbcase", bundle_data(20 + n)) for n in range(10)]
    dialog = ImportDialog(db, paths)
    qtbot.addWidget(dialog)
    task = dialog.start()
    qtbot.waitUntil(lambda: dialog.results.rowCount() >= 2, timeout=20_000)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: task.done, timeout=20_000)
    statuses = [o.status for o in dialog.results.outcomes]
    assert len(statuses) == 10
    imported = statuses.count("imported")
    assert 2 <= imported < 10 and statuses == ["imported"] * imported + ["skipped"] * (10 - imported)
    assert Repository(db).count_cases(QueueQuery()) == imported
    assert "Skipped: " in dialog.summary.text()
    assert dialog.close_button.isEnabled()
    assert seen_threads and gui_thread not in seen_threads
