"""The decision a review leads to, in words: outcome, remedy, liability and deadlines of a decision record (the
live preview or the signed record). Only words here; the record comes from the domain."""
from __future__ import annotations

import html
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from arbiter.ui import labels

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def remedy_text(remedy: dict) -> str:
    """One line for the remedy that never says "return" and "no return" together: an exempt return is worded as
    a remedy without return, with the reason."""
    kind = remedy.get("type")
    exemption = remedy.get("return_exemption")
    if kind == "return_and_refund" and exemption:
        text = translate("Preview", "Refund without return")
    elif kind == "replacement" and exemption:
        text = translate("Preview", "Replacement without return")
    else:
        text = labels.remedy(kind)
    if kind in (None, "none"):
        return text
    parts = [text]
    if remedy.get("refund_route") or kind in ("refund_only", "return_and_refund", "partial_refund"):
        parts.append(f"{remedy.get('amount')} {remedy.get('currency')}")
    if remedy.get("return_required"):
        parts.append(translate("Preview", "the buyer returns the goods"))
    elif exemption:
        parts.append(translate("Preview", "exempt from return: {why}").format(why=labels.problem(exemption)))
    route = remedy.get("refund_route")
    if route:
        parts.append(labels.refund_route(route))
    if remedy.get("shipping_borne_by"):
        parts.append(translate("Preview", "shipping borne by {party}").format(
            party=labels.party(remedy["shipping_borne_by"])))
    return translate("Preview", ", ").join(parts)   # "，" in Chinese


def format_due(due: str | None, zone: str) -> str:
    if not due:
        return ""
    try:
        when = datetime.fromisoformat(due)
    except ValueError:
        return due
    offset = when.strftime("%z")
    return f"{when.strftime('%Y-%m-%d %H:%M')} ({zone}, UTC{offset[:3]}:{offset[3:]})"


def deadline_rule(deadline: dict) -> str:
    """A deadline that counts from a later event, worded from its rule as data (``after``, ``counts_from``)."""
    after = deadline.get("after") or ""
    amount, unit = after[:-1], after[-1:]
    span = (translate("Preview", "{n} h").format(n=amount) if unit == "h"
            else translate("Preview", "{n} days").format(n=amount)) if amount else ""
    event = {
        "buyer_tracking_upload": translate("Preview", "the buyer uploads the return tracking number"),
        "seller_receipt": translate("Preview", "the seller confirms receipt"),
        "seller_confirms_receipt": translate("Preview", "the seller confirms receipt"),
    }.get(deadline.get("counts_from") or "", (deadline.get("counts_from") or "").replace("_", " "))
    if span and event:
        return translate("Preview", "{span} after {event}").format(span=span, event=event)
    return deadline.get("rule") or ""


def deadlines_html(record: dict | None) -> str:
    esc = html.escape
    if record is None:
        return esc(translate("Preview", "The deadlines are derived once every question is answered."))
    zone = record.get("time_zone") or ""
    items = []
    for d in record.get("deadlines") or []:
        due = format_due(d.get("due"), zone)
        what = f"<b>{esc(labels.deadline(d.get('id', '')))}</b> ({esc(labels.party(d.get('party')))})"
        items.append(f"<li>{what}: {esc(due or deadline_rule(d))}</li>")
    if not items:
        return esc(translate("Preview", "No deadlines apply to this outcome."))
    return f"<ul style='margin-top:2px'>{''.join(items)}</ul>"


def summary_html(record: dict | None, state, policy, *, signed: bool) -> str:
    """The preview (or the signed verdict) as a small table: outcome, remedy, liability, policy."""
    esc = html.escape
    rows: list[tuple[str, str]] = []
    if record is None:
        rows.append((translate("Preview", "Outcome"), labels.outcome(state.outcome)))
        rows.append((translate("Preview", "Remedy"), translate("Preview", "derived once the answers are complete")))
        rows.append((translate("Preview", "Liability"), translate("Preview", "derived once the answers are complete")))
    else:
        text = labels.outcome(record.get("outcome"))
        if record.get("flagged_for_supervisor"):
            text += " — " + translate("Preview", "overridden (derived: {derived}); flagged for supervisor review").format(
                derived=labels.outcome(record.get("derived_outcome")))
        rows.append((translate("Preview", "Outcome"), text))
        rows.append((translate("Preview", "Remedy"), remedy_text(record.get("remedy") or {})))
        rows.append((translate("Preview", "Liability"), labels.liability(record.get("liability"))))
    if state.assessment.sea_qualifies:
        rows.append((translate("Preview", "South-East Asia"),
                     translate("Preview", "qualifies for automatic refund without return")))
    rows.append((translate("Preview", "Policy"), f"{policy.id} {policy.version}"))
    table = "".join(f"<tr><td style='padding-right:10px'><b>{esc(k)}</b></td><td>{esc(v)}</td></tr>"
                    for k, v in rows)
    title = translate("Preview", "Signed verdict") if signed else translate("Preview", "Preview (not signed)")
    return f"<b>{esc(title)}</b><table>{table}</table>"
