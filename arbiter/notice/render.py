"""Lay out the decision notice with ReportLab Platypus.

One function builds the whole document for one copy; the two copies differ only in the seller-conduct
section. Determinism: the canvas runs in invariant mode, the creation date is the decision time (never the
clock), and the PDF document ID is derived from the record's fingerprint and the copy, so the same decision
gives the same bytes on every run and machine.
"""
from __future__ import annotations

import contextvars
import hashlib
import io
import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Iterable, Mapping

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import DummyDoc, PDFText
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (CondPageBreak, Frame, KeepTogether, PageTemplate, Paragraph, Spacer, Table,
                                TableStyle)
from reportlab.platypus.doctemplate import BaseDocTemplate

from arbiter.domain import masking
from arbiter.domain.model import Case

from . import texts as T
from . import shaping
from .fonts import FONT, REPLACEMENT, describe_missing, markup, register_fonts

COPIES = ("buyer", "seller")

INK = colors.HexColor("#1d2430")
ACCENT = colors.HexColor("#1f3a5f")
MUTED = colors.HexColor("#5b6675")
RULE = colors.HexColor("#b9c3ce")
HEAD_BG = colors.HexColor("#e9eef4")
NOTE_BG = colors.HexColor("#f4f6f9")
ALERT_BG = colors.HexColor("#fbf3e6")
ALERT_RULE = colors.HexColor("#d8b77a")

PAGE_W, PAGE_H = A4
MARGIN_X = 20 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 22 * mm
BODY_W = PAGE_W - 2 * MARGIN_X


# --------------------------------------------------------------------------------------------- fingerprint
def fingerprint(record: Mapping[str, Any]) -> str:
    """sha256 of the canonical JSON of the decision record (the definition in docs/architecture.md)."""
    try:
        from arbiter.domain.decision import fingerprint as domain_fingerprint
    except ImportError:
        domain_fingerprint = None
    if domain_fingerprint is not None:
        return domain_fingerprint(record)
    return _local_fingerprint(record)


def _local_fingerprint(record: Mapping[str, Any]) -> str:
    canonical = json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------------------------- styles
@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    title: ParagraphStyle
    platform: ParagraphStyle
    copy_label: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    cell_label: ParagraphStyle
    cell_mono: ParagraphStyle
    bullet: ParagraphStyle


def _styles(lang: str, font: str) -> Styles:
    zh = lang == "zh"
    wrap = "CJK" if zh else None
    size, leading = (10, 16) if zh else (9.5, 14)
    # HarfBuzz shaping (Thai marks, Arabic joining, Devanagari conjuncts). ReportLab's CJK line breaker does
    # not shape, so the Chinese notice draws other scripts unshaped (docs/notice.md, "Scripts").
    shape = 0 if zh else int(shaping.available())

    def style(name: str, **kwargs: Any) -> ParagraphStyle:
        return ParagraphStyle(name, shaping=shape, **kwargs)

    base = dict(fontName=font, bulletFontName=font, textColor=INK, wordWrap=wrap)
    body = style("body", fontSize=size, leading=leading, spaceAfter=4, **base)
    return Styles(
        body=body,
        small=style("small", fontSize=8, leading=11.5, textColor=MUTED, fontName=font, wordWrap=wrap,
                             spaceAfter=3),
        title=style("title", fontSize=18, leading=24, textColor=ACCENT, fontName=font, wordWrap=wrap),
        platform=style("platform", fontSize=10, leading=13, textColor=MUTED, fontName=font,
                                wordWrap=wrap),
        copy_label=style("copy", fontSize=10.5, leading=14, textColor=ACCENT, fontName=font,
                                  alignment=TA_RIGHT, wordWrap=wrap),
        h1=style("h1", fontSize=12.5, leading=17, textColor=ACCENT, fontName=font, spaceBefore=12,
                          spaceAfter=5, keepWithNext=1, wordWrap=wrap),
        h2=style("h2", fontSize=10.5, leading=14, textColor=ACCENT, fontName=font, spaceBefore=6,
                          spaceAfter=4, wordWrap=wrap),
        cell=style("cell", fontSize=8.5, leading=12 if zh else 11.5, fontName=font, textColor=INK,
                            wordWrap=wrap),
        cell_head=style("cell_head", fontSize=8.5, leading=12 if zh else 11.5, fontName=font,
                                 textColor=ACCENT, wordWrap=wrap),
        cell_label=style("cell_label", fontSize=8.5, leading=12 if zh else 11.5, fontName=font,
                                  textColor=MUTED, wordWrap=wrap),
        cell_mono=style("cell_mono", fontSize=8.5, leading=11.5, fontName=font, textColor=INK,
                                 wordWrap=wrap),
        bullet=style("bullet", fontSize=size, leading=leading, leftIndent=12, bulletIndent=2,
                              spaceAfter=3, **base),
    )


