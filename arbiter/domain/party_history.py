"""Party history: what the database knows of this buyer and this seller from earlier cases, as facts with equal
weight for both sides, never a score (issue 13). Pure: the store fills :class:`PartyHistory`; this module only
words it."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from arbiter.domain.masking import mask_address, mask_phone

#: how an earlier case ended: the outcome of its current verdict, else "open"
OUTCOMES = ("buyer_favoured", "seller_favoured", "partial", "declined", "open")


@dataclass(frozen=True, slots=True)
class EarlierCase:
    case_id: str
    outcome: str          # one of OUTCOMES


@dataclass(frozen=True, slots=True)
class PartySide:
    role: str             # "buyer" | "seller"
    party_id: str
    name: str
    earlier: tuple[EarlierCase, ...]

    def outcome_counts(self) -> dict[str, int]:
        counts = Counter(c.outcome for c in self.earlier)
        return {o: counts[o] for o in OUTCOMES if counts[o]}


@dataclass(frozen=True, slots=True)
class SharedContact:
    """The same phone or address as this case's party, under another name, in another case."""
    role: str             # whose contact: "buyer" | "seller"
    kind: str             # "phone" | "address"
    value: str            # as this case has it (masked when shown outside the workstation)
    other_case_id: str
    other_party_id: str
    other_name: str


@dataclass(frozen=True, slots=True)
class PartyHistory:
    buyer: PartySide
    seller: PartySide
    shared: tuple[SharedContact, ...]


_WORDS = {
    "en": {"buyer": "buyer", "seller": "seller", "none": "no earlier cases in this database",
           "earlier": "{n} earlier case(s)", "phone": "phone", "address": "address",
           "shared": "{role} {kind} {value} also used by {name} ({pid}) in {case}",
           "buyer_favoured": "buyer favoured", "seller_favoured": "seller favoured", "partial": "partial",
           "declined": "declined", "open": "open"},
    "zh": {"buyer": "买家", "seller": "卖家", "none": "本库中没有更早的案件",
           "earlier": "更早案件 {n} 件", "phone": "电话", "address": "地址",
           "shared": "{role}{kind} {value} 也被 {name}（{pid}）在 {case} 中使用",
           "buyer_favoured": "支持买家", "seller_favoured": "支持卖家", "partial": "部分支持",
           "declined": "不予受理", "open": "未结"},
}


def side_line(side: PartySide, lang: str = "en") -> str:
    zh = lang.startswith("zh")
    w = _WORDS["zh" if zh else "en"]
    # Chinese takes full-width brackets, colon and comma
    open_, close, colon, comma = ("（", "）", "：", "，") if zh else (" (", ")", ": ", ", ")
    head = f"{w[side.role]} {side.party_id}{open_}{side.name}{close}{colon}"
    if not side.earlier:
        return head + w["none"]
    counts = comma.join(f"{w[o]} {n}" for o, n in side.outcome_counts().items())
    cases = ", ".join(c.case_id for c in side.earlier[:10]) + (" ..." if len(side.earlier) > 10 else "")
    return head + w["earlier"].format(n=len(side.earlier)) + f"{colon}{counts}{open_}{cases}{close}"


def shared_line(s: SharedContact, lang: str = "en", *, masked: bool = False) -> str:
    w = _WORDS["zh" if lang.startswith("zh") else "en"]
    value = (mask_phone(s.value) if s.kind == "phone" else mask_address(s.value)) if masked else s.value
    return w["shared"].format(role=w[s.role], kind=w[s.kind], value=value, name=s.other_name,
                              pid=s.other_party_id, case=s.other_case_id)


def history_lines(history: PartyHistory, lang: str = "en") -> list[str]:
    """Buyer first, then seller, worded alike; then shared contacts."""
    return ([side_line(history.buyer, lang), side_line(history.seller, lang)]
            + [shared_line(s, lang) for s in history.shared])
