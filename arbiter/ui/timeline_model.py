"""The case timeline as a table: time | what | who | details. Rows come from
:func:`arbiter.domain.timeline.build_timeline`; titles are translated here, the parties' words are shown as
plain text."""
from __future__ import annotations

import html
from datetime import tzinfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from arbiter.domain.timeline import TimelineEvent, build_timeline
from arbiter.ui import labels

EventRole = Qt.ItemDataRole.UserRole + 1
RefRole = Qt.ItemDataRole.UserRole + 2

KIND_COLORS = {"order": "#eceff1", "logistics": "#e8f5e9", "after_sale": "#fff4d6", "evidence": "#e3f2fd",
               "chat": "#ffffff"}


def display_zone(session) -> tuple[tzinfo | None, str]:
    """The parties' time zone (from the session's policy) and its name; ``(None, "")`` when unknown."""
    policy = getattr(session, "policy", None)
    case = session.case
    if policy is not None and hasattr(policy, "tzinfo_for"):
        try:
            return policy.tzinfo_for(case.region, case.opened_at)
        except Exception:  # noqa: BLE001 - an unknown zone: show times as recorded
            pass
    return None, ""


class TimelineModel(QAbstractTableModel):
    COLUMNS = 4

    def __init__(self, case, zone: tzinfo | None = None, parent=None):
        super().__init__(parent)
        self.events: list[TimelineEvent] = build_timeline(case)
        self._zone = zone
        self._row_of_ref: dict[str, int] = {}
        for n, event in enumerate(self.events):
            if event.ref:
                self._row_of_ref.setdefault(event.ref, n)

    def row_of_ref(self, ref: str) -> int | None:
        return self._row_of_ref.get(ref)

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.events)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else self.COLUMNS

    def retranslate(self) -> None:
        """The language changed: headers and titles are translated when asked for, so tell the views to ask."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMNS - 1)
        if self.events:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.events) - 1, self.COLUMNS - 1))

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Time"), self.tr("Kind"), self.tr("Who"), self.tr("Event"))[section]

    def kind_label(self, kind: str) -> str:
        return {"order": self.tr("Order"), "logistics": self.tr("Logistics"), "after_sale": self.tr("After-sale"),
                "evidence": self.tr("Evidence"), "chat": self.tr("Chat")}.get(kind, kind)

    def party_label(self, party: str | None) -> str:
        return {"buyer": self.tr("Buyer"), "seller": self.tr("Seller"), "platform": self.tr("Platform"),
                "system": self.tr("System"), "carrier": self.tr("Carrier"), None: "—"}.get(party, party or "—")

    def title(self, event: TimelineEvent) -> str:
        p = event.params
        key = event.title_key
        if key.startswith("logistics."):
            status = {"picked_up": self.tr("picked up"), "in_transit": self.tr("in transit"),
                      "out_for_delivery": self.tr("out for delivery"), "delivered": self.tr("delivered"),
                      "delivery_failed": self.tr("delivery failed"),
                      "returned_to_sender": self.tr("returned to sender"), "lost": self.tr("lost")}
            text = self.tr("Parcel %1").replace("%1", status.get(p.get("status"), p.get("status", "")))
        elif key == "order.placed":
            text = self.tr("Order %1 placed").replace("%1", p.get("order_id", ""))
        elif key == "order.paid":
            methods = {"card": self.tr("card"), "wallet": self.tr("wallet"), "bank_transfer": self.tr("bank transfer"),
                       "cod": self.tr("cash on delivery")}
            method = p.get("payment_method", "")
            text = self.tr("Paid %1 %2 by %3").replace("%1", p.get("amount", "")).replace(
                "%2", p.get("currency", "")).replace("%3", methods.get(method, method))
        elif key == "order.shipped":
            text = self.tr("Shipped")
        elif key == "order.delivered":
            text = self.tr("Delivered")
        elif key == "claim.submitted":
            remedies = {"refund_only": self.tr("refund only"), "return_and_refund": self.tr("return and refund"),
                        "replacement": self.tr("replacement"), "reship": self.tr("reship"),
                        "partial_refund": self.tr("partial refund")}
            text = self.tr("After-sale application: %1, asks %2 %3 (%4)").replace(
                "%1", labels.claim_type(p.get("type", ""))).replace("%2", p.get("amount", "")).replace(
                "%3", p.get("currency", "")).replace("%4", remedies.get(p.get("remedy"), p.get("remedy", "")))
        elif key == "seller.responded":
            responses = {"agreed": self.tr("agreed"), "rejected": self.tr("rejected"),
                         "no_response": self.tr("no response"), "partial_offer": self.tr("partial offer")}
            text = self.tr("Seller responded: %1").replace("%1", responses.get(p.get("response"), p.get("response", "")))
        elif key == "intervention.requested":
            text = self.tr("Buyer asked the platform to intervene")
        elif key == "dispute.opened":
            text = self.tr("Platform opened dispute %1").replace("%1", p.get("case_id", ""))
        elif key == "previous.decision":
            text = self.tr("Previous decision (appeal)")
        elif key == "evidence.submitted":
            kind = p.get("kind", "")
            text = self.tr("Evidence %1 submitted (%2, submission %3)").replace("%1", p.get("id", "")).replace(
                "%2", labels.evidence_kind(kind)).replace("%3", str(p.get("submission", "")))
            if p.get("primary"):
                text += " · " + self.tr("primary")
            elif p.get("submission", 1) >= 2:
                text += " · " + (self.tr("requested") if p.get("requested") else self.tr("not requested"))
        elif key == "chat.message":
            text = self.tr("Message %1").replace("%1", p.get("id", ""))
            mark = p.get("mark")
            if mark == "missing_in_buyer":
                text += " · " + self.tr("not in the buyer's copy")
            elif mark == "missing_in_seller":
                text += " · " + self.tr("not in the seller's copy")
            elif mark == "edited":
                text += " · " + self.tr("copies differ")
        else:
            text = key
        if event.text:
            text += ": " + " ".join(event.text.split())
        return text

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        event = self.events[index.row()]
        column = index.column()
        if role == EventRole:
            return event
        if role == RefRole:
            return event.ref
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                at = event.at.astimezone(self._zone) if self._zone is not None else event.at
                return at.strftime("%Y-%m-%d %H:%M")
            if column == 1:
                return self.kind_label(event.kind)
            if column == 2:
                return self.party_label(event.party)
            return self.title(event)
        if role == Qt.ItemDataRole.ToolTipRole and column == 3:
            return "<qt>" + html.escape(self.title(event)).replace("\n", "<br>") + "</qt>"
        if role == Qt.ItemDataRole.BackgroundRole and column == 1:
            return QBrush(QColor(KIND_COLORS.get(event.kind, "#ffffff")))
        return None
