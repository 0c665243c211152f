"""Read a PDF back with the tools a reader or an auditor would use: poppler (pdftotext, pdffonts, pdftoppm),
qpdf and pypdf. Tests that need a missing tool are skipped, never silently passed."""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest


def need(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} is not installed (Debian: poppler-utils / qpdf)")
    return path


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def text(pdf: Path, first: int | None = None, last: int | None = None) -> str:
    args = [need("pdftotext"), "-enc", "UTF-8"]
    if first is not None:
        args += ["-f", str(first)]
    if last is not None:
        args += ["-l", str(last)]
    return subprocess.run(args + [str(pdf), "-"], check=True, capture_output=True).stdout.decode("utf-8")


def flat(pdf: Path) -> str:
    """The whole text with every run of whitespace as one space (line breaks inside table cells vanish)."""
    return re.sub(r"\s+", " ", text(pdf))


def fonts(pdf: Path) -> list[dict[str, str]]:
    out = subprocess.run([need("pdffonts"), str(pdf)], check=True, capture_output=True).stdout.decode()
    lines = out.splitlines()
    rows = []
    for line in lines[2:]:
        parts = line.split()
        # name type [type2] encoding emb sub uni object ID
        rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return rows


def pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(pdf)).pages)


def qpdf_check(pdf: Path) -> subprocess.CompletedProcess:
    return subprocess.run([need("qpdf"), "--check", str(pdf)], capture_output=True, text=True)


def render_png(pdf: Path, out_prefix: Path, resolution: int = 60) -> list[Path]:
    subprocess.run([need("pdftoppm"), "-r", str(resolution), "-png", str(pdf), str(out_prefix)], check=True)
    return sorted(out_prefix.parent.glob(out_prefix.name + "-*.png"))


_FURNITURE = re.compile(r"· Case |· 纠纷编号|Page \d+ of \d+|第 \d+ 页|\(cont\.\)|（续）|(续)|^\s*\f?\s*(Buyer's copy|Seller's copy|买家联|卖家联)\s*$")


def body(pdf: Path) -> str:
    """The flattened text without the running head, the footer and continuation labels: what remains reads
    as one continuous text even where a paragraph or a table row crosses a page."""
    lines = [line for line in text(pdf).splitlines() if not _FURNITURE.search(line)]
    return re.sub(r"\s+", " ", "\n".join(lines))
