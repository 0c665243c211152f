"""The queue's words: time left to the nearest deadline, the supervisor's return, amounts, read errors (the
queue model's and the case's strip's; translated in the ``QueueModel`` context)."""
from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale

from arbiter.ui.widgets.common import plain_error

translate = QCoreApplication.translate  # lupdate reads translate("Context", "text") calls


def time_left(deadline: datetime | None, now: datetime) -> tuple[str, str | None]:
    """(text, tone) for the nearest deadline: ``"2 d 4 h"``, ``"5 h 10 min"``, ``"overdue 3 h"``; tone
    ``"danger"`` when overdue, ``"warning"`` within 24 hours, else ``None``."""
    if deadline is None:
        return "—", None
    seconds = int((deadline - now).total_seconds())
    overdue = seconds < 0
    seconds = abs(seconds)
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    if days >= 10:
        span = translate("QueueModel", "%1 d").replace("%1", str(days))
    elif days:
        span = translate("QueueModel", "%1 d %2 h").replace("%1", str(days)).replace("%2", str(hours))
    elif hours:
        span = translate("QueueModel", "%1 h %2 min").replace("%1", str(hours)).replace("%2", str(minutes))
    else:
        span = translate("QueueModel", "%1 min").replace("%1", str(minutes))
    if overdue:
        return translate("QueueModel", "overdue %1").replace("%1", span), "danger"
    return span, ("warning" if seconds < 86400 else None)


def returned_text(mark: Any) -> str:
    """The supervisor's return in words: who, when, and the note (the queue's tooltip, the case's banner)."""
    when = mark.at.astimezone()
    text = translate("QueueModel", "Returned by %1 on %2: %3").replace("%1", mark.supervisor).replace(
        "%2", QLocale().toString(when.date(), QLocale.FormatType.ShortFormat) + when.strftime(" %H:%M"))
    return text.replace("%3", mark.note or "—")


def _read_failed(exc: BaseException) -> str:
    return translate("QueueModel", "The case queue could not be read: %1").replace("%1", plain_error(exc))


def _format_amount(amount: Any, currency: str) -> str:
    try:
        from arbiter.domain.money import format_money

        return format_money(amount, currency)
    except Exception:  # noqa: BLE001 - an odd currency code still shows the number
        return f"{amount} {currency}"
