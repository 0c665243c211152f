"""Sample cases for evidence forensics (issue 13), kept out of make_samples.py's own list of cases so the two
can change separately. ``make_samples.py`` adds ``forensic_cases(<its own module>)`` to its CASES.

Two buyers, one photo: ``tts-uk-lamp-box-dented`` is an honest claim whose photo of a dented parcel
``tts-uk-lamp-box-reused`` sends again, nine days later under another buyer name with the same phone number,
resized, cropped, brightened and re-compressed, its EXIF saying Adobe Photoshop, a capture time before that
order's delivery (no UTC offset, so read in Europe/London) and an embedded preview of another picture.
"""
from __future__ import annotations

import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tests.photos import exif_block  # noqa: E402 - one EXIF writer for tests, bench and samples


def _jpeg(img, *, quality: int, exif: bytes | None = None) -> bytes:
    buf = io.BytesIO()
    kwargs = {"quality": quality, "optimize": True}
    if exif:
        kwargs["exif"] = exif
    img.convert("RGB").save(buf, "JPEG", **kwargs)
    return buf.getvalue()


def _box_photo(ms):
    """The parcel in a porch: the drawn parcel, smaller and off-centre, on a photo-like scene of its own (so it
    is not a near-copy of the other samples' parcels, which share one drawing)."""
    from tests.photos import photo

    scene = photo(7101, (800, 600))
    parcel = ms.draw_parcel(71, dent=True, carrier="EVRI", label_lines=["48h Tracked", "Flat 2, 9 Mill Lane",
                                                                         "Leeds LS6 3AB"], fragile="GLASS")
    part = parcel.crop((120, 120, 700, 580)).resize((406, 322))
    scene.paste(part, (330, 40))
    return scene


def _open_box_photo(ms):
    from tests.photos import photo

    scene = photo(7102, (800, 600))
    box = ms.draw_open_box(72, ["Lamp base", "Shade (broken)", "Cable", "Bulb"])
    scene.paste(box.crop((100, 70, 700, 540)).resize((480, 376)), (40, 180))
    return scene


def _order(ms, t, order_id, placed, delivered, tracking):
    return {
        "order_id": order_id, "placed_at": t(placed), "paid_at": t(placed), "shipped_at": t(placed[:5] + " 23:40"),
        "delivered_at": t(delivered), "cross_border": False, "payment_method": "card", "currency": "GBP",
        "total_paid": "34.99", "shipping_fee": "0.00",
        "items": [ms.item("LMP-GLS-30", "Glass table lamp, 30 cm, smoke grey", 1, "34.99")],
        "logistics": {"carrier": "Evri", "tracking_no": tracking, "events": [
            {"at": t(placed[:5] + " 23:40"), "status": "picked_up", "detail": "Collected from Lumen & Co, Leicester"},
            {"at": t(delivered[:5] + " 07:02"), "status": "out_for_delivery", "detail": "With the courier"},
            {"at": t(delivered), "status": "delivered", "detail": "Delivered, left in porch"},
        ]},
    }


SELLER = {"id": "TTS-SLR-61870", "shop_name": "Lumen & Co", "phone": "+44 116 496 0388",
          "email": "care@lumenco.example"}


def case_tts_uk_lamp_box_dented(ms):
    t = ms.Clock("+00:00")
    s = ms.Sample(
        "tts-uk-lamp-box-dented",
        "damaged in transit, photo of the dented parcel (EXIF with the camera's offset, taken after delivery); "
        "the same photo comes back in tts-uk-lamp-box-reused (evidence forensics: seen in another case)",
        "buyer_favoured: refund_only 34.99 GBP, liability carrier",
        ms.base_case("TTS-UK-250303-0012", "tiktok_shop", "UK", "en", t("03-03 10:00")),
    )
    s.case["order"] = _order(ms, t, "577112093318840127", "02-27 20:15", "03-01 12:40", "H01HYA0012345678")
    s.case["buyer"] = {"id": "TTB-4410923", "display_name": "Daniel Hughes", "phone": "+44 7700 900761",
                       "address": "Flat 2, 9 Mill Lane, Leeds LS6 3AB", "email": "d.hughes@example.co.uk"}
    s.case["seller"] = dict(SELLER)
    s.case["claim"] = {"type": "damaged", "requested_remedy": "refund_only", "amount": "34.99",
                       "reason_text": "The parcel was crushed on one corner and the glass shade inside is broken.",
                       "submitted_at": t("03-01 18:30")}
    s.case["after_sale"] = {"seller_response": "rejected", "seller_responded_at": t("03-02 09:15"),
                            "intervention_requested_at": t("03-03 09:40"), "settled_between_parties": False,
                            "legal_proceedings": False, "previous_appeals": 0}
    photo = _box_photo(ms)
    exif = exif_block(taken=t.exif("03-01 12:58"), offset="+00:00", make="Apple", model="iPhone 14",
                      software="17.3.1")
    s.add_evidence("E1", "buyer", 1, t("03-01 18:30"), "photo", "parcel_dented", _jpeg(photo, quality=85, exif=exif),
                   "jpg", "The parcel as it was left in the porch, crushed corner", restaged=False)
    s.add_evidence("E2", "buyer", 1, t("03-01 18:30"), "photo", "lamp_shade",
                   _jpeg(_open_box_photo(ms), quality=85,
                         exif=exif_block(taken=t.exif("03-01 13:05"), offset="+00:00", make="Apple",
                                         model="iPhone 14", software="17.3.1")),
                   "jpg", "Inside the box: the shade is in pieces", restaged=False)
    chat = [
        ms.msg("M1", t("03-01 18:35"), "buyer", "Hi, the lamp arrived today, the box is crushed and the glass shade "
               "is broken. Photos attached.", ["E1", "E2"]),
        ms.msg("M2", t("03-02 09:15"), "seller", "We pack every lamp in foam; it left us in perfect condition. "
               "Please take it up with Evri."),
        ms.msg("M3", t("03-02 10:02"), "buyer", "I bought it from you, not from Evri. I'd like a refund please."),
    ]
    s.case["chat_logs"] = [
        {"owner": "buyer", "channel": "buyer_seller", "messages": chat},
        {"owner": "seller", "channel": "buyer_seller", "messages": ms.copy_of(chat)},
    ]
    s.answers = ms.answers(
        t("03-04 11:00"), "r.chen", {"E1": "admissible", "E2": "admissible"},
        "E1 shows the parcel crushed at one corner as delivered (taken 18 minutes after the delivery scan) and E2 "
        "the broken shade inside: damage in transit. The seller does not dispute it (M2), only who should pay.",
        finding="supported", problem="damaged", remedy="refund_only", amount="34.99",
        damage_extent="complete")
    return s


