"""Per-user locations (platformdirs) and the database URL: ``--db`` beats ``ARBITER_DB`` beats the default
SQLite file in the user's data folder."""
from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "arbiter"
APP_AUTHOR = "arbiter"


def data_dir() -> Path:
    override = os.environ.get("ARBITER_DATA_DIR")
    path = Path(override) if override else Path(user_data_dir(APP_NAME, APP_AUTHOR, roaming=False))
    return path


def default_db_url() -> str:
    return f"sqlite:///{data_dir() / 'arbiter.db'}"


def resolve_db_url(cli_value: str | None) -> str:
    if cli_value:
        return cli_value
    env = os.environ.get("ARBITER_DB")
    if env:
        return env
    return default_db_url()
