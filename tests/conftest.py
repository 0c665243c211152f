"""Suite-wide settings. Qt runs offscreen in every test; nothing here starts a display."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")


import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _private_data_folder(tmp_path_factory, monkeypatch):
    """Every test gets its own data folder (identity, remembered audit chain heads, logs): nothing is read from
    or written to the real user's folder."""
    if "ARBITER_DATA_DIR" not in os.environ or os.environ.get("ARBITER_TEST_KEEP_DATA_DIR") != "1":
        monkeypatch.setenv("ARBITER_DATA_DIR", str(tmp_path_factory.mktemp("data")))