def case_tts_uk_lamp_box_reused(ms):
    t = ms.Clock("+00:00")
    s = ms.Sample(
        "tts-uk-lamp-box-reused",
        "evidence forensics: E1 is tts-uk-lamp-box-dented's photo resized, cropped, brightened and re-compressed; "
        "EXIF names Adobe Photoshop, its capture time (no offset: read in Europe/London) is before this order's "
        "delivery, its embedded preview shows another picture; the buyer's phone is the other case's buyer's",
        "seller_favoured: E1 not authentic, claim not supported",
        ms.base_case("TTS-UK-250312-0044", "tiktok_shop", "UK", "en", t("03-12 16:00")),
    )
    s.case["order"] = _order(ms, t, "577112098870551904", "03-08 21:05", "03-10 14:20", "H01HYA0098765432")
    s.case["buyer"] = {"id": "TTB-5190377", "display_name": "Priya Shah", "phone": "+44 7700 900761",
                       "address": "14 Cardigan Road, Leeds LS6 1LJ", "email": "priya.s@example.co.uk"}
    s.case["seller"] = dict(SELLER)
    s.case["claim"] = {"type": "damaged", "requested_remedy": "refund_only", "amount": "34.99",
                       "reason_text": "Box arrived crushed, lamp broken.", "submitted_at": t("03-10 19:45")}
    s.case["after_sale"] = {"seller_response": "rejected", "seller_responded_at": t("03-11 09:30"),
                            "intervention_requested_at": t("03-12 15:30"), "settled_between_parties": False,
                            "legal_proceedings": False, "previous_appeals": 0}
    photo = _box_photo(ms)
    w, h = photo.size
    small = photo.resize((round(w * 0.62), round(h * 0.62)), ms.Image.Resampling.LANCZOS)
    sw, sh = small.size
    cropped = small.crop((round(sw * 0.04), round(sh * 0.03), round(sw * 0.95), round(sh * 0.98)))
    from PIL import ImageEnhance

    bright = ImageEnhance.Brightness(cropped).enhance(1.2)
    other = ms.draw_open_box(73, ["Lamp base", "Shade", "Cable", "Bulb"]).resize((160, 120))
    exif = exif_block(taken=t.exif("03-09 18:20"), make="Apple", model="iPhone 14",
                      software="Adobe Photoshop 25.4 (Macintosh)", thumbnail=_jpeg(other, quality=70))
    s.add_evidence("E1", "buyer", 1, t("03-10 19:45"), "photo", "parcel", _jpeg(bright, quality=68, exif=exif),
                   "jpg", "Crushed box", restaged=False)
    chat = [
        ms.msg("M1", t("03-10 19:50"), "buyer", "The box came crushed and the lamp is broken, see photo.", ["E1"]),
        ms.msg("M2", t("03-11 09:30"), "seller", "Our courier's photo shows the box intact at delivery. Could you "
               "send a photo of the lamp itself?"),
        ms.msg("M3", t("03-11 20:10"), "buyer", "The photo is enough. I want my money back."),
    ]
    s.case["chat_logs"] = [
        {"owner": "buyer", "channel": "buyer_seller", "messages": chat},
        {"owner": "seller", "channel": "buyer_seller", "messages": ms.copy_of(chat)},
    ]
    s.answers = ms.answers(
        t("03-13 10:30"), "r.chen", {"E1": "not_authentic"},
        "E1: seen in case TTS-UK-250303-0012, where the same parcel photo was submitted nine days earlier by "
        "another buyer; its metadata names Adobe Photoshop and a capture time before this order was delivered. "
        "No other evidence shows damage, and the buyer declined to photograph the lamp (M3).",
        finding="insufficient", problem=None, remedy="none", amount="0.00")
    return s


def forensic_cases(ms) -> list:
    """The case functions, bound to make_samples' helpers (passed in as its module)."""
    return [lambda: case_tts_uk_lamp_box_dented(ms), lambda: case_tts_uk_lamp_box_reused(ms)]
