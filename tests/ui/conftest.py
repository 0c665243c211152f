"""Fixtures of the GUI tests: isolated settings, a temporary SQLite database, cases imported through the real
bundle reader and importer. Qt runs offscreen (tests/conftest.py)."""
from __future__ import annotations

import copy
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from arbiter.store import Repository, open_database
from arbiter.ui import i18n, tasks
from tests.factories import case_dict, write_bundle

PLATFORMS = ("tiktok_shop", "douyin")
REGIONS = ("UK", "CN")


@pytest.fixture(autouse=True)
def isolated_settings(qapp, tmp_path, monkeypatch):
    """Every test gets its own settings file and data folder, and starts in English."""
    monkeypatch.setenv("ARBITER_DATA_DIR", str(tmp_path / "userdata"))
    qapp.setOrganizationName("arbiter-tests")
    qapp.setApplicationName("arbiter-tests")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    i18n.install(i18n.ENGLISH)
    yield
    tasks.runner().wait(10_000)
    qapp.processEvents()
    i18n.install(i18n.ENGLISH)


@pytest.fixture
def db(tmp_path):
    database = open_database(f"sqlite:///{tmp_path}/t.db")
    yield database
    tasks.runner().wait(10_000)
    database.close()


@pytest.fixture
def repo(db):
    return Repository(db)


@pytest.fixture
def review_session(db, repo, tmp_path):
    """A real ReviewSession on the shared test case (tests/factories.py), imported through the real reader."""
    from arbiter.bundle import read_bundle
    from arbiter.store import import_bundle
    from arbiter.ui.session import ReviewSession

    result = import_bundle(db, read_bundle(write_bundle(tmp_path / "case.arbcase")))
    session = ReviewSession(repo, result.case_pk, __import__("arbiter.signing", fromlist=["demo_identity"]).demo_identity("r.chen", "R. Chen"))
    yield session
    session._timer.stop()


def bundle_data(n: int) -> dict:
    """A valid case, the n-th of a family: distinct case and order ids, platforms and regions alternate."""
    data = case_dict()
    platform = PLATFORMS[n % 2]
    data["case_id"] = f"{'TTS' if platform == 'tiktok_shop' else 'DY'}-{n:04d}"
    data["platform"] = platform
    data["region"] = "UK" if platform == "tiktok_shop" else "CN"
    data["order"] = copy.deepcopy(data["order"])
    data["order"]["order_id"] = f"ORD{700000 + n}"
    data["claim"] = dict(data["claim"], amount=f"{10 + n}.00")
    data["opened_at"] = f"2025-03-{1 + n % 28:02d}T09:00:00+00:00"
    if platform == "douyin":
        data["language"] = "zh-CN"
        data["order"]["currency"] = "CNY"
    return data


def import_cases(db, folder: Path, count: int) -> list:
    from arbiter.bundle import read_bundle
    from arbiter.store import import_bundle

    results = []
    for n in range(count):
        path = write_bundle(folder / f"case-{n:04d}.arbcase", bundle_data(n))
        results.append(import_bundle(db, read_bundle(path)))
    return results


@pytest.fixture
def bundles_dir(tmp_path) -> Path:
    folder = tmp_path / "bundles"
    folder.mkdir()
    return folder


@pytest.fixture
def filled_repo(db, repo, bundles_dir):
    """Twelve cases, imported through the real reader and importer."""
    import_cases(db, bundles_dir, 12)
    return repo
