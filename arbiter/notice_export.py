"""Exporting the notices of a signed verdict from the database (issue 11, docs/trust.md "Notices"): the one path
the GUI (and anything else holding a database) uses.

The case is verified first: a case whose verdict, revision or evidence fails the check exports nothing. The
notice prints the facts of the case revision the verdict was signed on (never a later revision), records the
audit chain head in its keywords, and the export is an audit event (who, which fingerprint, each file's sha256)
whose head ``verify`` later checks is still in the chain.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from arbiter.store import Repository


class NoticeRefused(Exception):
    """The notices cannot be exported (a tampered case or verdict, no verdict); the message says why."""


def export_signed_notice(repo: Repository, case_pk: int, actor: str, out_pdf: Path):
    """Write ``out_pdf`` (buyer) and its ``.seller.pdf`` for the case's current verdict; returns NoticePaths."""
    from arbiter.notice import write_notices

    problems = repo.verify_case(case_pk)
    if problems:
        raise NoticeRefused("the case does not verify: " + "; ".join(problems[:3]))
    verdict = repo.current_verdict(case_pk)
    if verdict is None:
        raise NoticeRefused("no signed verdict")
    if not verdict.intact:
        raise NoticeRefused("the verdict does not match its fingerprint")
    hold = _notice_hold(repo, case_pk)
    if hold:
        raise NoticeRefused(hold)
    if verdict.case_sha256:
        case = repo.case_at(case_pk, case_sha256=verdict.case_sha256)
    else:
        case = repo.case_at(case_pk, revision=verdict.revision)
    head = repo.chain_head()
    paths = write_notices(case, verdict.record, out_pdf, chain_head=f"{head[0]}:{head[1]}")
    files = {copy: {"name": Path(path).name, "sha256": hashlib.sha256(Path(path).read_bytes()).hexdigest()}
             for copy, path in (("buyer", paths.buyer), ("seller", paths.seller))}
    repo.record_notice_export(case_pk, verdict.id, actor, files, head)
    return paths


def _notice_hold(repo: Repository, case_pk: int) -> str | None:
    """The supervisor's notice gate (issue 12, ``QAStore.notice_hold``), where the store has it."""
    try:
        from arbiter.store.qa import QAStore
    except ImportError:
        return None
    return QAStore(repo._db).notice_hold(case_pk)
