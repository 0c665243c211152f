"""The decision notice: the PDF the parties receive (see docs/notice.md).

``render_notice(case, record, copy)`` returns the bytes of one copy; ``write_notices(case, record, out_pdf)``
writes both: ``OUT.pdf`` is the buyer's copy, ``OUT.seller.pdf`` the seller's (same folder, ``.seller``
before the suffix). The copies carry the same decision; only the seller's has the findings on the seller's
service conduct.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal, Mapping, NamedTuple

from arbiter.domain.model import Case

from .render import build_pdf, build_pdf_report, fingerprint

__all__ = ["NoticePaths", "render_notice", "render_notice_report", "write_notices", "seller_copy_path",
           "fingerprint"]


class _Paths(NamedTuple):
    buyer: Path
    seller: Path


class NoticePaths(_Paths):
    """The two files (iterates as ``(buyer, seller)``) and ``warnings``: one line each, to be shown to the
    reviewer (CLI: stderr; GUI: beside the export), e.g. characters no embedded font covers (drawn as
    U+FFFD). Empty when the notice shows everything it was given."""

    warnings: tuple[str, ...]

    def __new__(cls, buyer: Path, seller: Path, warnings: tuple[str, ...] = ()):
        self = super().__new__(cls, buyer, seller)
        self.warnings = tuple(warnings)
        return self


def render_notice(case: Case, record: Mapping[str, Any], copy: Literal["buyer", "seller"], *,
                  chain_head: str | None = None) -> bytes:
    """The PDF bytes of one copy. Same case and record, same bytes. ``chain_head`` (``seq:hash``, from an export
    through the store; docs/trust.md) goes into the PDF's keywords."""
    return build_pdf(case, record, copy, chain_head=chain_head)


def render_notice_report(case: Case, record: Mapping[str, Any],
                         copy: Literal["buyer", "seller"]) -> tuple[bytes, tuple[str, ...]]:
    """The PDF bytes of one copy and its warnings (see :class:`NoticePaths`)."""
    return build_pdf_report(case, record, copy)


def seller_copy_path(out_pdf: str | os.PathLike) -> Path:
    """``notice.pdf`` -> ``notice.seller.pdf``; a name without a suffix gets ``.seller.pdf``."""
    out = Path(out_pdf)
    suffix = out.suffix or ".pdf"
    stem = out.stem if out.suffix else out.name
    return out.with_name(f"{stem}.seller{suffix}")


def _write_atomic(path: Path, data: bytes) -> None:
    """Write beside the target, then rename: a reader never sees half a notice. ``open(..., "xb")`` keeps
    the user's umask for the file mode."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "xb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def write_notices(case: Case, record: Mapping[str, Any], out_pdf: str | os.PathLike, *,
                  chain_head: str | None = None) -> NoticePaths:
    """Render both copies first, then write them (each atomically): ``out_pdf`` for the buyer and
    :func:`seller_copy_path` for the seller."""
    buyer_path = Path(out_pdf)
    seller_path = seller_copy_path(buyer_path)
    buyer, buyer_warnings = build_pdf_report(case, record, "buyer", chain_head=chain_head)
    seller, seller_warnings = build_pdf_report(case, record, "seller", chain_head=chain_head)
    _write_atomic(buyer_path, buyer)
    _write_atomic(seller_path, seller)
    return NoticePaths(buyer=buyer_path, seller=seller_path,
                       warnings=tuple(dict.fromkeys(buyer_warnings + seller_warnings)))
