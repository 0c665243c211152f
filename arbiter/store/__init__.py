"""The store: SQLAlchemy models, Alembic migrations, the importer and the repository API (docs/storage.md)."""
from arbiter.store.db import Database, DatabaseError, open_database
from arbiter.store.errors import (
    CaseNotFound,
    EvidenceTampered,
    KeyRefused,
    NoVerdict,
    StoreError,
    VerdictLocked,
    VerdictRefused,
)
from arbiter.store.importer import ImportResult, import_bundle
from arbiter.store import appeals as _appeals  # noqa: F401 - registers the importer's appeal hook (issue 12)
from arbiter.store.models import NaiveDatetimeError
from arbiter.store.notes import NoteError, NoteRow
from arbiter.store.supplements import SupplementError, SupplementRequest
from arbiter.store.repository import (
    SORT_KEYS,
    AuditRow,
    Draft,
    QueueQuery,
    QueueRow,
    Repository,
    StoredCase,
    VerdictRow,
)

__all__ = [
    "SORT_KEYS",
    "AuditRow",
    "CaseNotFound",
    "Database",
    "DatabaseError",
    "Draft",
    "EvidenceTampered",
    "ImportResult",
    "NaiveDatetimeError",
    "NoVerdict",
    "NoteError",
    "NoteRow",
    "SupplementError",
    "SupplementRequest",
    "QueueQuery",
    "QueueRow",
    "Repository",
    "StoreError",
    "StoredCase",
    "VerdictLocked",
    "VerdictRow",
    "import_bundle",
    "KeyRefused",
    "VerdictRefused",
    "open_database",
]
