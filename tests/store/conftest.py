from __future__ import annotations

import pytest

from arbiter.store import Repository, open_database


@pytest.fixture
def db_url(tmp_path):
    return f"sqlite:///{tmp_path / 'data' / 'arbiter.db'}"


@pytest.fixture
def db(db_url):
    database = open_database(db_url)
    yield database
    database.close()


@pytest.fixture
def repo(db):
    return Repository(db)
