"""Exceptions of the store."""
from __future__ import annotations


class StoreError(Exception):
    """Base class of the store's own errors."""


class CaseNotFound(StoreError, LookupError):
    def __init__(self, case_pk: int):
        self.case_pk = case_pk
        super().__init__(f"no case with pk {case_pk}")


class EvidenceTampered(StoreError):
    """The stored bytes of an evidence item no longer match the sha256 recorded at import."""

    def __init__(self, case_id: str, evidence_id: str, expected: str, actual: str | None):
        self.case_id = case_id
        self.evidence_id = evidence_id
        self.expected = expected
        self.actual = actual
        found = "missing" if actual is None else f"sha256 {actual}"
        super().__init__(f"{case_id}: evidence {evidence_id}: stored bytes do not match sha256 {expected} ({found})")


class VerdictLocked(StoreError):
    """The case already has a signed verdict: a change must go through ``amend_verdict`` with a reason."""

    def __init__(self, case_id: str, message: str | None = None):
        self.case_id = case_id
        super().__init__(message or f"{case_id}: a verdict is already signed; amend it with a reason instead")


class NoVerdict(StoreError):
    """``amend_verdict`` on a case that has no signed verdict yet."""

    def __init__(self, case_id: str):
        self.case_id = case_id
        super().__init__(f"{case_id}: there is no signed verdict to amend")


class VerdictRefused(StoreError):
    """A verdict the store will not sign or accept: a record the rules do not derive from the answers, a review
    that did not open every evidence item or read both chat logs, an unknown key, a bad signature, ..."""


class KeyRefused(StoreError):
    """A key card that cannot be registered (e.g. an id already registered with another key, without replace)."""