# --------------------------------------------------------------------------------------------- helpers
def _ts(commands: list) -> TableStyle:
    """Table styles always name the notice font: a table's default is Helvetica, which is never embedded."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT)] + list(commands))


# Characters no embedded font covers, collected while one document is built (drawn as U+FFFD).
_missing: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar("arbiter_notice_missing", default=None)


def _xml(text: str, style: ParagraphStyle) -> str:
    """Paragraph markup of ``text``: escaped, a font per run of characters (see fonts.markup)."""
    marked = markup(text, style.fontName)
    sink = _missing.get()
    if sink is not None:
        sink.extend(marked.missing)
    return marked.xml


def _p(text: str, style: ParagraphStyle, **kwargs: Any) -> Paragraph:
    return Paragraph(_xml(text, style), style, **kwargs)


def _lines(text: str, style: ParagraphStyle) -> Paragraph:
    """Free text with its line breaks kept."""
    return Paragraph("<br/>".join(_xml(line, style) for line in text.splitlines()) or "", style)


def _table(rows: list[list[Any]], widths: list[float], *, header: bool = True, label_col: bool = False,
           zebra: bool = False) -> Table:
    # Rows are never split inside (ReportLab's in-row splitting leaves stray repeated headers); long cell
    # text is cut into continuation rows beforehand instead (see _chunks).
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0, splitByRow=1, hAlign="LEFT")
    style = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("LINEABOVE", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, -1), (-1, -1), 0.8, ACCENT),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), HEAD_BG))
    if label_col:
        style.append(("BACKGROUND", (0, 0), (0, -1), NOTE_BG))
    if zebra:
        for i in range(2 if header else 1, len(rows), 2):
            style.append(("BACKGROUND", (0, i), (-1, i), colors.HexColor("#fafbfc")))
    table.setStyle(_ts(style))
    return table


def _chunks(text: str, limit: int) -> list[str]:
    """Cut long free text into pieces of at most ``limit`` characters, at a space where there is one, so that
    no table row grows taller than a page. Nothing is dropped."""
    pieces = []
    while len(text) > limit:
        cut = text.rfind(" ", 0, limit)
        if cut < limit // 2:
            cut = limit
        pieces.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    pieces.append(text)
    return pieces


def _box(flowables: list, background=NOTE_BG, border=RULE) -> Table:
    box = Table([[flowables]], colWidths=[BODY_W], hAlign="LEFT")
    box.setStyle(_ts([
        ("BACKGROUND", (0, 0), (-1, -1), background),
        ("BOX", (0, 0), (-1, -1), 0.6, border),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return box


class _Scrubber:
    """Masks the parties' personal data wherever it appears in free text (the buyer's words, captions, the
    rationale): the case's addresses, whole or in part (the street line, a house number, a postcode), the
    exact phone and email strings, and anything shaped like an email address or an international or
    Chinese mobile number."""

    _EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
    _INTL_PHONE = re.compile(r"(?<![\w+])\+\d{1,3}[\s\-]?(?:\(?\d+\)?[\s\-]?){2,5}\d")
    _CN_MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")

    def __init__(self, case: Case):
        known: list[tuple[str, str]] = []
        for person in (case.buyer, case.seller):
            for attr, fn in (("phone", masking.mask_phone), ("email", masking.mask_email)):
                value = getattr(person, attr, None)
                if value:
                    known.append((value, fn(value)))
        self.known = sorted(known, key=lambda pair: -len(pair[0]))
        # every address a party gave, whole or its street line, number or postcode (domain.masking)
        self.addresses = [a for a in (getattr(p, "address", None) for p in (case.buyer, case.seller)) if a]
        self.keep = {case.order.order_id, case.case_id}
        if case.order.logistics:
            self.keep.add(case.order.logistics.tracking_no)

    def __call__(self, text: str | None) -> str:
        if not text:
            return text or ""
        text = masking.mask_addresses_in_text(text, self.addresses)
        for value, masked in self.known:
            text = text.replace(value, masked)
        text = self._EMAIL.sub(lambda m: masking.mask_email(m.group(0)), text)
        text = self._INTL_PHONE.sub(lambda m: masking.mask_phone(m.group(0)), text)
        text = self._CN_MOBILE.sub(
            lambda m: m.group(0) if m.group(0) in self.keep else masking.mask_phone(m.group(0)), text)
        return text


# --------------------------------------------------------------------------------------------- the document
@dataclass
class _Context:
    case: Case
    record: Mapping[str, Any]
    copy: str
    lang: str
    font: str
    tz: str
    fp: str
    decided_at: datetime
    styles: Styles
    scrub: _Scrubber

    def t(self, key: str, **values: object) -> str:
        return T.text(self.lang, key, **values)

    def lk(self, key: str, code: str | None, default: str | None = None) -> str:
        return T.lookup(self.lang, key, code, default)

    @property
    def platform(self) -> str:
        return self.lk("platform", self.case.platform.value)

    @property
    def copy_label(self) -> str:
        return self.lk("copy", self.copy)

    def when(self, value: str | datetime | None) -> str:
        dt = T.parse_ts(value)
        return T.format_datetime(self.lang, dt, self.tz) if dt else self.t("none")

    def short(self, value: datetime | None) -> str:
        return T.format_short(value, self.tz) if value else self.t("none")

    def money(self, amount: object, currency: str | None = None) -> str:
        return T.format_money(self.lang, amount, currency or self.case.order.currency)


class _Sections:
    """Numbered section headings: the numbers follow the sections actually present."""

    def __init__(self, ctx: _Context):
        self.ctx = ctx
        self.n = 0

    def heading(self, key: str, room: float = 35 * mm) -> list:
        """A section heading that never ends a page: it starts a new page unless ``room`` is left."""
        self.n += 1
        text = T.numbered_heading(self.ctx.lang, self.n, self.ctx.t(key))
        return [CondPageBreak(room), _p(text, self.ctx.styles.h1)]


def _subheading(ctx: _Context, key: str) -> list:
    """A sub-heading above a table: a new page unless there is room for it and a few rows (a heading kept
    with a long table would move the whole table and leave half a page blank)."""
    return [CondPageBreak(30 * mm), _p(ctx.t(key), ctx.styles.h2)]


def _header(ctx: _Context) -> list:
    s = ctx.styles
    copy_box = Table([[_p(ctx.copy_label, s.copy_label)]], colWidths=[38 * mm], hAlign="RIGHT")
    copy_box.setStyle(_ts([
        ("BOX", (0, 0), (-1, -1), 0.9, ACCENT),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
        ("LEFTPADDING", (0, 0), (-1, -1), 6), ("RIGHTPADDING", (0, 0), (-1, -1), 6),
    ]))
    head = Table([[[_p(ctx.platform, s.platform), Spacer(1, 2), _p(ctx.t("title"), s.title)], copy_box]],
                 colWidths=[BODY_W - 42 * mm, 42 * mm], hAlign="LEFT")
    head.setStyle(_ts([
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LINEBELOW", (0, 0), (-1, -1), 1.4, ACCENT),
    ]))
    return [head, Spacer(1, 8), _p(ctx.t("intro", platform=ctx.platform), s.body), Spacer(1, 4)]


def _facts(ctx: _Context) -> list:
    s, case = ctx.styles, ctx.case
    lab = lambda key: _p(ctx.t(key), s.cell_label)  # noqa: E731
    val = lambda text: _p(text, s.cell)  # noqa: E731
    items = "; ".join(f"{item.title} × {item.quantity}" for item in case.order.items) or ctx.t("none")
    rows = [
        [lab("f_platform"), val(ctx.platform), lab("f_case_id"), val(case.case_id)],
        [lab("f_order_id"), val(case.order.order_id), lab("f_notice_date"),
         val(T.format_date(ctx.lang, ctx.decided_at, ctx.tz))],
        [lab("f_items"), val(ctx.scrub(items)), lab("f_total_paid"),
         val(ctx.money(case.order.total_paid, case.order.currency))],
    ]
    w = [24 * mm, BODY_W / 2 - 24 * mm, 24 * mm, BODY_W / 2 - 24 * mm]
    facts = Table(rows, colWidths=w, hAlign="LEFT")
    facts.setStyle(_ts([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (0, -1), NOTE_BG), ("BACKGROUND", (2, 0), (2, -1), NOTE_BG),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("LINEABOVE", (0, 0), (-1, 0), 0.8, ACCENT), ("LINEBELOW", (0, -1), (-1, -1), 0.8, ACCENT),
        ("LEFTPADDING", (0, 0), (-1, -1), 4), ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))

    none = ctx.t("none")
    buyer, seller = case.buyer, case.seller
    party_rows = [
        [_p("", s.cell_head), _p(ctx.t("buyer"), s.cell_head), _p(ctx.t("seller"), s.cell_head)],
        [lab("f_name"), val(buyer.display_name), val(seller.shop_name)],
        [lab("f_phone"), val(masking.mask_phone(buyer.phone) or none), val(masking.mask_phone(seller.phone) or none)],
        [lab("f_email"), val(masking.mask_email(buyer.email) or none), val(masking.mask_email(seller.email) or none)],
        [lab("f_address"), val(masking.mask_address(buyer.address) or none), val(none)],
    ]
    parties = _table(party_rows, [24 * mm, (BODY_W - 24 * mm) / 2, (BODY_W - 24 * mm) / 2], label_col=True)
    return [facts, Spacer(1, 8), _p(ctx.t("parties"), s.h2), parties,
            Spacer(1, 2), _p(ctx.t("masked_note"), s.small)]


def _claim(ctx: _Context, sec: _Sections) -> list:
    claim = ctx.case.claim
    values = dict(
        date=T.format_date(ctx.lang, claim.submitted_at, ctx.tz),
        remedy=ctx.lk("requested_remedy", claim.requested_remedy.value),
        amount=ctx.money(claim.amount),
        order_id=ctx.case.order.order_id,
        claim_type=ctx.lk("claim_type", claim.type.value),
        reason=ctx.scrub(claim.reason_text.strip()),
    )
    key = "claim" if values["reason"] else "claim_no_reason"
    return [*sec.heading("h_claim"), _p(ctx.t(key, **values), ctx.styles.body)]


def _gate_fact(ctx: _Context, gate: Mapping[str, Any]) -> str:
    fact = gate.get("fact")
    if isinstance(fact, Mapping):
        fact = fact.get(ctx.lang) or (fact.get("en") if ctx.lang == "en" else None)
    elif ctx.lang != "en":
        fact = None  # the record's fact is English text; the Chinese notice does not mix languages
    return ctx.scrub(str(fact)) if fact else ""


def _jurisdiction(ctx: _Context, sec: _Sections) -> list:
    s, record = ctx.styles, ctx.record
    gates = list(record.get("jurisdiction") or [])
    failed = [g.get("id") for g in gates if g.get("passed") is False]
    for gate_id in record.get("decline_reasons") or []:
        if gate_id not in failed:
            failed.append(gate_id)
    out: list = [*sec.heading("h_jurisdiction")]
    if record.get("outcome") == "declined" or failed:
        appeals = record.get("appeals") or {}
        lead = ctx.t("declined_lead_many" if len(failed) > 1 else "declined_lead")
        inner: list = [_p(lead, s.body)]
        by_id = {g.get("id"): g for g in gates}
        for gate_id in failed:
            sentence = ctx.lk("gate_failed", gate_id, default=gate_id).format(
                platform=ctx.platform, buyer_max=appeals.get("buyer_max", 2))
            fact = _gate_fact(ctx, by_id.get(gate_id, {}))
            if fact:
                sentence = sentence.rstrip(".。") + f" ({fact})."
            inner.append(_p(sentence, s.bullet, bulletText="•"))
        inner.append(Spacer(1, 3))
        for consequence in T.decline_consequences(ctx.lang, record, ctx.when):  # r2: appeal stands, request closed
            inner.append(_p(consequence, s.body))
        if not T.appeal_stands(record):
            inner.append(_p(ctx.t("declined_merits"), s.body))
        inner.append(_p(ctx.t("legal_channels"), s.body))
        out.append(_box(inner, ALERT_BG, ALERT_RULE))
        return out
    out.append(_p(ctx.t("accepted"), s.body))
    if gates:
        show_basis = any(_gate_fact(ctx, g) for g in gates)
        head = [_p(ctx.t("col_condition"), s.cell_head), _p(ctx.t("col_result"), s.cell_head)]
        if show_basis:
            head.append(_p(ctx.t("col_basis"), s.cell_head))
        rows = [head]
        for g in gates:
            row = [_p(ctx.lk("gate", g.get("id"), default=str(g.get("id"))), s.cell),
                   _p(ctx.t("met") if g.get("passed") else ctx.t("not_met"), s.cell)]
            if show_basis:
                row.append(_p(_gate_fact(ctx, g) or ctx.t("none"), s.cell))
            rows.append(row)
        widths = [70 * mm, 18 * mm, BODY_W - 88 * mm] if show_basis else [BODY_W - 30 * mm, 30 * mm]
        out.append(_table(rows, widths))
    return out


def _evidence_rows(ctx: _Context, ids: Iterable[str], reasons: Mapping[str, str] | None) -> list[list]:
    s = ctx.styles
    rows = []
    limit = 320 if ctx.lang == "zh" else 700
    for eid in ids:
        ev = ctx.case.evidence_by_id(eid)
        if ev is None:
            party = kind = desc = sha = submitted = ctx.t("none")
        else:
            party = ctx.lk("party", ev.party.value)
            party += "\n" + (f"submission {ev.submission}" if ctx.lang == "en" else f"第{ev.submission}次提交")
            kind = ctx.lk("kind", ev.kind.value)
            desc = ctx.scrub(ev.description) or ctx.t("none")
            sha = ev.sha256[:12]
            submitted = ctx.short(ev.submitted_at)
        pieces = _chunks(desc, limit)
        row = [_p(eid, s.cell), _lines(party, s.cell), _p(submitted, s.cell), _p(kind, s.cell),
               _lines(pieces[0], s.cell), _p(sha, s.cell_mono)]
        if reasons is not None:
            row.append(_p(ctx.lk("excluded_reason", reasons.get(eid)), s.cell))
        rows.append(row)
        for piece in pieces[1:]:
            cont = _p(ctx.t("continued", id=eid), s.cell_label)
            more = [cont, "", "", "", _lines(piece, s.cell), ""] + ([""] if reasons is not None else [])
            rows.append(more)
    return rows


def _evidence(ctx: _Context, sec: _Sections) -> list:
    s, record = ctx.styles, ctx.record
    considered = list(record.get("evidence_considered") or [])
    excluded = list(record.get("evidence_excluded") or [])
    if record.get("outcome") == "declined" and not considered and not excluded:
        return []
    zone = T.zone_description(ctx.lang, ctx.tz, ctx.decided_at)
    out: list = [*sec.heading("h_evidence", 70 * mm), _p(ctx.t("evidence_note", zone=zone), s.small)]
    head = [_p(ctx.t(k), s.cell_head) for k in ("col_id", "col_party", "col_submitted", "col_kind",
                                                "col_description", "col_sha")]
    out += _subheading(ctx, "h_considered")
    if considered:
        widths = [12 * mm, 22 * mm, 21 * mm, 20 * mm, BODY_W - 100 * mm, 25 * mm]
        out.append(_table([head] + _evidence_rows(ctx, considered, None), widths, zebra=True))
    else:
        out.append(_p(ctx.t("no_evidence_considered"), s.body))
    out += _subheading(ctx, "h_excluded")
    if excluded:
        reasons = {e.get("id"): e.get("reason") for e in excluded}
        widths = [12 * mm, 22 * mm, 21 * mm, 20 * mm, BODY_W - 130 * mm, 25 * mm, 30 * mm]
        head_x = head + [_p(ctx.t("col_reason"), s.cell_head)]
        out.append(_table([head_x] + _evidence_rows(ctx, [e.get("id") for e in excluded], reasons), widths,
                          zebra=True))
    else:
        out.append(_p(ctx.t("no_evidence_excluded"), s.body))
    return out


def _finding(ctx: _Context, sec: _Sections) -> list:
    s, record = ctx.styles, ctx.record
    rows = []
    if record.get("finding"):
        rows.append([_p(ctx.t("f_finding"), s.cell_label), _p(ctx.lk("finding", record["finding"]), s.cell)])
    if record.get("problem") and record.get("finding") == "supported":
        rows.append([_p(ctx.t("f_problem"), s.cell_label), _p(ctx.lk("problem", record["problem"]), s.cell)])
    rows.append([_p(ctx.t("f_outcome"), s.cell_label), _p(ctx.lk("outcome", record.get("outcome")), s.cell)])
    return [*sec.heading("h_finding"), _table(rows, [40 * mm, BODY_W - 40 * mm], header=False, label_col=True)]


def _remedy(ctx: _Context, sec: _Sections) -> list:
    s, record = ctx.styles, ctx.record
    remedy = record.get("remedy") or {}
    rtype = remedy.get("type") or "none"
    out: list = [*sec.heading("h_remedy")]
    if rtype == "none":
        out.append(_p(ctx.t("no_remedy"), s.body))
        return out
    lab = lambda key: _p(ctx.t(key), s.cell_label)  # noqa: E731
    val = lambda text: _p(text, s.cell)  # noqa: E731
    if remedy.get("return_required"):
        ret = ctx.t("return_yes")
    elif remedy.get("return_exemption"):
        ret = ctx.t("return_exempt", exemption=ctx.lk("exemption", remedy["return_exemption"]))
    else:
        ret = ctx.t("return_no")
    rows = [
        [lab("r_type"), val(ctx.lk("remedy", rtype))],
        [lab("r_amount"), val(ctx.money(remedy.get("amount"), remedy.get("currency")))],
        [lab("r_return"), val(ret)],
    ]
    if remedy.get("refund_route"):
        rows.append([lab("r_route"), val(ctx.lk("route", remedy["refund_route"]))])
    if remedy.get("shipping_borne_by"):
        rows.append([lab("r_shipping"), val(ctx.lk("shipping", remedy["shipping_borne_by"]))])
    if record.get("liability"):
        rows.append([lab("r_liability"), val(ctx.lk("liability", record["liability"]))])
    notes = T.remedy_notes(ctx.lang, record)  # r2: postage not refunded (004), carrier's liability (002)
    if notes:
        rows.append([_p(T.r2_text(ctx.lang, "r_note"), s.cell_label), val(" ".join(notes))])
    if record.get("sea_refund_without_return"):
        rows.append([lab("r_sea"), val(ctx.t("sea_yes"))])
    out.append(_table(rows, [40 * mm, BODY_W - 40 * mm], header=False, label_col=True))
    return out


def _due_text(ctx: _Context, deadline: Mapping[str, Any]) -> str:
    if deadline.get("due"):
        return ctx.when(deadline["due"])
    rule = deadline.get("rule")
    period = T.span(deadline.get("after")) or T.rule_duration(rule)
    if period is None:
        if ctx.lang == "en" and rule:
            return str(rule)
        return ctx.t("later_event_unknown")
    text = ctx.lk("later_event", deadline.get("id")).format(n=T.duration_text(ctx.lang, *period))
    extension = T.span(deadline.get("extension")) or (None if deadline.get("after") else T.rule_extension(rule))
    if extension:
        text += ctx.t("extension", n=T.duration_text(ctx.lang, *extension))
    return text + ("; " if ctx.lang == "en" else "；") + ctx.t("no_date_yet") + ("." if ctx.lang == "en" else "。")


def _deadlines(ctx: _Context, sec: _Sections) -> list:
    s = ctx.styles
    deadlines = list(ctx.record.get("deadlines") or [])
    if not deadlines:
        return [] if ctx.record.get("outcome") == "declined" else [*sec.heading("h_deadlines"),
                                                                    _p(ctx.t("no_deadlines"), s.body)]
    zone = T.zone_description(ctx.lang, ctx.tz, ctx.decided_at)
    head = [_p(ctx.t(k), s.cell_head) for k in ("col_obligation", "col_who", "col_due", "col_on_miss")]
    rows = [head]
    for d in deadlines:
        rows.append([
            _p(T.deadline_obligation(ctx.lang, d) or ctx.lk("deadline", d.get("id"), default=str(d.get("id"))),
               s.cell),
            _p(ctx.lk("party", d.get("party")), s.cell),
            _p(_due_text(ctx, d), s.cell),
            _p(ctx.lk("on_miss", d.get("on_miss")), s.cell),
        ])
    widths = [48 * mm, 16 * mm, 54 * mm, BODY_W - 118 * mm]
    return [*sec.heading("h_deadlines"), _p(ctx.t("deadlines_note", zone=zone), s.small), _table(rows, widths)]


def _appeals(ctx: _Context, sec: _Sections) -> list:
    s, record = ctx.styles, ctx.record
    appeals = record.get("appeals") or {}
    buyer_max = appeals.get("buyer_max", 2)
    remaining = appeals.get("buyer_remaining", buyer_max)
    window = next((d for d in record.get("deadlines") or [] if d.get("id") == "appeal_window"), None)
    out: list = [*sec.heading("h_appeals")]
    count_rule = T.appeal_count_rule(ctx.lang, record, ctx.when)  # r2: a limit on the count, not a deadline
    if remaining == 0:
        buyer = ctx.t("appeal_buyer_none", buyer_max=buyer_max)
    elif count_rule is not None:
        buyer = count_rule
    elif window and window.get("due"):
        due = T.parse_ts(window["due"])
        days = round((due - ctx.decided_at).total_seconds() / 86400)
        if days >= 1:
            span = T.duration_text(ctx.lang, days, "day")
        else:
            span = T.duration_text(ctx.lang, round((due - ctx.decided_at).total_seconds() / 3600), "hour")
        buyer = ctx.t("appeal_buyer", buyer_max=buyer_max, buyer_remaining=remaining, window=span,
                      by=ctx.t("appeal_by", due=ctx.when(due)))
    else:
        buyer = ctx.t("appeal_buyer_nowindow", buyer_max=buyer_max, buyer_remaining=remaining)
    out.append(_p(buyer, s.bullet, bulletText="•"))
    out.append(_p(ctx.lk("appeal_seller", appeals.get("seller")), s.bullet, bulletText="•"))
    out.append(_p(ctx.t("appeal_legal"), s.bullet, bulletText="•"))
    return [out[0], KeepTogether(out[1:])]


def _message_index(case: Case) -> dict[str, tuple[str, datetime]]:
    index: dict[str, tuple[str, datetime]] = {}
    for log in case.chat_logs:
        for message in log.messages:
            index.setdefault(message.id, (message.sender.value, message.at))
    return index


def _rationale(ctx: _Context, sec: _Sections) -> list:
    s, record = ctx.styles, ctx.record
    out: list = [*sec.heading("h_rationale")]
    text = ctx.scrub((record.get("rationale") or "").strip())
    if text:
        for block in re.split(r"\n\s*\n", text):
            out.append(_lines(block.strip(), s.body))
    else:
        out.append(_p(ctx.t("no_rationale"), s.body))
    cites = list(dict.fromkeys(record.get("rationale_cites") or []))
    if cites:
        messages = _message_index(ctx.case)
        head = [_p(ctx.t(k), s.cell_head) for k in ("col_ref", "col_item", "col_from", "col_time", "col_sha")]
        rows = [head]
        for ref in cites:
            ev = ctx.case.evidence_by_id(ref)
            if ev is not None:
                rows.append([_p(ref, s.cell), _p(ctx.t("cited_evidence", kind=ctx.lk("kind", ev.kind.value)), s.cell),
                             _p(ctx.lk("party", ev.party.value), s.cell), _p(ctx.short(ev.submitted_at), s.cell),
                             _p(ev.sha256[:12], s.cell_mono)])
            elif ref in messages:
                sender, at = messages[ref]
                rows.append([_p(ref, s.cell), _p(ctx.t("cited_message"), s.cell),
                             _p(ctx.lk("party", sender), s.cell), _p(ctx.short(at), s.cell),
                             _p(ctx.t("none"), s.cell)])
            else:
                rows.append([_p(ref, s.cell), _p(ctx.t("cited_unknown"), s.cell), _p(ctx.t("none"), s.cell),
                             _p(ctx.t("none"), s.cell), _p(ctx.t("none"), s.cell)])
        widths = [20 * mm, BODY_W - 109 * mm, 25 * mm, 30 * mm, 34 * mm]
        out += _subheading(ctx, "h_cited") + [_table(rows, widths, zebra=True)]
    return out


def _seller_conduct(ctx: _Context, sec: _Sections) -> list:
    s = ctx.styles
    conduct = ctx.record.get("seller_conduct")
    out: list = [CondPageBreak(50 * mm), *sec.heading("h_conduct"), _p(ctx.t("conduct_intro"), s.body)]
    if not conduct:
        out.append(_p(ctx.t("conduct_none"), s.body))
    else:
        rows = [[_p(ctx.t("col_standard"), s.cell_head), _p(ctx.t("col_result"), s.cell_head)]]
        for key in ("replied_within_72h", "professional_language", "no_ads_or_links"):
            value = conduct.get(key)
            verdict = ctx.t("conduct_unknown") if value is None else ctx.t("conduct_yes" if value else "conduct_no")
            rows.append([_p(ctx.lk("conduct_item", key), s.cell), _p(verdict, s.cell)])
        out.append(_table(rows, [BODY_W - 40 * mm, 40 * mm]))
    out += [Spacer(1, 4), _p(ctx.t("conduct_rule"), s.small)]
    return out


def _issued(ctx: _Context, sec: _Sections) -> list:
    s, record = ctx.styles, ctx.record
    policy = record.get("policy") or {}
    lab = lambda key: _p(ctx.t(key), s.cell_label)  # noqa: E731
    rows = [
        [lab("i_reviewer"), _p(str(record.get("reviewer") or ctx.t("none")), s.cell)],
        [lab("i_decided_at"), _p(ctx.when(ctx.decided_at), s.cell)],
        [lab("i_policy"), _p(ctx.t("i_policy_value", id=policy.get("id", "?"), version=policy.get("version", "?")),
                             s.cell)],
        [lab("i_fingerprint"), _p(ctx.fp, s.cell_mono)],
    ]
    block = [*sec.heading("h_issued"), _table(rows, [40 * mm, BODY_W - 40 * mm], header=False, label_col=True),
             Spacer(1, 3), _p(ctx.t("fingerprint_note"), s.small)]
    return [block[0], KeepTogether(block[1:])]


def _story(ctx: _Context) -> list:
    sec = _Sections(ctx)
    declined = ctx.record.get("outcome") == "declined"
    story = _header(ctx) + _facts(ctx)
    story += _claim(ctx, sec)
    story += _jurisdiction(ctx, sec)
    story += _evidence(ctx, sec)
    if not declined:
        story += _finding(ctx, sec)
        story += _remedy(ctx, sec)
    story += _deadlines(ctx, sec)
    story += _appeals(ctx, sec)
    if not declined or (ctx.record.get("rationale") or "").strip():
        story += _rationale(ctx, sec)
    if ctx.copy == "seller":
        story += _seller_conduct(ctx, sec)
    story += _issued(ctx, sec)
    return story


# --------------------------------------------------------------------------------------------- the canvas
class _FixedTimeStamp:
    """What ReportLab's PDFDocument reads for /CreationDate and /ModDate: the decision time, never the clock."""

    def __init__(self, when: datetime):
        off = when.utcoffset()
        minutes = int(off.total_seconds() // 60) if off else 0
        self.t = when.timestamp()
        self.lt = when.timetuple()
        self.YMDhms = tuple(self.lt)[:6]
        self.dhh = int(minutes / 60)
        self.dmm = abs(minutes) % 60
        self.tzname = when.tzname() or "UTC"


def _document_id(fp: str, copy: str) -> bytes:
    digest = hashlib.sha256(f"arbiter.notice/1:{fp}:{copy}".encode("ascii")).digest()[:16]
    ids = PDFText(digest, enc="raw").format(DummyDoc())
    return b"\n[" + ids + ids + b"]\n% ReportLab generated PDF document -- digest (opensource)\n"


def _canvas_maker(ctx: _Context):
    s = ctx.styles

    class NoticeCanvas(Canvas):
        """Keeps every page until the end so each can say "page X of Y"; draws the running header and the
        footer."""

        def __init__(self, *args, **kwargs):
            kwargs["invariant"] = 1
            super().__init__(*args, **kwargs)
            self._doc._timeStamp = _FixedTimeStamp(ctx.decided_at)
            self._doc._ID = _document_id(ctx.fp, ctx.copy)
            self._kept_pages: list[dict] = []

        def showPage(self):
            self._kept_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._kept_pages)
            for state in self._kept_pages:
                self.__dict__.update(state)
                self._furniture(total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _furniture(self, total: int):
            page = self._pageNumber
            self.saveState()
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            if page > 1:
                self.setFont(ctx.font, 8)
                self.setFillColor(MUTED)
                head = ctx.t("running_head", title=ctx.t("title"), case_id=ctx.case.case_id)
                self.drawString(MARGIN_X, PAGE_H - 13 * mm, head)
                self.drawRightString(PAGE_W - MARGIN_X, PAGE_H - 13 * mm, ctx.copy_label)
                self.line(MARGIN_X, PAGE_H - 14.8 * mm, PAGE_W - MARGIN_X, PAGE_H - 14.8 * mm)
            y = 12 * mm
            self.line(MARGIN_X, y + 4.2 * mm, PAGE_W - MARGIN_X, y + 4.2 * mm)
            self.setFont(ctx.font, 7.5)
            self.setFillColor(MUTED)
            foot = ctx.t("footer", platform=ctx.platform, case_id=ctx.case.case_id, copy=ctx.copy_label,
                         fp=ctx.fp[:16])
            self.drawString(MARGIN_X, y, foot)
            self.setFont(ctx.font, 8)
            self.setFillColor(INK)
            self.drawRightString(PAGE_W - MARGIN_X, y, ctx.t("page_of", page=page, pages=total))
            self.restoreState()

    return NoticeCanvas


# --------------------------------------------------------------------------------------------- entry point
def build_pdf(case: Case, record: Mapping[str, Any], copy: str, *, chain_head: str | None = None) -> bytes:
    return build_pdf_report(case, record, copy, chain_head=chain_head)[0]


def build_pdf_report(case: Case, record: Mapping[str, Any], copy: str, *,
                     chain_head: str | None = None) -> tuple[bytes, tuple[str, ...]]:
    """The PDF bytes of one copy and its warnings (one line each): characters no embedded font covers (drawn
    as U+FFFD), text that could not be shaped because ``uharfbuzz`` is missing."""
    missing: list[str] = []
    token = _missing.set(missing)
    try:
        pdf = _build(case, record, copy, chain_head=chain_head)
    finally:
        _missing.reset(token)
    warnings = []
    if missing:
        warnings.append(f"{describe_missing(missing)} no embedded font covers drawn as {REPLACEMENT} "
                        f"(the replacement character)")
    if not shaping.available() and T.language_for(case.language) != "zh" and _needs_shaping(case, record):
        warnings.append("text in a complex script drawn unshaped: install uharfbuzz (pip install uharfbuzz)")
    return pdf, tuple(warnings)


def _needs_shaping(case: Case, record: Mapping[str, Any]) -> bool:
    texts = [case.buyer.display_name, case.seller.shop_name, case.claim.reason_text or "",
             str(record.get("rationale") or "")] + [e.description or "" for e in case.evidence]
    return any(0x0590 <= ord(ch) <= 0x0DFF or 0x0E00 <= ord(ch) <= 0x0E7F for text in texts for ch in text)


def _build(case: Case, record: Mapping[str, Any], copy: str, *, chain_head: str | None = None) -> bytes:
    if copy not in COPIES:
        raise ValueError(f"copy must be 'buyer' or 'seller', not {copy!r}")
    font = register_fonts()
    lang = T.language_for(case.language)
    tz = record.get("time_zone") or "UTC"
    decided = T.parse_ts(record.get("decided_at")) or case.opened_at
    ctx = _Context(case=case, record=record, copy=copy, lang=lang, font=font, tz=tz, fp=fingerprint(record),
                   decided_at=decided.astimezone(T.zone(tz)), styles=_styles(lang, font), scrub=_Scrubber(case))
    platform = ctx.platform
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=ctx.t("meta_title", case_id=case.case_id, copy=ctx.copy_label),
        subject=ctx.t("meta_subject", platform=platform, case_id=case.case_id, order_id=case.order.order_id),
        author=ctx.t("meta_author", platform=platform),
        creator="arbiter",
        # chain_head: the audit chain head when the notice was exported (issue 11; docs/trust.md)
        keywords=f"{case.case_id} {case.order.order_id} sha256:{ctx.fp}" + (f" chain:{chain_head}" if chain_head else ""),
        lang=T.pdf_lang(case.language), invariant=1, pageCompression=1,
        initialFontName=font,
    )
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, BODY_W, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM, id="body",
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(id="notice", frames=[frame])])
    doc.build(_story(ctx), canvasmaker=_canvas_maker(ctx))
    return buf.getvalue()
