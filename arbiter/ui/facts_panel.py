"""The facts tab: the order, its items and amounts, payment, delivery timeline, the parties, the claim in the
buyer's own words, and the facts behind each jurisdiction gate (from ``session.assessment().gates``).

Everything the parties or the platform wrote is shown as plain text. The reviewer may see personal data here
(names, phone, address, email); it is masked only in what leaves the workstation.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget,
)

from arbiter.ui import labels
from arbiter.ui.widgets.common import Badge

log = logging.getLogger(__name__)


def _plain(text: str, *, wrap: bool = True, muted: bool = False) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setText(text)
    if muted:
        label.setStyleSheet("color: #5f6b73;")
    return label


def ui_language() -> str:
    """"zh" when the interface is Chinese, else "en" (the keys of GateResult.facts)."""
    try:
        from arbiter.ui import i18n
        return "zh" if i18n.current_language().startswith("zh") else "en"
    except Exception:  # noqa: BLE001
        return "en"


class FactsPanel(QScrollArea):
    def __init__(self, session, zone=None, zone_name: str = "", parent=None):
        super().__init__(parent)
        self._session = session
        self._zone = zone
        self._zone_name = zone_name
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.gate_rows: dict[str, tuple[Badge, QLabel]] = {}
        self.rebuild()
        if hasattr(session, "changed"):
            session.changed.connect(self.refresh_gates)

    # ---------------------------------------------------------------- helpers
    def _t(self, at) -> str:
        if at is None:
            return "—"
        if self._zone is not None:
            at = at.astimezone(self._zone)
        return at.strftime("%Y-%m-%d %H:%M")

    def _money(self, amount) -> str:
        return f"{amount} {self._session.case.order.currency}"

    def rebuild(self) -> None:
        case = self._session.case
        order = case.order
        body = QWidget()
        outer = QVBoxLayout(body)
        outer.setContentsMargins(8, 8, 8, 8)
        outer.setSpacing(10)

        # --- gates first: they decide whether the platform intervenes at all
        gates_box = QGroupBox(self.tr("Jurisdiction gates — the facts behind each"))
        self.gates_layout = QGridLayout(gates_box)
        self.gates_layout.setColumnStretch(2, 1)
        self.gate_rows = {}
        outer.addWidget(gates_box)

        columns = QHBoxLayout()
        columns.setSpacing(10)
        left = QVBoxLayout()
        right = QVBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        outer.addLayout(columns)

        # --- order
        box = QGroupBox(self.tr("Order"))
        form = QFormLayout(box)
        form.addRow(self.tr("Order"), _plain(order.order_id))
        form.addRow(self.tr("Platform"), _plain(f"{labels.platform(case.platform.value)} · "
                                                f"{labels.region(case.region)} · {case.case_id}"))
        form.addRow(self.tr("Placed"), _plain(self._t(order.placed_at)))
        form.addRow(self.tr("Paid"), _plain(self._t(order.paid_at)))
        form.addRow(self.tr("Total paid"), _plain(self._money(order.total_paid)))
        form.addRow(self.tr("Shipping fee"), _plain(self._money(order.shipping_fee)))
        methods = {"card": self.tr("card"), "wallet": self.tr("wallet"), "bank_transfer": self.tr("bank transfer"),
                   "cod": self.tr("cash on delivery")}
        form.addRow(self.tr("Payment method"), _plain(methods.get(order.payment_method, order.payment_method)))
        form.addRow(self.tr("Cross-border"), _plain(self.tr("yes") if order.cross_border else self.tr("no")))
        items = []
        for item in order.items:
            flags = []
            if item.custom_made:
                flags.append(self.tr("custom-made"))
            if item.no_reason_return_eligible:
                flags.append(self.tr("no-reason return eligible"))
            line = f"{item.quantity} × {item.title} ({item.sku}) @ {self._money(item.unit_price)}"
            if flags:
                line += " — " + ", ".join(flags)
            items.append(line)
        form.addRow(self.tr("Items"), _plain("\n".join(items)))
        left.addWidget(box)

        # --- delivery
        box = QGroupBox(self.tr("Delivery"))
        form = QFormLayout(box)
        form.addRow(self.tr("Shipped"), _plain(self._t(order.shipped_at)))
        form.addRow(self.tr("Delivered"), _plain(self._t(order.delivered_at) if order.delivered_at
                                                 else self.tr("never delivered")))
        if order.logistics is not None:
            form.addRow(self.tr("Carrier"), _plain(f"{order.logistics.carrier} · {order.logistics.tracking_no}"))
            statuses = {"picked_up": self.tr("picked up"), "in_transit": self.tr("in transit"),
                        "out_for_delivery": self.tr("out for delivery"), "delivered": self.tr("delivered"),
                        "delivery_failed": self.tr("delivery failed"),
                        "returned_to_sender": self.tr("returned to sender"), "lost": self.tr("lost")}
            lines = [f"{self._t(ev.at)}  {statuses.get(ev.status.value, ev.status.value.replace('_', ' '))}"
                     + (f" — {ev.detail}" if ev.detail else "") for ev in order.logistics.events]
            form.addRow(self.tr("Tracking"), _plain("\n".join(lines) or "—"))
        left.addWidget(box)
        left.addStretch(1)

        # --- parties: the same fields, the same layout, side by side
        box = QGroupBox(self.tr("Parties"))
        grid = QGridLayout(box)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.addWidget(_plain(self.tr("Buyer"), muted=True), 0, 1)
        grid.addWidget(_plain(self.tr("Seller"), muted=True), 0, 2)
        rows = [
            (self.tr("Name"), case.buyer.display_name, case.seller.shop_name),
            (self.tr("Id"), case.buyer.id, case.seller.id),
            (self.tr("Phone"), case.buyer.phone or "—", case.seller.phone or "—"),
            (self.tr("Email"), case.buyer.email or "—", case.seller.email or "—"),
            (self.tr("Address"), case.buyer.address or "—", "—"),
        ]
        for r, (name, b, s) in enumerate(rows, start=1):
            grid.addWidget(_plain(name, muted=True), r, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(_plain(b), r, 1, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(_plain(s), r, 2, Qt.AlignmentFlag.AlignTop)
        right.addWidget(box)

        # --- claim and after-sale
        claim, after = case.claim, case.after_sale
        box = QGroupBox(self.tr("Claim and after-sale"))
        form = QFormLayout(box)
        remedies = {"refund_only": self.tr("refund only"), "return_and_refund": self.tr("return and refund"),
                    "replacement": self.tr("replacement"), "reship": self.tr("reship"),
                    "partial_refund": self.tr("partial refund")}
        responses = {"agreed": self.tr("agreed"), "rejected": self.tr("rejected"),
                     "no_response": self.tr("no response"), "partial_offer": self.tr("partial offer")}
        form.addRow(self.tr("Claim"), _plain(f"{labels.claim_type(claim.type.value)} · "
                                             f"{remedies.get(claim.requested_remedy.value, claim.requested_remedy.value)}"
                                             f" · {self._money(claim.amount)}"))
        form.addRow(self.tr("Applied"), _plain(self._t(claim.submitted_at)))
        words = _plain(claim.reason_text or "—")
        words.setStyleSheet("background: #f6f8fa; border-left: 3px solid #90a4ae; padding: 4px;")
        form.addRow(self.tr("In the buyer's words"), words)
        form.addRow(self.tr("Seller's response"), _plain(
            responses.get(after.seller_response.value, after.seller_response.value)
            + (f" · {self._t(after.seller_responded_at)}" if after.seller_responded_at else "")))
        form.addRow(self.tr("Intervention asked"), _plain(self._t(after.intervention_requested_at)))
        form.addRow(self.tr("Dispute opened"), _plain(self._t(case.opened_at)))
        form.addRow(self.tr("Settled between parties"),
                    _plain(self.tr("yes") if after.settled_between_parties else self.tr("no")))
        form.addRow(self.tr("Legal proceedings"), _plain(self.tr("yes") if after.legal_proceedings else self.tr("no")))
        if after.is_appeal or after.previous_appeals:
            form.addRow(self.tr("Appeals so far"), _plain(str(after.previous_appeals)))
            form.addRow(self.tr("Previous decision"), _plain(self._t(after.previous_decision_at)))
        right.addWidget(box)
        right.addStretch(1)
        if self._zone_name:
            outer.addWidget(_plain(self.tr("Times in %1 (the parties' time zone).").replace("%1", self._zone_name),
                                   muted=True))
        outer.addStretch(1)
        self.setWidget(body)
        self.refresh_gates()

    def refresh_gates(self) -> None:
        try:
            gates = tuple(self._session.assessment().gates)
        except Exception:  # noqa: BLE001 - never let the preview break the view of the facts
            log.exception("assessment failed")
            gates = ()
        lang = ui_language()
        layout = self.gates_layout
        if not gates and not self.gate_rows:
            if layout.count() == 0:
                layout.addWidget(_plain(self.tr("No gate facts available."), muted=True), 0, 0)
            return
        for row, gate in enumerate(gates):
            fact = gate.facts.get(lang) or gate.facts.get("en") or ""
            if gate.passed is True:
                text, tone = self.tr("✓ passed"), "success"
            elif gate.passed is False:
                text, tone = self.tr("✗ fails"), "danger"
            else:
                text, tone = self.tr("? to confirm"), "progress"
            how = self.tr("computed") if gate.computed else self.tr("reviewer")
            if gate.id in self.gate_rows:
                badge, label = self.gate_rows[gate.id]
            else:
                badge = Badge("")
                badge.setTextFormat(Qt.TextFormat.PlainText)
                badge.setMinimumWidth(90)
                label = _plain("")
                layout.addWidget(badge, row, 0, Qt.AlignmentFlag.AlignTop)
                layout.addWidget(_plain(labels.gate(gate.id), wrap=False, muted=True), row, 1, Qt.AlignmentFlag.AlignTop)
                layout.addWidget(label, row, 2)
                self.gate_rows[gate.id] = (badge, label)
            badge.setText(text)
            badge.set_tone(tone)
            label.setText(f"{fact}  ({how})")
