"""Every setting the workstation keeps, declared once with its default. Stored with QSettings under the
application's organisation and name (set up in :func:`arbiter.ui.app.create_application`)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings


@dataclass(frozen=True)
class Setting:
    key: str
    default: Any
    description: str


LANGUAGE = Setting("ui/language", "", "Interface language: 'en', 'zh_CN', or empty to follow the system")
REVIEWER = Setting("review/reviewer", "", "Reviewer name written into drafts and verdicts")
MAIN_GEOMETRY = Setting("window/main/geometry", None, "Main window geometry")
MAIN_STATE = Setting("window/main/state", None, "Main window state")
WORKSPACE_SPLITTER = Setting("window/workspace/splitter", None, "Case view | checklist splitter state")
QUEUE_HEADER = Setting("window/queue/header", None, "Queue column widths")
LAST_IMPORT_DIR = Setting("import/last_dir", "", "Folder the import dialog opened last")


def get(setting: Setting) -> Any:
    value = QSettings().value(setting.key, setting.default)
    if isinstance(setting.default, str) and not isinstance(value, str):
        return setting.default if value is None else str(value)
    return value


def get_bytes(setting: Setting) -> QByteArray | None:
    value = QSettings().value(setting.key)
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def put(setting: Setting, value: Any) -> None:
    QSettings().setValue(setting.key, value)


def reviewer_name() -> str:
    """A saved reviewer name from before signing identities (drafts only); never the OS login (issue 11)."""
    return get(REVIEWER) or ""


OPEN_CASES = Setting("session/open_cases", "", "Cases open in tabs, per database: {location: {open: [pk], current}}")


def get_json(setting: Setting) -> Any:
    import json

    raw = get(setting)
    try:
        return json.loads(raw) if raw else None
    except ValueError:
        return None


def put_json(setting: Setting, value: Any) -> None:
    import json

    put(setting, json.dumps(value, sort_keys=True))
