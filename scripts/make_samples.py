#!/usr/bin/env python3
"""Write the bundled sample cases: ``resources/samples/<name>.arbcase`` and ``resources/sample-answers/<name>.answers.json``.

Deterministic: running it twice gives the same bytes (fixed ZIP timestamps and attributes, sorted members,
images drawn from fixed shapes, a seeded RNG for texture, ReportLab in invariant mode). The bytes depend on the
installed Pillow, libjpeg, zlib, ReportLab and fonts, so regenerate and commit on one machine.

    python scripts/make_samples.py                 # writes into resources/
    python scripts/make_samples.py --out /tmp/x    # writes /tmp/x/samples/*.arbcase, /tmp/x/sample-answers/*

Each case is described by one function below (``case_*``) that returns the case.json data, the evidence files
and the answers a careful reviewer would give. docs/samples.md lists them.
"""
from __future__ import annotations

import argparse
import hashlib
import io
import json
import math
import random
import sys
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from PIL import Image, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parent.parent
ZIP_DATE = (2025, 1, 1, 0, 0, 0)
W, H = 800, 600

# --------------------------------------------------------------------------------------------------- fonts

_LATIN_FONTS = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/Library/Fonts/Arial.ttf",
    "C:/Windows/Fonts/arial.ttf",
]
_LATIN_BOLD = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf",
    "C:/Windows/Fonts/arialbd.ttf",
]
_CJK_FONTS = [
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "C:/Windows/Fonts/msyh.ttc",
    "/System/Library/Fonts/PingFang.ttc",
]
_font_cache: dict[tuple, ImageFont.ImageFont] = {}


def _first_existing(paths: list[str]) -> str | None:
    for path in paths:
        if Path(path).is_file():
            return path
    return None


def font(size: int, *, cjk: bool = False, bold: bool = False):
    key = (size, cjk, bold)
    if key not in _font_cache:
        path = _first_existing(_CJK_FONTS if cjk else (_LATIN_BOLD if bold else _LATIN_FONTS))
        if path is None and not cjk:
            path = _first_existing(_CJK_FONTS)
        if path is None:
            _font_cache[key] = ImageFont.load_default(size)
        else:
            _font_cache[key] = ImageFont.truetype(path, size, layout_engine=ImageFont.Layout.BASIC)
    return _font_cache[key]


def _is_cjk(text: str) -> bool:
    return any(ord(c) > 0x2E80 for c in text)


def tfont(text: str, size: int, bold: bool = False):
    return font(size, cjk=_is_cjk(text), bold=bold)


def wrap(text: str, fnt, width: int) -> list[str]:
    """Greedy wrap: by word for Latin text, by character for CJK."""
    lines: list[str] = []
    for para in text.split("\n"):
        tokens = list(para) if _is_cjk(para) else para.split(" ")
        sep = "" if _is_cjk(para) else " "
        line = ""
        for tok in tokens:
            trial = tok if not line else line + sep + tok
            if fnt.getlength(trial) <= width or not line:
                line = trial
            else:
                lines.append(line)
                line = tok
        lines.append(line)
    return lines


# --------------------------------------------------------------------------------------------------- drawing

def gradient(top: tuple, bottom: tuple, size=(W, H)) -> Image.Image:
    w, h = size
    img = Image.new("RGB", size, top)
    d = ImageDraw.Draw(img)
    for y in range(h):
        t = y / max(1, h - 1)
        d.line([(0, y), (w, y)], fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom)))
    return img


def grain(img: Image.Image, seed: int, amount: int = 60) -> Image.Image:
    """Light deterministic sensor noise so photos do not look like vector art."""
    rng = random.Random(seed)
    w, h = img.size
    small = Image.new("L", (w // 4, h // 4))
    small.putdata([128 + rng.randint(-amount, amount) for _ in range((w // 4) * (h // 4))])
    noise = small.resize((w, h), Image.Resampling.BILINEAR)
    return Image.blend(img, Image.merge("RGB", (noise, noise, noise)), 0.06)


def wood_table(seed: int, base=(150, 105, 70)) -> Image.Image:
    rng = random.Random(seed)
    img = gradient(tuple(min(255, c + 25) for c in base), tuple(max(0, c - 25) for c in base))
    d = ImageDraw.Draw(img)
    for i in range(60):
        y = rng.randint(0, H)
        amp = rng.randint(2, 8)
        shade = tuple(max(0, c - rng.randint(10, 35)) for c in base)
        period = rng.randint(60, 140)
        pts = [(x, y + amp * math.sin(x / period + i)) for x in range(0, W + 8, 8)]
        d.line(pts, fill=shade, width=rng.randint(1, 2))
    return img


def shadow(img: Image.Image, box, radius=18, opacity=90):
    layer = Image.new("L", img.size, 0)
    ImageDraw.Draw(layer).ellipse(box, fill=opacity)
    layer = layer.filter(ImageFilter.GaussianBlur(radius))
    img.paste((30, 20, 15), (0, 0), layer)


def stamp(img: Image.Image, text: str, xy, color=(255, 255, 255), size=16):
    ImageDraw.Draw(img).text(xy, text, fill=color, font=tfont(text, size))


def barcode(d: ImageDraw.ImageDraw, x: int, y: int, w: int, h: int, seed: int):
    rng = random.Random(seed)
    cx = x
    while cx < x + w:
        bw = rng.choice([1, 1, 2, 3])
        d.rectangle([cx, y, cx + bw - 1, y + h], fill=(20, 20, 20))
        cx += bw + rng.choice([1, 2, 2, 3])


def draw_mug(seed: int, crack: bool = True, color=(245, 245, 240), text: str | None = None) -> Image.Image:
    img = wood_table(seed)
    shadow(img, (230, 440, 600, 520))
    d = ImageDraw.Draw(img)
    body = (260, 170, 520, 480)
    # handle
    d.ellipse((470, 230, 620, 400), outline=tuple(c - 25 for c in color), width=34)
    d.ellipse((470, 230, 620, 400), outline=color, width=24)
    # body with shading
    d.rounded_rectangle(body, radius=30, fill=color)
    for i in range(40):
        shade = tuple(max(0, c - int(40 * (i / 40) ** 2)) for c in color)
        d.line([(body[2] - 40 + i, body[1] + 20), (body[2] - 40 + i, body[3] - 20)], fill=shade)
        d.line([(body[0] + 40 - i, body[1] + 20), (body[0] + 40 - i, body[3] - 20)], fill=shade)
    d.ellipse((260, 140, 520, 200), fill=tuple(c - 15 for c in color), outline=tuple(c - 45 for c in color), width=3)
    d.ellipse((275, 150, 505, 192), fill=(90, 60, 40))  # coffee stain inside / dark interior
    d.ellipse((285, 155, 495, 188), fill=(60, 40, 28))
    if text:
        f = tfont(text, 34)
        tw = f.getlength(text)
        d.text(((260 + 520 - tw) / 2, 300), text, fill=(40, 60, 110), font=f)
    if crack:
        rng = random.Random(seed + 1)
        x, y = 380, 190
        pts = [(x, y)]
        for _ in range(14):
            x += rng.randint(-14, 16)
            y += rng.randint(12, 22)
            pts.append((x, y))
        d.line(pts, fill=(70, 65, 60), width=3, joint="curve")
        branch = pts[6]
        d.line([branch, (branch[0] + 35, branch[1] + 18), (branch[0] + 52, branch[1] + 45)], fill=(90, 85, 80), width=2)
        # chip on the rim
        d.polygon([(368, 186), (392, 186), (384, 200)], fill=(200, 195, 185))
    return grain(img, seed)


def draw_parcel(seed: int, dent: bool = True, carrier: str = "ROYAL MAIL", label_lines=(), fragile: str = "FRAGILE",
                floor=(190, 185, 175)) -> Image.Image:
    img = gradient(floor, tuple(c - 50 for c in floor))
    shadow(img, (150, 470, 680, 560), radius=20)
    d = ImageDraw.Draw(img)
    front = [(170, 240), (540, 240), (540, 520), (170, 520)]
    top = [(170, 240), (300, 150), (660, 150), (540, 240)]
    side = [(540, 240), (660, 150), (660, 420), (540, 520)]
    d.polygon(front, fill=(196, 152, 98))
    d.polygon(top, fill=(214, 172, 118))
    d.polygon(side, fill=(164, 122, 76))
    # tape
    d.polygon([(340, 240), (470, 150), (510, 150), (380, 240)], fill=(225, 200, 150))
    d.polygon([(340, 240), (380, 240), (380, 330), (340, 330)], fill=(225, 200, 150))
    # shipping label
    d.rectangle((200, 300, 420, 470), fill=(250, 250, 248), outline=(120, 120, 120))
    d.text((210, 306), carrier, fill=(200, 20, 30), font=tfont(carrier, 20, bold=True))
    y = 336
    for line in label_lines:
        d.text((210, y), line, fill=(30, 30, 30), font=tfont(line, 13))
        y += 18
    barcode(d, 212, 430, 190, 30, seed)
    d.text((440, 460), fragile, fill=(200, 30, 30), font=tfont(fragile, 22, bold=True))
    if dent:
        # crushed top-right corner and a dent in the front face
        d.polygon([(500, 240), (540, 240), (610, 185), (575, 215), (530, 265)], fill=(120, 85, 50))
        d.polygon([(430, 250), (520, 262), (505, 350), (450, 330)], fill=(150, 108, 64))
        d.line([(430, 250), (480, 300), (505, 350)], fill=(95, 65, 38), width=4)
        d.line([(480, 300), (520, 262)], fill=(110, 75, 45), width=3)
        d.line([(540, 240), (548, 300), (540, 340)], fill=(100, 70, 40), width=3)
    return grain(img, seed)


def draw_phone(seed: int, defect: str = "green_line", clock: str = "09:41", desk=(70, 75, 85)) -> Image.Image:
    img = gradient(desk, tuple(max(0, c - 40) for c in desk))
    shadow(img, (270, 90, 560, 560), radius=16, opacity=120)
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((280, 40, 520, 560), radius=34, fill=(18, 18, 22), outline=(110, 110, 120), width=3)
    screen = (292, 56, 508, 544)
    wall = gradient((40, 90, 180), (160, 60, 140), size=(screen[2] - screen[0], screen[3] - screen[1]))
    img.paste(wall, screen[:2])
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((370, 62, 430, 78), radius=8, fill=(10, 10, 12))
    d.text((330, 100), clock, fill=(255, 255, 255), font=font(44, bold=True))
    palette = [(240, 90, 80), (80, 200, 120), (250, 200, 60), (90, 160, 250), (250, 250, 250), (180, 110, 230)]
    for row in range(4):
        for col in range(4):
            x = 306 + col * 50
            y = 200 + row * 62
            d.rounded_rectangle((x, y, x + 38, y + 38), radius=9, fill=palette[(row * 4 + col + seed) % len(palette)])
    if defect == "green_line":
        d.rectangle((437, screen[1], 439, screen[3]), fill=(40, 255, 60))
        d.rectangle((452, screen[1], 452, screen[3]), fill=(60, 230, 80))
    elif defect == "crack":
        rng = random.Random(seed)
        cx, cy = 460, 470
        for _ in range(11):
            ang = rng.uniform(0, 2 * math.pi)
            length = rng.randint(60, 220)
            pts = [(cx, cy)]
            x, y = cx, cy
            for step in range(5):
                x += math.cos(ang) * length / 5 + rng.randint(-6, 6)
                y += math.sin(ang) * length / 5 + rng.randint(-6, 6)
                pts.append((max(screen[0], min(screen[2], x)), max(screen[1], min(screen[3], y))))
            d.line(pts, fill=(235, 235, 240), width=1)
    return grain(img, seed)


def draw_label(seed: int, lines: list[str], *, title: str, hologram: bool | None = True, bg=(60, 60, 70),
               sticker=(252, 252, 250), title_color=(20, 20, 20), circle: tuple | None = None) -> Image.Image:
    img = gradient(bg, tuple(max(0, c - 30) for c in bg))
    d = ImageDraw.Draw(img)
    d.rectangle((90, 70, 730, 530), fill=(36, 36, 40))  # product box face
    d.rectangle((140, 110, 680, 490), fill=sticker, outline=(150, 150, 150), width=2)
    d.text((165, 125), title, fill=title_color, font=tfont(title, 34, bold=True))
    y = 185
    for line in lines:
        d.text((165, y), line, fill=(40, 40, 40), font=tfont(line, 20))
        y += 32
    barcode(d, 165, 410, 300, 56, seed)
    if hologram:
        for r, col in ((48, (200, 200, 220)), (40, (170, 220, 230)), (30, (230, 190, 230)), (18, (200, 240, 200))):
            d.ellipse((600 - r, 420 - r, 600 + r, 420 + r), fill=col)
    elif hologram is False:  # the empty spot where the seal should be
        d.ellipse((552, 372, 648, 468), outline=(180, 180, 180), width=2)
        d.text((570, 408), "—", fill=(180, 180, 180), font=font(18))
    if circle:
        d.ellipse(circle, outline=(230, 30, 30), width=5)
    return grain(img, seed, 40)


def draw_tshirt(seed: int, color=(235, 232, 225), flaw: str = "thread", circle=True) -> Image.Image:
    img = gradient((215, 210, 200), (180, 175, 165))
    d = ImageDraw.Draw(img)
    shape = [(250, 90), (330, 70), (360, 100), (440, 100), (470, 70), (550, 90), (660, 190), (590, 260),
             (550, 225), (550, 540), (250, 540), (250, 225), (210, 260), (140, 190)]
    d.polygon(shape, fill=color, outline=tuple(c - 40 for c in color))
    d.arc((345, 60, 455, 130), 0, 180, fill=tuple(c - 50 for c in color), width=5)
    for y in range(120, 540, 9):
        d.line([(252, y), (548, y)], fill=tuple(c - 6 for c in color))
    if flaw == "thread":
        rng = random.Random(seed)
        x, y = 420, 420
        pts = [(x, y)]
        for _ in range(12):
            x += rng.randint(-4, 10)
            y += rng.randint(2, 9)
            pts.append((x, y))
        d.line(pts, fill=tuple(c - 90 for c in color), width=2)
        d.line([(418, 412), (430, 418)], fill=tuple(c - 110 for c in color), width=3)
        ring = (370, 380, 500, 520)
    else:  # stain
        d.ellipse((300, 300, 345, 330), fill=(190, 170, 130))
        d.ellipse((310, 306, 332, 322), fill=(175, 150, 110))
        ring = (270, 270, 380, 360)
    if circle:
        d.ellipse(ring, outline=(230, 30, 30), width=5)
    return grain(img, seed)


def draw_dress(seed: int, color=(40, 70, 120), tag_lines=("吊牌完整", "¥299.00")) -> Image.Image:
    img = gradient((240, 238, 235), (200, 198, 195))
    d = ImageDraw.Draw(img)
    d.line([(400, 20), (400, 70)], fill=(90, 90, 90), width=3)
    d.arc((360, 50, 440, 110), 180, 360, fill=(90, 90, 90), width=4)  # hanger hook
    d.line([(250, 90), (550, 90)], fill=(120, 90, 60), width=8)
    shape = [(330, 90), (470, 90), (480, 200), (460, 260), (600, 560), (200, 560), (340, 260), (320, 200)]
    d.polygon(shape, fill=color)
    d.line([(340, 260), (460, 260)], fill=tuple(min(255, c + 40) for c in color), width=6)
    for x in range(230, 580, 40):
        d.line([(400, 270), (x, 556)], fill=tuple(max(0, c - 15) for c in color), width=2)
    # hang tag
    d.line([(470, 140), (560, 200)], fill=(60, 60, 60), width=2)
    d.rounded_rectangle((545, 190, 690, 330), radius=8, fill=(250, 245, 230), outline=(120, 110, 90), width=2)
    y = 205
    for line in tag_lines:
        d.text((560, y), line, fill=(40, 40, 40), font=tfont(line, 20))
        y += 30
    barcode(d, 560, 285, 110, 30, seed)
    return grain(img, seed)


def draw_tumbler(seed: int, engraving: str, color=(70, 120, 110)) -> Image.Image:
    img = wood_table(seed, base=(170, 150, 120))
    shadow(img, (280, 500, 540, 560))
    d = ImageDraw.Draw(img)
    d.rounded_rectangle((310, 60, 490, 120), radius=12, fill=(40, 40, 40))
    d.rectangle((320, 115, 480, 540), fill=color)
    for i in range(30):
        shade = tuple(max(0, c - i) for c in color)
        d.line([(480 - i, 115), (480 - i, 540)], fill=shade)
        shade = tuple(min(255, c + 30 - i) for c in color)
        d.line([(320 + i // 2, 115), (320 + i // 2, 540)], fill=shade)
    d.ellipse((320, 525, 480, 555), fill=tuple(c - 30 for c in color))
    f = tfont(engraving, 46)
    y = 220
    for ch in engraving:
        tw = f.getlength(ch)
        d.text((400 - tw / 2, y), ch, fill=(220, 225, 220), font=f)
        y += 56
    return grain(img, seed)


def draw_scale(seed: int, reading: str, boxed=True) -> Image.Image:
    img = gradient((200, 205, 210), (150, 155, 160))
    d = ImageDraw.Draw(img)
    shadow(img, (140, 420, 680, 540))
    d.rounded_rectangle((150, 330, 650, 500), radius=20, fill=(230, 232, 235), outline=(120, 120, 125), width=3)
    d.rounded_rectangle((170, 340, 630, 380), radius=10, fill=(200, 202, 205))
    f = font(40, bold=True)
    tw = f.getlength(reading)
    d.rectangle((400 - tw / 2 - 18, 420, 400 + tw / 2 + 18, 482), fill=(30, 50, 40))
    d.text((400 - tw / 2, 427), reading, fill=(120, 255, 150), font=f)
    if boxed:
        d.polygon([(230, 330), (560, 330), (560, 170), (230, 170)], fill=(196, 152, 98))
        d.polygon([(230, 170), (300, 120), (620, 120), (560, 170)], fill=(214, 172, 118))
        d.polygon([(560, 170), (620, 120), (620, 290), (560, 330)], fill=(164, 122, 76))
        d.rectangle((260, 200, 400, 290), fill=(250, 250, 248))
        barcode(d, 270, 250, 110, 30, seed)
    return grain(img, seed)


def draw_open_box(seed: int, items: list[str]) -> Image.Image:
    img = wood_table(seed, base=(120, 100, 85))
    d = ImageDraw.Draw(img)
    d.rectangle((120, 90, 680, 520), fill=(196, 152, 98))
    d.rectangle((150, 120, 650, 490), fill=(150, 110, 70))
    rng = random.Random(seed)
    for _ in range(90):  # bubble wrap
        x, y = rng.randint(150, 640), rng.randint(120, 480)
        d.ellipse((x, y, x + 14, y + 14), outline=(220, 225, 230), width=2)
    slots = [(190, 160, 380, 300), (410, 160, 610, 300), (190, 330, 380, 460), (410, 330, 610, 460)]
    for name, (x0, y0, x1, y1) in zip(items, slots):
        d.rounded_rectangle((x0, y0, x1, y1), radius=16, fill=(245, 245, 245), outline=(90, 90, 90), width=2)
        if "earbud" in name.lower():
            for dx in (0, 70):
                d.ellipse((x0 + 40 + dx, y0 + 35, x0 + 90 + dx, y0 + 85), fill=(30, 30, 30))
                d.rounded_rectangle((x0 + 58 + dx, y0 + 75, x0 + 72 + dx, y0 + 125), radius=6, fill=(30, 30, 30))
        elif "case" in name.lower() or "耳机" in name:
            d.ellipse((x0 + 40, y0 + 30, x1 - 40, y1 - 20), fill=(255, 255, 255), outline=(120, 120, 120), width=3)
        elif "cable" in name.lower() or "线" in name:
            for k in range(5):
                d.arc((x0 + 20 + k * 6, y0 + 20 + k * 6, x1 - 20 - k * 6, y1 - 20 - k * 6), 0, 330, fill=(40, 40, 40), width=3)
        elif "adapter" in name.lower() or "charger" in name.lower() or "充电" in name:
            d.rounded_rectangle((x0 + 50, y0 + 30, x1 - 50, y1 - 30), radius=10, fill=(250, 250, 250), outline=(80, 80, 80), width=3)
            d.rectangle((x0 + 80, y0 + 8, x0 + 88, y0 + 30), fill=(150, 150, 150))
            d.rectangle((x1 - 88, y0 + 8, x1 - 80, y0 + 30), fill=(150, 150, 150))
        d.text((x0 + 10, y1 - 26), name, fill=(60, 60, 60), font=tfont(name, 15))
    return grain(img, seed)


def draw_app_screen(title: str, rows: list[tuple[str, str]], *, header=(254, 44, 85), size=(540, 960),
                    clock="10:24", footer: str | None = None) -> Image.Image:
    """A phone screenshot: status bar, coloured title bar, the product's picture (its own: seeded by the screen's
    text, so two screens of one app are not near-duplicates to a perceptual hash) and a list of (bold, normal)
    rows."""
    from arbiter.restage import seed_of

    w, h = size
    rnd = random.Random(seed_of("app-screen", title, *(a + b for a, b in rows)))
    img = Image.new("RGB", size, (246, 246, 248))
    d = ImageDraw.Draw(img)
    d.rectangle((0, 0, w, 34), fill=(255, 255, 255))
    d.text((16, 8), clock, fill=(0, 0, 0), font=font(16, bold=True))
    d.text((w - 80, 8), "5G 87%", fill=(0, 0, 0), font=font(14))
    d.rectangle((0, 34, w, 96), fill=header)
    d.text((20, 50), "‹", fill=(255, 255, 255), font=font(30))
    d.text((60, 52), title, fill=(255, 255, 255), font=tfont(title, 24, bold=True))
    banner_h = rnd.randint(h // 4, h // 2)
    img.paste(_product_picture(rnd, (w - 28, banner_h)), (14, 108))
    y = 108 + banner_h + 12
    for head, body in rows:
        hf = tfont(head, 18, bold=True)
        bf = tfont(body, 16)
        blines = wrap(body, bf, w - 60) if body else []
        box_h = 22 + 24 + 22 * len(blines)
        d.rounded_rectangle((14, y, w - 14, y + box_h), radius=10, fill=(255, 255, 255))
        d.text((30, y + 10), head, fill=(30, 30, 30), font=hf)
        for i, line in enumerate(blines):
            d.text((30, y + 38 + 22 * i), line, fill=(100, 100, 100), font=bf)
        y += box_h + 10
    _recommended(img, rnd, y + 6, h - (48 if footer else 12))
    if footer:
        ff = tfont(footer, 15)
        d.text((20, h - 36), footer, fill=(140, 140, 140), font=ff)
    return img


def _product_picture(rnd: random.Random, size: tuple[int, int]) -> Image.Image:
    """A product photo on a listing or order page: light at an angle, a few shapes, texture."""
    w, h = size
    c1, c2 = (tuple(rnd.randint(20, 240) for _ in range(3)) for _ in range(2))
    grad = Image.linear_gradient("L").rotate(rnd.uniform(0, 360), resample=Image.Resampling.BICUBIC).resize(size)
    img = Image.composite(Image.new("RGB", size, c1), Image.new("RGB", size, c2), grad)
    d = ImageDraw.Draw(img)
    for _ in range(rnd.randint(2, 5)):
        colour = tuple(rnd.randint(0, 255) for _ in range(3))
        x0, y0 = rnd.uniform(-0.1, 0.8) * w, rnd.uniform(-0.1, 0.8) * h
        x1, y1 = x0 + rnd.uniform(0.15, 0.6) * w, y0 + rnd.uniform(0.15, 0.6) * h
        (d.ellipse if rnd.random() < 0.5 else d.rectangle)((x0, y0, x1, y1), fill=colour)
    return img.filter(ImageFilter.GaussianBlur(2))


def _recommended(img: Image.Image, rnd: random.Random, top: int, bottom: int) -> None:
    """The shopping app's "you may also like" grid below the page's own rows: two columns of product tiles."""
    w = img.width
    d = ImageDraw.Draw(img)
    if bottom - top < 120:
        return
    d.text((20, top), "猜你喜欢 · You may also like", fill=(120, 120, 120), font=tfont("猜你喜欢", 15))
    y = top + 26
    tile_w = (w - 42) // 2
    while y + 100 < bottom:
        tile_h = min(rnd.randint(150, 230), bottom - y)
        for col in range(2):
            x = 14 + col * (tile_w + 14)
            img.paste(_product_picture(rnd, (tile_w, tile_h - 34)), (x, y))
            d.rectangle((x, y + tile_h - 34, x + tile_w, y + tile_h), fill=(255, 255, 255))
            price = f"¥{rnd.randint(9, 399)}.{rnd.choice(('00', '90', '99'))}"
            d.text((x + 8, y + tile_h - 28), price, fill=(254, 44, 85), font=font(15, bold=True))
        y += tile_h + 12


def draw_chat_screen(title: str, bubbles: list[tuple[str, str]], *, me="buyer", size=(540, 960), header=(40, 40, 46),
                     clock="21:07", mine_color=(149, 236, 105)) -> Image.Image:
    """A chat screenshot. ``bubbles`` are (side, text) with side 'me', 'them' or 'time'."""
    w, h = size
    img = Image.new("RGB", size, (237, 237, 237))
    d = ImageDraw.Draw(img)
    d.rectangle((0, 0, w, 34), fill=header)
    d.text((16, 8), clock, fill=(255, 255, 255), font=font(16, bold=True))
    d.text((w - 80, 8), "4G 62%", fill=(255, 255, 255), font=font(14))
    d.rectangle((0, 34, w, 90), fill=header)
    tf = tfont(title, 21, bold=True)
    d.text(((w - tf.getlength(title)) / 2, 48), title, fill=(255, 255, 255), font=tf)
    y = 104
    for side, text in bubbles:
        f = tfont(text, 17)
        if side == "time":
            tw = f.getlength(text)
            d.rounded_rectangle(((w - tw) / 2 - 8, y, (w + tw) / 2 + 8, y + 24), radius=6, fill=(218, 218, 218))
            d.text(((w - tw) / 2, y + 3), text, fill=(120, 120, 120), font=f)
            y += 36
            continue
        lines = wrap(text, f, 300)
        bw = max(f.getlength(line) for line in lines) + 24
        bh = 24 * len(lines) + 16
        if side == "me":
            x0 = w - 70 - bw
            d.rounded_rectangle((w - 56, y, w - 16, y + 40), radius=6, fill=(120, 160, 220))
            d.rounded_rectangle((x0, y, x0 + bw, y + bh), radius=8, fill=mine_color)
        else:
            x0 = 70
            d.rounded_rectangle((16, y, 56, y + 40), radius=6, fill=(230, 150, 90))
            d.rounded_rectangle((x0, y, x0 + bw, y + bh), radius=8, fill=(255, 255, 255))
        for i, line in enumerate(lines):
            d.text((x0 + 12, y + 8 + 24 * i), line, fill=(20, 20, 20), font=f)
        y += bh + 16
    d.rectangle((0, h - 60, w, h), fill=(247, 247, 247))
    d.rounded_rectangle((60, h - 48, w - 90, h - 12), radius=6, fill=(255, 255, 255))
    return img


# --------------------------------------------------------------------------------------------------- encoders

def jpeg(img: Image.Image, *, exif: dict | None = None, quality: int = 80) -> bytes:
    """JPEG bytes; ``exif`` = {"make", "model", "taken" ("YYYY:MM:DD HH:MM:SS"), "offset" ("+08:00")}."""
    buf = io.BytesIO()
    kwargs: dict[str, Any] = {"quality": quality, "optimize": True}
    if exif:
        ex = Image.Exif()
        ex[0x010F] = exif["make"]
        ex[0x0110] = exif["model"]
        ex[0x0131] = exif.get("software", "")
        ex[0x0132] = exif["taken"]
        ifd = ex.get_ifd(0x8769)
        ifd[0x9003] = exif["taken"]  # DateTimeOriginal
        ifd[0x9004] = exif["taken"]  # DateTimeDigitized
        if "offset" in exif:
            ifd[0x9011] = exif["offset"]  # OffsetTimeOriginal
        kwargs["exif"] = ex.tobytes()
    img.save(buf, "JPEG", **kwargs)
    return buf.getvalue()


def png(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PNG", optimize=True)
    return buf.getvalue()


_pdf_fonts: dict[str, str] = {}


def _pdf_font(cjk: bool) -> str:
    from reportlab.pdfbase import pdfmetrics
    if not cjk:
        return "Helvetica"
    if "cjk" not in _pdf_fonts:
        path = _first_existing(["/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"])
        if path:
            from reportlab.pdfbase.ttfonts import TTFont
            pdfmetrics.registerFont(TTFont("WQYMicroHei", path, subfontIndex=0))
            _pdf_fonts["cjk"] = "WQYMicroHei"
        else:
            from reportlab.pdfbase.cidfonts import UnicodeCIDFont
            pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
            _pdf_fonts["cjk"] = "STSong-Light"
    return _pdf_fonts["cjk"]


def pdf(title: str, subtitle: str, fields: list[tuple[str, str]], paragraphs: list[str], *, cjk: bool = False,
        footer: str = "", stamp_text: str | None = None, table: list[list[str]] | None = None) -> bytes:
    """A one-page A4 document (courier report, receipt, inspection report), deterministic bytes."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    fname = _pdf_font(cjk)
    bold = fname if cjk else "Helvetica-Bold"
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1, pageCompression=1)
    c.setTitle(title)
    c.setAuthor(subtitle)
    c.setCreator("arbiter sample generator")
    c.setSubject(title)
    width, height = A4
    c.setFillColorRGB(0.12, 0.24, 0.45)
    c.rect(0, height - 90, width, 90, stroke=0, fill=1)
    c.setFillColorRGB(1, 1, 1)
    c.setFont(bold, 20)
    c.drawString(40, height - 50, title)
    c.setFont(fname, 11)
    c.drawString(40, height - 72, subtitle)
    c.setFillColorRGB(0, 0, 0)
    y = height - 125
    for key, value in fields:
        c.setFont(bold, 10.5)
        c.drawString(40, y, key)
        c.setFont(fname, 10.5)
        c.drawString(200, y, value)
        y -= 18
    y -= 8
    if table:
        col_w = (width - 80) / len(table[0])
        for r, row in enumerate(table):
            if r == 0:
                c.setFillColorRGB(0.9, 0.92, 0.95)
                c.rect(40, y - 5, width - 80, 18, stroke=0, fill=1)
                c.setFillColorRGB(0, 0, 0)
            c.setFont(bold if r == 0 else fname, 9.5)
            for i, cell in enumerate(row):
                c.drawString(44 + i * col_w, y, cell)
            y -= 18
        y -= 10
    c.setFont(fname, 10.5)
    from reportlab.pdfbase.pdfmetrics import stringWidth
    for para in paragraphs:
        tokens = list(para) if cjk else para.split(" ")
        sep = "" if cjk else " "
        line = ""
        for tok in tokens:
            trial = tok if not line else line + sep + tok
            if stringWidth(trial, fname, 10.5) > width - 80 and line:
                c.drawString(40, y, line)
                y -= 15
                line = tok
            else:
                line = trial
        c.drawString(40, y, line)
        y -= 22
    if stamp_text:
        c.saveState()
        c.setStrokeColorRGB(0.8, 0.1, 0.1)
        c.setFillColorRGB(0.8, 0.1, 0.1)
        c.setLineWidth(2.5)
        c.circle(width - 130, 150, 55, stroke=1, fill=0)
        c.setFont(bold, 12)
        c.drawCentredString(width - 130, 146, stamp_text)
        c.restoreState()
    if footer:
        c.setFont(fname, 8.5)
        c.setFillColorRGB(0.4, 0.4, 0.4)
        c.drawString(40, 40, footer)
    c.showPage()
    c.save()
    return buf.getvalue()


# --------------------------------------------------------------------------------------------------- case building

def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class Clock:
    """Timestamps in one offset: ``t("02-25 09:05")`` -> ``"2025-02-25T09:05:00+00:00"``."""

    def __init__(self, offset: str, year: int = 2025):
        self.offset = offset
        self.year = year

    def __call__(self, stamp: str) -> str:
        date, time = stamp.split(" ")
        if time.count(":") == 1:
            time += ":00"
        return f"{self.year}-{date}T{time}{self.offset}"

    def exif(self, stamp: str) -> str:
        return self(stamp)[:19].replace("-", ":").replace("T", " ")


_MEDIA = {"jpg": "image/jpeg", "png": "image/png", "pdf": "application/pdf"}


@dataclass
class Sample:
    name: str
    summary: str          # what it exercises (docs/samples.md)
    expected: str         # expected outcome (docs/samples.md)
    case: dict[str, Any]
    files: dict[str, bytes] = field(default_factory=dict)
    answers: dict[str, Any] = field(default_factory=dict)

    def add_evidence(self, eid: str, party: str, submission: int, submitted_at: str, kind: str, stem: str,
                     data: bytes, ext: str, description: str, requested: bool = False, restaged: bool = True) -> None:
        """``restaged``: a JPEG photo is shot again on its own (``arbiter.restage``, seeded by the sample and the
        evidence id), so photos drawn from one template are distinct photos; False keeps the bytes (the
        deliberately reused photos of scripts/samples_forensics.py)."""
        if ext == "jpg" and restaged:
            data = _restaged_jpeg(data, f"{self.name}/{eid}")
        path = f"evidence/{eid}_{stem}.{ext}"
        self.files[path] = data
        self.case.setdefault("evidence", []).append({
            "id": eid, "party": party, "submission": submission, "submitted_at": submitted_at,
            "requested": requested, "kind": kind, "file": path, "sha256": sha256(data),
            "media_type": _MEDIA[ext], "description": description,
        })


def _restaged_jpeg(data: bytes, key: str) -> bytes:
    """The drawn photo shot again (another framing, light, texture, noise), its EXIF kept, quality 82."""
    from arbiter.restage import restage, seed_of

    with Image.open(io.BytesIO(data)) as src:
        exif = src.info.get("exif")
        shot = restage(src, seed_of("sample-photo", key))
    buf = io.BytesIO()
    shot.save(buf, "JPEG", quality=82, optimize=True, **({"exif": exif} if exif else {}))
    return buf.getvalue()


def msg(mid: str, at: str, sender: str, text: str, attachments: list[str] | None = None) -> dict[str, Any]:
    m: dict[str, Any] = {"id": mid, "at": at, "sender": sender, "text": text}
    if attachments:
        m["attachments"] = attachments
    return m


def copy_of(messages: list[dict], *, drop: tuple[str, ...] = (), edit: dict[str, str] | None = None) -> list[dict]:
    """Another party's copy of a conversation: some messages missing, some texts different (edited)."""
    edit = edit or {}
    out = []
    for m in messages:
        if m["id"] in drop:
            continue
        m2 = dict(m)
        if m["id"] in edit:
            m2["text"] = edit[m["id"]]
        out.append(m2)
    return out


def base_case(case_id: str, platform: str, region: str, language: str, opened_at: str) -> dict[str, Any]:
    return {"format": "arbiter.case/1", "case_id": case_id, "platform": platform, "region": region,
            "language": language, "opened_at": opened_at}


def item(sku: str, title: str, quantity: int, unit_price: str, *, custom_made=False, nrr=True) -> dict[str, Any]:
    return {"sku": sku, "title": title, "quantity": quantity, "unit_price": unit_price, "custom_made": custom_made,
            "no_reason_return_eligible": nrr}


def answers(decided_at: str, reviewer: str, evidence: dict[str, str], rationale: str, *, finding: str | None,
            problem: str | None = None, remedy: str | None = None, amount: str | None = None,
            conduct: tuple[bool, bool, bool] | None = None, jurisdiction: dict[str, bool] | None = None,
            damage_extent: str | None = None) -> dict[str, Any]:
    a: dict[str, Any] = {
        "decided_at": decided_at,
        "reviewer": reviewer,
        "jurisdiction": jurisdiction or {"J1_platform_order": True, "J4_actual_consumer": True,
                                         "J5_valid_transaction": True, "J6_unresolved": True},
        "evidence": evidence,
    }
    if finding is not None:  # a declined case stops at the gates: no finding, problem, remedy or amount
        a["finding"] = finding
        a["problem"] = problem
        if damage_extent is not None:  # rules revision 2: asked with damaged (002 "完全损坏")
            a["damage_extent"] = damage_extent
        a["remedy"] = remedy
        a["amount"] = amount
    a["rationale"] = rationale
    if conduct is not None:
        a["seller_conduct"] = {"replied_within_72h": conduct[0], "professional_language": conduct[1],
                               "no_ads_or_links": conduct[2]}
    a["override"] = None
    return a


# =================================================================================================== the cases
# Each returns a Sample. Times are written in the parties' local offset through a Clock.

def case_tts_uk_mug_crack() -> Sample:
    t = Clock("+00:00")
    s = Sample(
        "tts-uk-mug-crack",
        "serious quality issue; EXIF photos; seller's copy edits M4 and lacks M6 (an advert); unrequested "
        "supplementary receipt (E4); seller QC photo of another unit",
        "buyer_favoured: return_and_refund 19.98 GBP, liability seller",
        base_case("TTS-UK-250301-0007", "tiktok_shop", "UK", "en", t("02-27 09:30")),
    )
    s.case["order"] = {
        "order_id": "577031820461230011", "placed_at": t("02-20 18:12"), "paid_at": t("02-20 18:13"),
        "shipped_at": t("02-21 10:02"), "delivered_at": t("02-24 14:03"), "cross_border": False,
        "payment_method": "card", "currency": "GBP", "total_paid": "19.98", "shipping_fee": "2.99",
        "items": [item("CW-MUG-350-SPK", "Handmade stoneware mug, 350 ml, speckled white", 1, "16.99")],
        "logistics": {"carrier": "Royal Mail", "tracking_no": "RM482913307GB", "events": [
            {"at": t("02-21 10:02"), "status": "picked_up", "detail": "Collected from Claywork Studio, Bristol"},
            {"at": t("02-22 03:41"), "status": "in_transit", "detail": "Bristol Mail Centre"},
            {"at": t("02-24 07:15"), "status": "out_for_delivery", "detail": "North London Delivery Office"},
            {"at": t("02-24 14:03"), "status": "delivered", "detail": "Delivered, signed for by SOPHIE"},
        ]},
    }
    s.case["buyer"] = {"id": "TTB-7781203", "display_name": "Sophie Bennett", "phone": "+44 7700 900482",
                       "address": "Flat 3, 27 Aberdeen Park, London N5 2AR", "email": "sophie.bennett@example.co.uk"}
    s.case["seller"] = {"id": "TTS-SLR-20031", "shop_name": "Claywork Studio", "phone": "+44 117 496 0721",
                        "email": "hello@claywork.example"}
    s.case["claim"] = {"type": "quality_issue", "requested_remedy": "return_and_refund", "amount": "19.98",
                       "reason_text": "The mug arrived with a crack running down from the rim. It leaks when I pour "
                                      "tea into it, so I can't use it. The box was not damaged.",
                       "submitted_at": t("02-25 08:50")}
    s.case["after_sale"] = {"seller_response": "rejected", "seller_responded_at": t("02-26 11:20"),
                            "intervention_requested_at": t("02-27 09:15"), "settled_between_parties": False,
                            "legal_proceedings": False, "previous_appeals": 0}
    iphone = {"make": "Apple", "model": "iPhone 13", "software": "17.3.1", "offset": "+00:00"}
    s.add_evidence("E1", "buyer", 1, t("02-25 08:50"), "photo", "mug_crack",
                   jpeg(draw_mug(11), exif={**iphone, "taken": t.exif("02-24 19:32")}), "jpg",
                   "Crack from the rim down the side, photographed the evening it arrived")
    s.add_evidence("E2", "buyer", 1, t("02-25 08:50"), "photo", "outer_box",
                   jpeg(draw_parcel(12, dent=False, carrier="ROYAL MAIL",
                                    label_lines=["Tracked 48", "S. Bennett", "27 Aberdeen Park", "London N5 2AR"],
                                    fragile="FRAGILE"),
                        exif={**iphone, "taken": t.exif("02-24 14:20")}), "jpg",
                   "Outer box as delivered: no dents or tears")
    s.add_evidence("E3", "seller", 1, t("02-26 11:15"), "photo", "qc_photo",
                   jpeg(draw_mug(13, crack=False)), "jpg",
                   "Quality check photo: every mug is inspected before dispatch")
    s.add_evidence("E4", "buyer", 2, t("03-01 16:40"), "document", "receipt",
                   pdf("Order receipt", "TikTok Shop UK - order 577031820461230011",
                       [("Order date", "20 Feb 2025 18:12 GMT"), ("Shop", "Claywork Studio"),
                        ("Payment", "Visa ending 4417"), ("Delivery", "Royal Mail Tracked 48")],
                       ["Thank you for your order. This receipt is for your records and is not a VAT invoice."],
                       table=[["Item", "Qty", "Price"], ["Handmade stoneware mug, 350 ml", "1", "GBP 16.99"],
                              ["Delivery", "", "GBP 2.99"], ["Total paid", "", "GBP 19.98"]],
                       footer="TikTok Shop UK. Receipt generated 01 Mar 2025."),
                   "pdf", "My receipt, in case it helps", requested=False)
    chat = [
        msg("M1", t("02-25 08:52"), "buyer", "Hi, the mug I received yesterday has a crack from the rim down the "
            "side. Photo attached. Could I get a refund please?", ["E1"]),
        msg("M2", t("02-25 16:40"), "seller", "Hello Sophie, sorry to hear that. Every mug is checked before it "
            "leaves our studio. Was the outer box damaged at all?"),
        msg("M3", t("02-25 17:05"), "buyer", "No, the box was perfectly fine, see photo.", ["E2"]),
        msg("M4", t("02-26 11:10"), "seller", "That's just the glaze. It's handmade, lines like that are not a "
            "defect. We won't be refunding this."),
        msg("M5", t("02-26 11:25"), "buyer", "It leaks when I pour tea in it. That's not a glaze feature."),
        msg("M6", t("02-26 11:40"), "seller", "Have a look at our seconds sale on instagram.com/claywork.studio, "
            "code CLAY15 gets you 15% off a new one."),
        msg("M7", t("02-26 12:02"), "buyer", "I don't want another mug, I want this sorted. I'll ask TikTok to step in."),
    ]
    s.case["chat_logs"] = [
        {"owner": "buyer", "channel": "buyer_seller", "messages": chat},
        {"owner": "seller", "channel": "buyer_seller", "messages": copy_of(chat, drop=("M6",), edit={
            "M4": "Fine hairlines in the glaze are a normal feature of handmade stoneware. Unfortunately we cannot "
                  "accept a return for this."})},
    ]
    s.answers = answers(
        t("03-03 10:00"), "r.chen",
        {"E1": "admissible", "E2": "admissible", "E3": "not_relevant", "E4": "admissible"},
        "E1 shows a through-crack from the rim and the buyer reports leaking (M5); E2 shows the outer box intact, "
        "so this is a manufacturing fault, not transit damage. E3 shows a different, undamaged unit and does not "
        "address this mug. The seller's two copies of M4 differ; either wording rejects the claim without "
        "examining it. M6 (buyer's copy only) advertises an external link. E4 was not requested and is excluded.",
        finding="supported", problem="serious_quality", remedy="return_and_refund", amount="19.98",
        conduct=(True, True, False))
    return s


def case_tts_us_parcel_lost() -> Sample:
    t = Clock("-05:00")
    s = Sample(
        "tts-us-parcel-lost",
        "not received, tracking ends in 'lost', no delivered_at; requested supplementary carrier trace PDF (E3); "
        "seller's copy lacks M4 (the promise to refund); platform support log",
        "buyer_favoured: refund_only 37.79 USD, liability carrier",
        base_case("TTS-US-250214-0118", "tiktok_shop", "US", "en", t("02-14 09:00")),
    )
    s.case["order"] = {
        "order_id": "576640912238810457", "placed_at": t("02-01 20:14"), "paid_at": t("02-01 20:14"),
        "shipped_at": t("02-03 09:30"), "cross_border": False, "payment_method": "wallet",
        "currency": "USD", "total_paid": "37.79", "shipping_fee": "0.00",
        "items": [item("HB-32OZ-2PK-SAGE", "Insulated stainless water bottle 32 oz, 2-pack, sage", 1, "34.99")],
        "logistics": {"carrier": "USPS", "tracking_no": "9400111899223344556677", "events": [
            {"at": t("02-03 09:30"), "status": "picked_up", "detail": "USPS in possession of item, Allentown, PA 18101"},
            {"at": t("02-04 02:12"), "status": "in_transit", "detail": "Arrived at USPS Regional Facility, Lehigh Valley PA"},
            {"at": t("02-05 18:47"), "status": "in_transit", "detail": "Arrived at USPS Regional Facility, Kearny NJ"},
            {"at": t("02-13 23:10"), "status": "lost", "detail": "Missing Mail search closed: item could not be located"},
        ]},
    }
    s.case["buyer"] = {"id": "TTB-3390817", "display_name": "Jordan Reyes", "phone": "+1 201 555 0147",
                       "address": "88 Palisade Ave, Apt 4B, Jersey City, NJ 07306", "email": "jreyes@example.com"}
    s.case["seller"] = {"id": "TTS-SLR-88120", "shop_name": "HydroBrook Outfitters", "email": "care@hydrobrook.example"}
    s.case["claim"] = {"type": "not_received", "requested_remedy": "refund_only", "amount": "37.79",
                       "reason_text": "Tracking hasn't moved since Feb 5. The seller said they would refund if it "
                                      "didn't arrive by Wednesday and now says to keep waiting.",
                       "submitted_at": t("02-12 10:05")}
    s.case["after_sale"] = {"seller_response": "rejected", "seller_responded_at": t("02-13 15:00"),
                            "intervention_requested_at": t("02-14 08:30"), "settled_between_parties": False,
                            "legal_proceedings": False, "previous_appeals": 0}
    s.add_evidence("E1", "buyer", 1, t("02-12 10:05"), "screenshot", "tracking_page",
                   png(draw_app_screen("Package tracking", [
                       ("In transit, arriving late", "Your package is moving within the USPS network and is on "
                        "track to be delivered, but is running late."),
                       ("Feb 5, 6:47 pm", "Arrived at USPS Regional Facility, KEARNY NJ DISTRIBUTION CENTER"),
                       ("Feb 4, 2:12 am", "Arrived at USPS Regional Facility, LEHIGH VALLEY PA"),
                       ("Feb 3, 9:30 am", "USPS in possession of item, ALLENTOWN, PA 18101"),
                       ("Tracking number", "9400 1118 9922 3344 5566 77"),
                   ], header=(30, 30, 30), clock="9:58", footer="Last updated Feb 12, 9:58 am")), "png",
                   "Tracking has shown no movement since Feb 5")
    s.add_evidence("E2", "seller", 1, t("02-13 14:50"), "photo", "dispatch_photo",
                   jpeg(draw_parcel(21, dent=False, carrier="USPS GROUND ADVANTAGE",
                                    label_lines=["J. REYES", "88 PALISADE AVE APT 4B", "JERSEY CITY NJ 07306",
                                                 "9400 1118 9922 3344 5566 77"], fragile=""),
                        exif={"make": "samsung", "model": "SM-S911U", "taken": t.exif("02-03 08:55"),
                              "offset": "-05:00"}), "jpg",
                   "Parcel packed and labelled on Feb 3, handed to USPS the same morning")
    s.add_evidence("E3", "seller", 2, t("02-17 11:20"), "document", "usps_trace", pdf(
        "Missing Mail Search - Result", "United States Postal Service - Case 41-1882-0937",
        [("Tracking number", "9400111899223344556677"), ("Search opened", "February 11, 2025"),
         ("Search closed", "February 13, 2025"), ("Last scan", "Feb 5 2025 18:47 KEARNY NJ DC"),
         ("Declared value", "USD 34.99")],
        ["We searched the facilities along the route of this item, including the Kearny NJ Distribution Center, "
         "and were unable to locate it. The item is considered lost in the mail. The mailer may file a domestic "
         "claim for the declared value.",
         "This result was sent to the mailer's account email on file."],
        footer="Reference generated for the mailer HydroBrook Outfitters.", stamp_text="CLOSED"),
        "pdf", "USPS search result, as requested by TikTok Shop", requested=True)
    chat = [
        msg("M1", t("02-09 13:02"), "buyer", "Hi, my order still says in transit since Feb 5. Any update?"),
        msg("M2", t("02-09 17:45"), "seller", "Hi Jordan! USPS is running behind after the winter storm. Please "
            "give it a few more days."),
        msg("M3", t("02-11 08:20"), "buyer", "It's been a week without a scan. Can you open a trace with USPS?"),
        msg("M4", t("02-11 10:05"), "seller", "We opened a search with USPS. If it doesn't show up by Wednesday "
            "we will refund you in full."),
        msg("M5", t("02-12 09:50"), "buyer", "It's Wednesday and still nothing, so I'm filing a refund request."),
        msg("M6", t("02-13 14:58"), "seller", "Tracking still shows the package in transit. We can't refund "
            "until the carrier confirms it is lost.", ["E2"]),
    ]
    s.case["chat_logs"] = [
        {"owner": "buyer", "channel": "buyer_seller", "messages": chat},
        {"owner": "seller", "channel": "buyer_seller", "messages": copy_of(chat, drop=("M4",))},
        {"owner": "platform", "channel": "seller_support", "messages": [
            msg("P1", t("02-14 09:05"), "platform", "Case TTS-US-250214-0118 opened. Seller, please upload the "
                "carrier's trace or claim result for tracking 9400111899223344556677 within 3 days."),
            msg("P2", t("02-17 11:21"), "seller", "Uploaded. USPS says the package is lost.", ["E3"]),
            msg("P3", t("02-17 11:30"), "system", "Supplementary evidence E3 received."),
        ]},
    ]
    s.answers = answers(
        t("02-18 11:00"), "m.okafor", {"E1": "admissible", "E2": "admissible", "E3": "admissible"},
        "E3 (requested) is the carrier's own result: the parcel was lost after the last scan on Feb 5, which matches "
        "E1. E2 proves dispatch, not delivery. The seller's promise M4 appears only in the buyer's copy and is not "
        "needed for the outcome. Lost in transit: refund without return; the carrier bears the loss.",
        finding="supported", problem="lost", remedy="refund_only", amount="37.79", conduct=(True, True, True))
    return s


def case_tts_us_missing_parts_appeal() -> Sample:
    t = Clock("-08:00")
    s = Sample(
        "tts-us-earbuds-appeal",
        "appeal (previous_appeals 1, appealed within 2 days of the previous decision); missing parts contradicted by "
        "dispatch weight and carrier weight; requested supplementary photo (E5); buyer's first message M1 says "
        "the case was there",
        "seller_favoured (finding contradicted): remedy none, amount 0.00",
        base_case("TTS-US-250225-0231", "tiktok_shop", "US", "en", t("02-25 09:10")),
    )
    s.case["order"] = {
        "order_id": "576702281930044718", "placed_at": t("02-08 21:40"), "paid_at": t("02-08 21:41"),
        "shipped_at": t("02-10 15:05"), "delivered_at": t("02-13 12:48"), "cross_border": False,
        "payment_method": "card", "currency": "USD", "total_paid": "64.94", "shipping_fee": "0.00",
        "items": [item("AQ-EB200-BLK", "AuraQ EB200 wireless earbuds with charging case, black", 1, "59.99")],
        "logistics": {"carrier": "FedEx Ground", "tracking_no": "781234509876", "events": [
            {"at": t("02-10 15:05"), "status": "picked_up", "detail": "Picked up, ONTARIO, CA. Weight 0.47 lbs"},
            {"at": t("02-11 04:30"), "status": "in_transit", "detail": "At local FedEx facility, SACRAMENTO, CA"},
            {"at": t("02-13 07:55"), "status": "out_for_delivery", "detail": "On FedEx vehicle for delivery, PORTLAND, OR"},
            {"at": t("02-13 12:48"), "status": "delivered", "detail": "Delivered, left at front door"},
        ]},
    }
    s.case["buyer"] = {"id": "TTB-5518044", "display_name": "Kyle Brandt", "phone": "+1 503 555 0199",
                       "address": "2140 SE Lincoln St, Portland, OR 97214", "email": "kbrandt@example.net"}
    s.case["seller"] = {"id": "TTS-SLR-41007", "shop_name": "AuraQ Audio Official", "phone": "+1 909 555 0110",
                        "email": "support@auraq.example"}
    s.case["claim"] = {"type": "missing_parts", "requested_remedy": "partial_refund", "amount": "35.00",
                       "reason_text": "The charging case was missing from the box. Only the earbuds and a cable.",
                       "submitted_at": t("02-15 19:22")}
    s.case["after_sale"] = {"seller_response": "rejected", "seller_responded_at": t("02-16 10:02"),
                            "intervention_requested_at": t("02-25 09:00"), "settled_between_parties": False,
                            "legal_proceedings": False, "previous_appeals": 1,
                            "previous_decision_at": t("02-24 10:00")}
    pixel = {"make": "Google", "model": "Pixel 7", "offset": "-08:00"}
    s.add_evidence("E1", "buyer", 1, t("02-15 19:22"), "photo", "box_contents",
                   jpeg(draw_open_box(31, ["Earbuds", "USB-C cable", "", ""]),
                        exif={**pixel, "taken": t.exif("02-15 19:05")}), "jpg",
                   "What was in the box: no charging case")
    s.add_evidence("E2", "seller", 1, t("02-16 09:55"), "photo", "packing_photo",
                   jpeg(draw_open_box(32, ["Charging case", "USB-C cable", "Ear tips S/M/L", "Quick guide"])), "jpg",
                   "Packing station photo of order 576702281930044718 before sealing")
    s.add_evidence("E3", "seller", 1, t("02-16 09:55"), "photo", "dispatch_weight",
                   jpeg(draw_scale(33, "0.212 kg")), "jpg",
                   "Dispatch weight 0.212 kg; a kit without the case weighs 0.16 kg")
    s.add_evidence("E4", "seller", 1, t("02-16 09:56"), "document", "fedex_pickup", pdf(
        "Shipment detail", "FedEx Ground - tracking 781234509876",
        [("Ship date", "Feb 10, 2025"), ("Service", "FedEx Ground Economy"), ("Weight", "0.47 lbs (0.213 kg)"),
         ("Dimensions", "6 x 5 x 3 in"), ("Shipper", "AuraQ Audio, Ontario CA"), ("Recipient", "K. Brandt, Portland OR")],
        ["Weight recorded at pickup scan by FedEx."], footer="Printed from fedex.com shipment history"),
        "pdf", "FedEx weight recorded at pickup")
    s.add_evidence("E5", "buyer", 2, t("02-25 16:30"), "photo", "shipping_label",
                   jpeg(draw_label(35, ["FedEx Ground 781234509876", "SHIP DATE: 10FEB25", "ACT WGT: 0.47 LB",
                                        "TO: KYLE BRANDT PORTLAND OR 97214"], title="FedEx Ground",
                                   hologram=None, bg=(110, 90, 70), title_color=(77, 20, 140)),
                        exif={**pixel, "taken": t.exif("02-25 16:22")}), "jpg",
                   "Photo of the shipping label, as the platform asked", requested=True)
    chat = [
        msg("M1", t("02-13 18:30"), "buyer", "Got the earbuds today. The case doesn't seem to charge though, the "
            "light doesn't come on."),
        msg("M2", t("02-13 19:02"), "seller", "Hi Kyle, thanks for reaching out! Please try a different USB-C "
            "cable and hold the case button for 10 seconds to reset it."),
        msg("M3", t("02-15 19:20"), "buyer", "Actually there was no case in the box. I want a partial refund.", ["E1"]),
        msg("M4", t("02-16 10:00"), "seller", "Our packing photo and the dispatch weight show the case was included, "
            "and on the 13th you mentioned the case not charging. We are happy to help troubleshoot the case or "
            "process a warranty replacement if it's faulty.", ["E2", "E3"]),
        msg("M5", t("02-16 10:40"), "buyer", "I meant the earbuds don't charge because there's no case. Whatever."),
    ]
    s.case["chat_logs"] = [
        {"owner": "buyer", "channel": "buyer_seller", "messages": chat},
        {"owner": "seller", "channel": "buyer_seller", "messages": copy_of(chat)},
        {"owner": "platform", "channel": "buyer_support", "messages": [
            msg("P1", t("02-24 10:00"), "system", "Decision: seller favoured. You may appeal within the appeal window."),
            msg("P2", t("02-25 09:00"), "buyer", "I'm appealing. The case was never in the box."),
            msg("P3", t("02-25 09:15"), "platform", "Appeal received. Please upload a clear photo of the shipping "
                "label on the parcel within 3 days."),
            msg("P4", t("02-25 16:31"), "buyer", "Here is the label.", ["E5"]),
        ]},
    ]
    s.answers = answers(
        t("02-27 14:00"), "a.novak",
        {"E1": "admissible", "E2": "admissible", "E3": "admissible", "E4": "admissible", "E5": "admissible"},
        "E3 and the carrier's pickup weight in E4 (0.213 kg) match a complete kit; the buyer's own label photo E5 "
        "shows the same 0.47 lb. In M1 the buyer reported that the case did not charge, i.e. it was received; the "
        "missing-case claim came only in M3. E1 shows the box after unpacking and does not establish that the "
        "case was never there. The seller offered troubleshooting and warranty help in M4.",
        finding="contradicted", problem=None, remedy="none", amount="0.00", conduct=(True, True, True))
    return s


def case_tts_uk_counterfeit() -> Sample:
    t = Clock("+01:00")
    s = Sample(
        "tts-uk-serum-counterfeit",
        "counterfeit (return exemption); seller never responded (no_response, late reply); brand letter PDF; "
        "British Summer Time offsets",
        "buyer_favoured: return_and_refund 28.49 GBP with return_exemption counterfeit (no return), liability seller",
        base_case("TTS-UK-250412-0093", "tiktok_shop", "UK", "en", t("04-12 10:05")),
    )
    s.case["order"] = {
        "order_id": "577118023376540092", "placed_at": t("04-03 21:17"), "paid_at": t("04-03 21:18"),
        "shipped_at": t("04-04 16:00"), "delivered_at": t("04-07 11:26"), "cross_border": False,
        "payment_method": "card", "currency": "GBP", "total_paid": "28.49", "shipping_fee": "3.50",
        "items": [item("LMP-VC30", "Lumière Paris Vitamin C Brightening Serum 30 ml (authentic, brand sealed)",
                       1, "24.99")],
        "logistics": {"carrier": "Evri", "tracking_no": "H01HYA0043817265", "events": [
            {"at": t("04-04 16:00"), "status": "picked_up", "detail": "Parcel collected from the retailer"},
            {"at": t("04-05 06:20"), "status": "in_transit", "detail": "At the Evri National Hub, Rugby"},
            {"at": t("04-07 08:40"), "status": "out_for_delivery", "detail": "With the courier, Manchester"},
            {"at": t("04-07 11:26"), "status": "delivered", "detail": "Delivered to the front porch"},
        ]},
    }
    s.case["buyer"] = {"id": "TTB-6620913", "display_name": "Priya Sharma", "phone": "+44 7700 900731",
                       "address": "14 Wilbraham Road, Chorlton, Manchester M21 9JZ", "email": "priya.s@example.org"}
    s.case["seller"] = {"id": "TTS-SLR-77214", "shop_name": "GlowDeals UK", "email": "glowdeals.uk@example.com"}
    s.case["claim"] = {"type": "counterfeit", "requested_remedy": "return_and_refund", "amount": "28.49",
                       "reason_text": "This is not genuine. No hologram seal, the brand name is misspelt and the "
                                      "batch code doesn't exist according to the brand.",
                       "submitted_at": t("04-09 20:14")}
    s.case["after_sale"] = {"seller_response": "no_response", "intervention_requested_at": t("04-12 10:00"),
                            "settled_between_parties": False, "legal_proceedings": False, "previous_appeals": 0}
    pix = {"make": "Google", "model": "Pixel 8", "offset": "+01:00"}
    s.add_evidence("E1", "buyer", 1, t("04-09 20:14"), "photo", "received_label",
                   jpeg(draw_label(41, ["Sérum Éclat Vitamine C", "30 ml / 1.0 fl oz", "Batch: LB2309X",
                                        "Made in France"], title="Lumiére Paris", hologram=False,
                                   circle=(150, 115, 430, 170)),
                        exif={**pix, "taken": t.exif("04-09 19:48")}), "jpg",
                   "Label of the bottle I received: 'Lumiére', no hologram, batch LB2309X")
    s.add_evidence("E2", "buyer", 1, t("04-09 20:14"), "photo", "genuine_comparison",
                   jpeg(draw_label(42, ["Sérum Éclat Vitamine C", "30 ml / 1.0 fl oz", "Lot: 24K118",
                                        "Made in France"], title="Lumière Paris", hologram=True),
                        exif={**pix, "taken": t.exif("04-09 19:52")}), "jpg",
                   "The genuine one I bought at Selfridges last year, with the hologram seal")
    s.add_evidence("E3", "buyer", 1, t("04-09 20:15"), "document", "brand_letter", pdf(
        "Product authenticity enquiry", "Lumière Paris UK Consumer Care - ref. CC-UK-558210",
        [("Customer", "Ms P. Sharma"), ("Date", "9 April 2025"), ("Batch code queried", "LB2309X")],
        ["Thank you for contacting Lumière Paris. We have checked the batch code you provided against our "
         "production records. LB2309X is not a batch code issued by our factories; our codes consist of two "
         "digits, a letter and three digits (for example 24K118).",
         "GlowDeals UK is not an authorised retailer of Lumière Paris products. We recommend that you do not use "
         "the product."], footer="Lumière Paris UK Ltd, consumer care. This letter was sent by email.",
        stamp_text="CONSUMER CARE"), "pdf", "Email from the brand about the batch code")
    s.add_evidence("E4", "seller", 1, t("04-13 09:30"), "document", "supplier_invoice", pdf(
        "INVOICE 2025-0318", "Beauty Trade Wholesale Ltd, Unit 4 Park Royal, London",
        [("Bill to", "GlowDeals UK"), ("Invoice date", "18 March 2025"), ("Terms", "Paid")],
        ["Goods remain the property of the supplier until paid in full."],
        table=[["Description", "Qty", "Unit", "Amount"], ["Vitamin C serum 30ml (assorted)", "120", "8.10", "972.00"],
               ["Carriage", "1", "15.00", "15.00"], ["Total GBP", "", "", "987.00"]]),
        "pdf", "Our purchase invoice: we buy from a UK wholesaler")
    chat = [
        msg("M1", t("04-09 20:20"), "buyer", "Hello, the serum I received is fake: no hologram seal, the name is "
            "spelt 'Lumiére' and the batch code isn't real. Please refund me.", ["E1", "E3"]),
        msg("M2", t("04-11 09:00"), "buyer", "Hello? Could you reply please."),
        msg("M3", t("04-13 09:35"), "seller", "All our stock is from a UK supplier, see invoice. Bottles vary "
            "between batches.", ["E4"]),
    ]
    s.case["chat_logs"] = [
        {"owner": "buyer", "channel": "buyer_seller", "messages": chat},
        {"owner": "seller", "channel": "buyer_seller", "messages": copy_of(chat)},
    ]
    s.answers = answers(
        t("04-15 15:30"), "r.chen",
        {"E1": "admissible", "E2": "admissible", "E3": "admissible", "E4": "admissible"},
        "E1 against E2: misspelt brand name, no hologram, batch code format differs; E3, the brand's reply, says "
        "LB2309X was never issued. E4 shows a purchase of 'assorted' serum from a wholesaler, not that this unit "
        "is genuine. The seller's only reply (M3) came after the buyer's reminder M2, more than 72 h after M1. "
        "Counterfeit: refund without return.",
        finding="supported", problem="counterfeit", remedy="return_and_refund", amount="28.49",
        conduct=(False, True, True))
    return s


def case_tts_my_wrong_item() -> Sample:
    t = Clock("+08:00")
    s = Sample(
        "tts-my-cable-wrong-item",
        "South-East Asia cross-border order after 2025-01-08 with a small MYR amount (qualifies for refund "
        "without return); wrong item; seller partial offer",
        "buyer_favoured: refund_only 45.90 MYR, liability seller, SEA refund without return",
        base_case("TTS-MY-250211-0311", "tiktok_shop", "MY", "en", t("02-11 14:10")),
    )
    s.case["order"] = {
        "order_id": "580334719902561173", "placed_at": t("02-01 22:03"), "paid_at": t("02-01 22:04"),
        "shipped_at": t("02-03 11:00"), "delivered_at": t("02-08 15:37"), "cross_border": True,
        "payment_method": "wallet", "currency": "MYR", "total_paid": "45.90", "shipping_fee": "6.00",
        "items": [item("CB-CC-2M-100W", "USB-C to USB-C braided fast charging cable 2 m, 100 W PD", 1, "39.90")],
        "logistics": {"carrier": "J&T Express (cross-border)", "tracking_no": "JTMY6600918273", "events": [
            {"at": t("02-03 11:00"), "status": "picked_up", "detail": "Shenzhen consolidation warehouse"},
            {"at": t("02-05 09:12"), "status": "in_transit", "detail": "Arrived KLIA, customs clearance"},
            {"at": t("02-07 18:40"), "status": "in_transit", "detail": "Arrived Shah Alam hub"},
            {"at": t("02-08 09:15"), "status": "out_for_delivery", "detail": "Out for delivery"},
            {"at": t("02-08 15:37"), "status": "delivered", "detail": "Delivered, received by guard house"},
        ]},
    }
    s.case["buyer"] = {"id": "TTB-MY-1148830", "display_name": "Nurul Aisyah", "phone": "+60 12-345 6789",
                       "address": "No. 12, Jalan Kristal 7/3, Seksyen 7, 40000 Shah Alam, Selangor"}
    s.case["seller"] = {"id": "TTS-SLR-CN-30981", "shop_name": "VoltLink Global Store", "email": "service@voltlink.example"}
    s.case["claim"] = {"type": "wrong_item", "requested_remedy": "refund_only", "amount": "45.90",
                       "reason_text": "I ordered a USB-C to USB-C 2 m cable but received a Micro USB 1 m cable. "
                                      "Cannot use with my laptop.",
                       "submitted_at": t("02-09 10:12")}
    s.case["after_sale"] = {"seller_response": "partial_offer", "seller_responded_at": t("02-10 09:30"),
                            "intervention_requested_at": t("02-11 14:00"), "settled_between_parties": False,
                            "legal_proceedings": False, "previous_appeals": 0}
    s.add_evidence("E1", "buyer", 1, t("02-09 10:12"), "photo", "received_package",
                   jpeg(draw_label(51, ["Micro USB cable 1M", "SKU: CB-MU-1M-BK", "Output 5V 2.4A",
                                        "Made in China"], title="VoltLink", hologram=None, bg=(140, 160, 170),
                                   circle=(150, 175, 470, 250)),
                        exif={"make": "OPPO", "model": "CPH2481", "taken": t.exif("02-08 20:41"), "offset": "+08:00"}),
                   "jpg", "Package I received: Micro USB 1M, SKU CB-MU-1M-BK")
    s.add_evidence("E2", "buyer", 1, t("02-09 10:12"), "screenshot", "order_detail",
                   png(draw_app_screen("Order details", [
                       ("Delivered", "Your package was delivered on 8 Feb 15:37"),
                       ("VoltLink Global Store", "USB-C to USB-C braided fast charging cable 2 m, 100 W PD  x1"),
                       ("Variant", "2 m / Black / USB-C to USB-C"),
                       ("Order total", "RM45.90 (shipping RM6.00)"),
                       ("Order ID", "580334719902561173"),
                   ], header=(22, 24, 35), clock="10:09")), "png", "My order: USB-C to USB-C 2 m")
    s.add_evidence("E3", "seller", 1, t("02-10 09:28"), "screenshot", "pick_list",
                   png(draw_app_screen("WMS pick list #PK-0203-118", [
                       ("Order 580334719902561173", "SKU CB-CC-2M-100W  qty 1  bin A-14-03"),
                       ("Order 580334719902561190", "SKU CB-MU-1M-BK  qty 1  bin A-09-11"),
                       ("Picker", "ZHOU L.  03-02 09:41"),
                   ], header=(0, 102, 204), clock="09:27")), "png", "Our pick list shows the correct SKU was picked")
    chat = [
        msg("M1", t("02-09 10:15"), "buyer", "Hi, I got the wrong cable. Micro USB 1m, not the USB-C 2m I ordered. "
            "Please refund.", ["E1"]),
        msg("M2", t("02-10 09:30"), "seller", "Dear customer, so sorry for the trouble. Our pick list shows the "
            "right item. We can offer RM10 compensation, return shipping to China is very expensive.", ["E3"]),
        msg("M3", t("02-10 12:05"), "buyer", "RM10 is not enough, the cable is useless to me. The next order on "
            "your own list is the Micro USB one, maybe labels got swapped."),
        msg("M4", t("02-10 12:40"), "seller", "We understand. Please wait for platform decision, thank you."),
    ]
    s.case["chat_logs"] = [
        {"owner": "buyer", "channel": "buyer_seller", "messages": chat},
        {"owner": "seller", "channel": "buyer_seller", "messages": copy_of(chat)},
    ]
    s.answers = answers(
        t("02-13 16:00"), "s.lim", {"E1": "admissible", "E2": "admissible", "E3": "admissible"},
        "E1 shows the SKU CB-MU-1M-BK delivered against the order for CB-CC-2M-100W (E2). E3 lists the next order "
        "with exactly the SKU received, consistent with a label swap (M3). Wrong item: seller liable; cross-border "
        "MY order after 2025-01-08 with a small amount, so refund without return.",
        finding="supported", problem="wrong_item", remedy="refund_only", amount="45.90", conduct=(True, True, True))
    return s


def case_tts_uk_settled() -> Sample:
    t = Clock("+00:00")
    s = Sample(
        "tts-uk-cushion-settled",
        "declined at J3: the parties settled in chat (partial refund accepted) before the buyer asked the "
        "platform to step in",
        "declined (J3_not_settled)",
        base_case("TTS-UK-250320-0051", "tiktok_shop", "UK", "en", t("03-20 12:00")),
    )
    s.case["order"] = {
        "order_id": "577090442187730215", "placed_at": t("03-10 19:30"), "paid_at": t("03-10 19:30"),
        "shipped_at": t("03-11 14:00"), "delivered_at": t("03-13 10:12"), "cross_border": False,
        "payment_method": "card", "currency": "GBP", "total_paid": "21.98", "shipping_fee": "0.00",
        "items": [item("VC-45-SAGE", "Velvet cushion cover 45 x 45 cm, sage green", 2, "10.99")],
        "logistics": {"carrier": "DPD", "tracking_no": "15501234567890", "events": [
            {"at": t("03-11 14:00"), "status": "picked_up", "detail": "Collected"},
            {"at": t("03-12 05:10"), "status": "in_transit", "detail": "At hub, Hinckley"},
            {"at": t("03-13 10:12"), "status": "delivered", "detail": "Delivered to customer"},
        ]},
    }
    s.case["buyer"] = {"id": "TTB-2209176", "display_name": "Tom Hughes", "email": "tom.hughes@example.co.uk",
                       "address": "5 Clifton Street, Cardiff CF24 1LS"}
    s.case["seller"] = {"id": "TTS-SLR-55102", "shop_name": "Nest & Nook Homeware", "email": "hi@nestnook.example"}
    s.case["claim"] = {"type": "not_as_described", "requested_remedy": "partial_refund", "amount": "8.00",
                       "reason_text": "Colour is much darker than the photos, more olive than sage.",
                       "submitted_at": t("03-14 18:05")}
    s.case["after_sale"] = {"seller_response": "partial_offer", "seller_responded_at": t("03-15 09:10"),
                            "intervention_requested_at": t("03-20 11:45"), "settled_between_parties": True,
                            "legal_proceedings": False, "previous_appeals": 0}
    s.add_evidence("E1", "buyer", 1, t("03-14 18:05"), "photo", "colour",
                   jpeg(draw_tshirt(61, color=(96, 110, 70), flaw="stain", circle=False),
                        exif={"make": "Apple", "model": "iPhone 12", "taken": t.exif("03-14 17:50"),
                              "offset": "+00:00"}), "jpg", "The colour as received, in daylight")
    chat = [
        msg("M1", t("03-14 18:10"), "buyer", "Hi, the covers are much darker than your photos. Can you do a partial refund?",
            ["E1"]),
        msg("M2", t("03-15 09:10"), "seller", "Hi Tom, sorry about that, screens do vary. We can refund £5.00 and you "
            "keep both covers, would that be OK?"),
        msg("M3", t("03-15 12:30"), "buyer", "OK, that's fine, thanks."),
        msg("M4", t("03-15 12:45"), "seller", "Done, £5.00 refunded to your card. Thank you!"),
        msg("M5", t("03-20 11:40"), "buyer", "Actually I've changed my mind, £5 isn't really enough."),
    ]
    s.case["chat_logs"] = [
        {"owner": "buyer", "channel": "buyer_seller", "messages": chat},
        {"owner": "seller", "channel": "buyer_seller", "messages": copy_of(chat)},
    ]
    s.answers = answers(
        t("03-21 09:30"), "m.okafor", {"E1": "admissible"},
        "The buyer accepted the seller's partial refund of GBP 5.00 in M3 and the seller confirmed it in M4, before "
        "the intervention request; the case is settled between the parties (J3), so the platform does not "
        "intervene. The parties may pursue their rights through legal channels.",
        finding=None)
    return s


def case_dy_cn_damaged_cod() -> Sample:
    t = Clock("+08:00")
    s = Sample(
        "dy-cn-teaset-damaged-cod",
        "Douyin, cash on delivery; damaged in transit (return exemption, carrier liability); courier chat "
        "screenshot; seller's copy softens the rude message M5 (edited); rejected 33 h before intervention",
        "buyer_favoured: return_and_refund 168.00 CNY, return_exemption damaged, refund_route cod_seller_refund, "
        "liability carrier",
        base_case("DY-CN-250215-0042", "douyin", "CN", "zh-CN", t("02-14 20:30")),
    )
    s.case["order"] = {
        "order_id": "6928475310294857316", "placed_at": t("02-08 21:36"), "paid_at": t("02-12 16:20"),
        "shipped_at": t("02-09 17:05"), "delivered_at": t("02-12 16:20"), "cross_border": False,
        "payment_method": "cod", "currency": "CNY", "total_paid": "168.00", "shipping_fee": "0.00",
        "items": [item("JDZ-QH-1H4B", "景德镇手绘青花瓷茶具套装（一壶四杯）礼盒装", 1, "168.00")],
        "logistics": {"carrier": "中通快递", "tracking_no": "75319024681357", "events": [
            {"at": t("02-09 17:05"), "status": "picked_up", "detail": "【景德镇市】中通快递 景德镇珠山 已揽收"},
            {"at": t("02-10 03:22"), "status": "in_transit", "detail": "【南昌市】已到达 南昌转运中心"},
            {"at": t("02-11 09:48"), "status": "in_transit", "detail": "【杭州市】已到达 杭州转运中心"},
            {"at": t("02-12 08:30"), "status": "out_for_delivery", "detail": "【杭州市】西湖文三路网点 派件员 张师傅 正在派件"},
            {"at": t("02-12 16:20"), "status": "delivered", "detail": "【杭州市】已签收，签收人：本人（货到付款已收款）"},
        ]},
    }
    s.case["buyer"] = {"id": "DYB-82736451", "display_name": "李晓雯", "phone": "13812345678",
                       "address": "浙江省杭州市西湖区文三路138号东方通信大厦3幢502室"}
    s.case["seller"] = {"id": "DYS-3307215", "shop_name": "瓷韵茶具旗舰店", "phone": "0798-8231567"}
    s.case["claim"] = {"type": "damaged", "requested_remedy": "return_and_refund", "amount": "168.00",
                       "reason_text": "快递箱子一角被压扁了，打开发现茶壶盖碎了，两个杯子裂开，整套没法用。",
                       "submitted_at": t("02-12 18:05")}
    s.case["after_sale"] = {"seller_response": "rejected", "seller_responded_at": t("02-13 10:30"),
                            "intervention_requested_at": t("02-14 19:50"), "settled_between_parties": False,
                            "legal_proceedings": False, "previous_appeals": 0}
    huawei = {"make": "HUAWEI", "model": "ELS-AN00", "offset": "+08:00"}
    s.add_evidence("E1", "buyer", 1, t("02-12 18:05"), "photo", "parcel_dent",
                   jpeg(draw_parcel(71, dent=True, carrier="中通快递 ZTO",
                                    label_lines=["收：李** 138****5678", "浙江省杭州市西湖区文三路…", "货到付款 ¥168.00",
                                                 "75319024681357"], fragile="易碎品"),
                        exif={**huawei, "taken": t.exif("02-12 16:31")}), "jpg", "签收时外箱右上角被压塌")
    s.add_evidence("E2", "buyer", 1, t("02-12 18:05"), "photo", "cup_cracked",
                   jpeg(draw_mug(72, crack=True, color=(236, 240, 248), text="青花"),
                        exif={**huawei, "taken": t.exif("02-12 16:40")}), "jpg", "开箱后杯子裂开")
    s.add_evidence("E3", "buyer", 1, t("02-12 18:06"), "screenshot", "courier_chat",
                   png(draw_chat_screen("中通快递 张师傅", [
                       ("time", "2月12日 16:45"),
                       ("me", "师傅，你刚送的箱子角都压扁了，里面茶壶碎了"),
                       ("them", "不好意思啊，这件在杭州中转的时候被上面的大件压了，我们网点看到了"),
                       ("me", "那你们能给我开个破损证明吗"),
                       ("them", "你先找商家申请售后，商家找我们理赔，我们这边配合"),
                   ], clock="16:47")), "png", "和快递员的聊天：承认中转时被压")
    s.add_evidence("E4", "seller", 1, t("02-13 10:28"), "photo", "packing",
                   jpeg(draw_open_box(74, ["茶壶", "茶杯 x4", "", ""])), "jpg", "发货前打包照片，泡沫箱加气泡膜")
    chat = [
        msg("M1", t("02-12 18:08"), "buyer", "你好，今天货到付款签收的茶具，外箱被压扁了，茶壶盖碎了，两个杯子裂了，"
            "麻烦处理一下退款。", ["E1", "E2"]),
        msg("M2", t("02-12 18:30"), "seller", "亲，您好，这边看一下哦，请问签收的时候有没有当面验货呢？"),
        msg("M3", t("02-12 18:41"), "buyer", "货到付款要先付钱才给拆，快递员也承认是中转压坏的。", ["E3"]),
        msg("M4", t("02-13 10:20"), "seller", "我们发货前都有打包照片，包装很严实的。", ["E4"]),
        msg("M5", t("02-13 10:30"), "seller", "你自己签收的，签了就是你的事，别来找我们，找快递去。"),
        msg("M6", t("02-13 10:52"), "buyer", "东西是你们发的快递，不是我叫的快递。那我申请平台介入了。"),
    ]
    s.case["chat_logs"] = [
        {"owner": "buyer", "channel": "buyer_seller", "messages": chat},
        {"owner": "seller", "channel": "buyer_seller", "messages": copy_of(chat, edit={
            "M5": "亲，签收前建议当面验货哦，签收后的运输问题请您联系快递处理，感谢理解。"})},
    ]
    s.answers = answers(
        t("02-17 15:00"), "王审核", {"E1": "admissible", "E2": "admissible", "E3": "admissible", "E4": "admissible"},
        "E1 显示外箱角部压塌，E2 显示杯体开裂，E3 中快递员承认中转时被重物压坏；E4 证明发货时包装完好，与运输途中损坏"
        "相符。运输损坏由物流承担责任，完全损坏免退货，货到付款由商家在48小时内退款并上传凭证。M5 双方版本不一致"
        "（卖家版本措辞被修改），买家版本用语不专业。",
        finding="supported", problem="damaged", remedy="return_and_refund", amount="168.00",
        conduct=(True, False, True), damage_extent="complete")
    return s


def case_dy_cn_custom_made() -> Sample:
    t = Clock("+08:00")
    s = Sample(
        "dy-cn-tumbler-custom",
        "custom-made item (return exemption); not as described (wrong engraving); the two copies disagree on what "
        "the buyer asked for (M2 edited); order remark screenshot settles it; Douyin postage not refunded",
        "buyer_favoured: return_and_refund 89.00 CNY (postage 6.00 not refunded), return_exemption custom_made, "
        "liability seller",
        base_case("DY-CN-250306-0117", "douyin", "CN", "zh-CN", t("03-06 10:00")),
    )
    s.case["order"] = {
        "order_id": "6931902284756120397", "placed_at": t("02-26 13:12"), "paid_at": t("02-26 13:12"),
        "shipped_at": t("02-28 18:40"), "delivered_at": t("03-03 11:05"), "cross_border": False,
        "payment_method": "wallet", "currency": "CNY", "total_paid": "95.00", "shipping_fee": "6.00",
        "items": [item("KSG-TB500-DZ", "定制刻字316不锈钢保温杯 500ml 墨绿（激光刻字，定制商品）", 1, "89.00",
                       custom_made=True, nrr=False)],
        "logistics": {"carrier": "圆通速递", "tracking_no": "YT7489203316452", "events": [
            {"at": t("02-28 18:40"), "status": "picked_up", "detail": "【义乌市】圆通速递 义乌分拨中心 已揽收"},
            {"at": t("03-01 06:15"), "status": "in_transit", "detail": "【金华市】已发往 北京转运中心"},
            {"at": t("03-02 22:31"), "status": "in_transit", "detail": "【北京市】已到达 北京转运中心"},
            {"at": t("03-03 08:50"), "status": "out_for_delivery", "detail": "【北京市】朝阳区望京网点 正在派件"},
            {"at": t("03-03 11:05"), "status": "delivered", "detail": "【北京市】已签收，放入丰巢快递柜"},
        ]},
    }
    s.case["buyer"] = {"id": "DYB-50918273", "display_name": "张晓明", "phone": "13911112222",
                       "address": "北京市朝阳区望京街道阜通东大街6号院3号楼1806"}
    s.case["seller"] = {"id": "DYS-8812094", "shop_name": "刻时光定制馆", "phone": "15700001234"}
    s.case["claim"] = {"type": "not_as_described", "requested_remedy": "return_and_refund", "amount": "89.00",
                       "reason_text": "下单备注写的是“张晓明”，收到的杯子刻成了“张小明”，送人的礼物没法用。",
                       "submitted_at": t("03-03 20:40")}
    s.case["after_sale"] = {"seller_response": "rejected", "seller_responded_at": t("03-05 11:00"),
                            "intervention_requested_at": t("03-06 09:30"), "settled_between_parties": False,
                            "legal_proceedings": False, "previous_appeals": 0}
    s.add_evidence("E1", "buyer", 1, t("03-03 20:40"), "photo", "engraving",
                   jpeg(draw_tumbler(81, "张小明"),
                        exif={"make": "Xiaomi", "model": "23127PN0CC", "taken": t.exif("03-03 19:58"),
                              "offset": "+08:00"}), "jpg", "收到的杯子，刻的是“张小明”")
    s.add_evidence("E2", "buyer", 1, t("03-03 20:41"), "screenshot", "order_remark",
                   png(draw_app_screen("订单详情", [
                       ("已签收", "3月3日 11:05 已放入丰巢快递柜"),
                       ("刻时光定制馆", "定制刻字316不锈钢保温杯 500ml 墨绿  x1"),
                       ("定制信息", "刻字内容：张晓明（破晓的晓）  字体：楷体"),
                       ("实付款", "¥95.00（含运费 ¥6.00）"),
                       ("订单编号", "6931902284756120397"),
                   ], clock="20:39")), "png", "订单详情里的定制信息：张晓明")
    s.add_evidence("E3", "seller", 1, t("03-05 10:55"), "screenshot", "seller_chat_record",
                   png(draw_chat_screen("买家 张晓明", [
                       ("time", "2月26日 13:15"),
                       ("them", "刻字内容：张小明"),
                       ("me", "好的亲，已为您备注，2-3天刻好发出"),
                   ], clock="10:52", header=(254, 44, 85), mine_color=(255, 220, 225))), "png",
                   "商家后台聊天记录：买家发的是“张小明”")
    chat = [
        msg("M1", t("02-26 13:14"), "seller", "亲，欢迎光临刻时光，定制内容可以直接在这里发给我哦~"),
        msg("M2", t("02-26 13:15"), "buyer", "刻字内容：张晓明（破晓的晓，不是大小的小）"),
        msg("M3", t("02-26 13:16"), "seller", "好的亲，已为您备注，2-3天刻好发出"),
        msg("M4", t("03-03 20:45"), "buyer", "杯子收到了，刻错字了，我要的是“晓”，你们刻成了“小”。", ["E1", "E2"]),
        msg("M5", t("03-05 11:00"), "seller", "定制商品一经刻字不支持退换，而且您当时发的就是“张小明”。", ["E3"]),
        msg("M6", t("03-05 11:20"), "buyer", "订单备注和聊天记录里都写得清清楚楚，你们怎么能这么说？"),
    ]
    s.case["chat_logs"] = [
        {"owner": "buyer", "channel": "buyer_seller", "messages": chat},
        {"owner": "seller", "channel": "buyer_seller", "messages": copy_of(chat, edit={"M2": "刻字内容：张小明"})},
    ]
    s.answers = answers(
        t("03-08 10:30"), "王审核", {"E1": "admissible", "E2": "admissible", "E3": "admissible"},
        "E2 平台订单的定制信息为“张晓明（破晓的晓）”，E1 实物刻字为“张小明”，与订单不符。M2 双方版本文字不同，"
        "E3 仅为卖家一方的记录，订单系统记录 E2 与买家版本 M2 一致。定制商品免退货，直接退款；抖音规则运费不退，"
        "退款金额为商品价 89.00 元。",
        finding="supported", problem="not_as_described", remedy="return_and_refund", amount="89.00",
        conduct=(True, True, True))
    return s


def case_dy_cn_minor_quality() -> Sample:
    t = Clock("+08:00")
    s = Sample(
        "dy-cn-tshirt-minor",
        "minor quality issue (loose threads): partial refund, shared liability; seller's partial offer (r2: "
        "seller_offer; a rejection for J2, the intervention came 35 h later); seller's product-page screenshot",
        "partial: partial_refund 15.00 CNY, liability shared",
        base_case("DY-CN-250220-0087", "douyin", "CN", "zh-CN", t("02-20 16:10")),
    )
    s.case["order"] = {
        "order_id": "6927730018845561209", "placed_at": t("02-10 22:48"), "paid_at": t("02-10 22:48"),
        "shipped_at": t("02-11 15:00"), "delivered_at": t("02-14 13:26"), "cross_border": False,
        "payment_method": "wallet", "currency": "CNY", "total_paid": "79.90", "shipping_fee": "0.00",
        "items": [item("MZD-TS-3P-L", "新疆长绒棉纯棉短袖T恤 3件装 白色 L码", 1, "79.90")],
        "logistics": {"carrier": "韵达快递", "tracking_no": "4312905578812", "events": [
            {"at": t("02-11 15:00"), "status": "picked_up", "detail": "【广州市】韵达 白云区 已揽收"},
            {"at": t("02-12 04:10"), "status": "in_transit", "detail": "【广州市】已到达 广州分拨中心"},
            {"at": t("02-14 07:55"), "status": "out_for_delivery", "detail": "【成都市】武侯区 派件中"},
            {"at": t("02-14 13:26"), "status": "delivered", "detail": "【成都市】已签收，菜鸟驿站代收"},
        ]},
    }
    s.case["buyer"] = {"id": "DYB-11820934", "display_name": "陈静", "phone": "13698765432",
                       "address": "四川省成都市武侯区科华北路65号世外桃源广场A座1203"}
    s.case["seller"] = {"id": "DYS-6630471", "shop_name": "棉知道官方旗舰店", "phone": "020-86331290"}
    s.case["claim"] = {"type": "quality_issue", "requested_remedy": "partial_refund", "amount": "30.00",
                       "reason_text": "三件里有一件下摆线头很多，还有一处跳线，能穿但是不太好看，希望部分退款。",
                       "submitted_at": t("02-15 12:30")}
    s.case["after_sale"] = {"seller_response": "partial_offer", "seller_responded_at": t("02-16 10:05"),
                            "intervention_requested_at": t("02-17 21:40"), "settled_between_parties": False,
                            "legal_proceedings": False, "previous_appeals": 0,
                            "seller_offer": {"remedy": "partial_refund", "amount": "8.00"}}
    vivo = {"make": "vivo", "model": "V2309A", "offset": "+08:00"}
    s.add_evidence("E1", "buyer", 1, t("02-15 12:30"), "photo", "loose_thread",
                   jpeg(draw_tshirt(91, flaw="thread"), exif={**vivo, "taken": t.exif("02-15 12:12")}), "jpg",
                   "下摆线头和跳线（红圈处）")
    s.add_evidence("E2", "buyer", 1, t("02-15 12:30"), "photo", "other_two",
                   jpeg(draw_tshirt(92, flaw="thread", circle=False), exif={**vivo, "taken": t.exif("02-15 12:14")}),
                   "jpg", "同一件的正面")
    s.add_evidence("E3", "seller", 1, t("02-16 10:02"), "screenshot", "product_page",
                   png(draw_app_screen("商品详情", [
                       ("新疆长绒棉纯棉短袖T恤 3件装", "¥79.90  已售 2.3万"),
                       ("质检说明", "每件出厂前人工剪线头，纯棉针织面料可能残留少量线头，不影响穿着，介意慎拍。"),
                       ("售后保障", "7天无理由退货 · 运费险"),
                   ], clock="10:01")), "png", "商品页质检说明")
    chat = [
        msg("M1", t("02-15 12:35"), "buyer", "你好，有一件T恤下摆线头很多，还有一处跳线，图片发你了。", ["E1", "E2"]),
        msg("M2", t("02-16 10:05"), "seller", "亲亲，非常抱歉给您带来不好的体验~纯棉T恤可能会有少量线头，您剪掉就不影响"
            "穿着哦。我们给您补偿5元红包可以吗？", ["E3"]),
        msg("M3", t("02-16 10:30"), "buyer", "跳线剪不掉的，5元太少了，至少30吧，一件都快27了。"),
        msg("M4", t("02-16 11:02"), "seller", "最多只能给到8元了亲，实在抱歉。"),
        msg("M5", t("02-17 21:38"), "buyer", "那我申请平台处理吧。"),
    ]
    s.case["chat_logs"] = [
        {"owner": "buyer", "channel": "buyer_seller", "messages": chat},
        {"owner": "seller", "channel": "buyer_seller", "messages": copy_of(chat)},
    ]
    s.answers = answers(
        t("02-22 11:00"), "刘审核", {"E1": "admissible", "E2": "admissible", "E3": "admissible"},
        "E1、E2 显示一件T恤下摆线头和一处跳线，属于轻微质量问题，不影响穿着；E3 商品页已提示可能残留少量线头，但跳线"
        "不在提示范围内。卖家在 M2、M4 提出 5 元、8 元补偿。按轻微质量问题部分退款 15.00 元，责任由买卖双方分担。",
        finding="supported", problem="minor_quality", remedy="partial_refund", amount="15.00",
        conduct=(True, True, True))
    return s


def case_dy_cn_no_reason_return() -> Sample:
    t = Clock("+08:00")
    s = Sample(
        "dy-cn-dress-no-reason",
        "seven-day no-reason return of an eligible item; seller claims the tag was removed; seller's copy lacks "
        "M5 (a WeChat contact, i.e. a third-party link); buyer bears the return",
        "buyer_favoured: return_and_refund 299.00 CNY, return required, liability buyer",
        base_case("DY-CN-250111-0356", "douyin", "CN", "zh-CN", t("01-11 12:20")),
    )
    s.case["order"] = {
        "order_id": "6925513347201938845", "placed_at": t("01-04 20:05"), "paid_at": t("01-04 20:05"),
        "shipped_at": t("01-05 17:30"), "delivered_at": t("01-08 14:52"), "cross_border": False,
        "payment_method": "card", "currency": "CNY", "total_paid": "299.00", "shipping_fee": "0.00",
        "items": [item("YJQX-LYQ-2401-M", "法式复古丝绒长袖连衣裙 藏青色 M码", 1, "299.00")],
        "logistics": {"carrier": "顺丰速运", "tracking_no": "SF1402938475612", "events": [
            {"at": t("01-05 17:30"), "status": "picked_up", "detail": "【杭州市】顺丰速运 已收取快件"},
            {"at": t("01-06 02:40"), "status": "in_transit", "detail": "【杭州市】已到达 杭州萧山中转场"},
            {"at": t("01-08 09:10"), "status": "out_for_delivery", "detail": "【南京市】鼓楼区 派送中"},
            {"at": t("01-08 14:52"), "status": "delivered", "detail": "【南京市】已签收，本人签收"},
        ]},
    }
    s.case["buyer"] = {"id": "DYB-66290415", "display_name": "周雨桐", "phone": "15951234567",
                       "address": "江苏省南京市鼓楼区中山北路283号虹桥公寓2单元701"}
    s.case["seller"] = {"id": "DYS-2240986", "shop_name": "衣見倾心女装店", "phone": "18867891234"}
    s.case["claim"] = {"type": "no_reason_return", "requested_remedy": "return_and_refund", "amount": "299.00",
                       "reason_text": "试穿了一下版型不适合我，吊牌都在，没有洗过，申请七天无理由退货。",
                       "submitted_at": t("01-10 09:15")}
    s.case["after_sale"] = {"seller_response": "rejected", "seller_responded_at": t("01-10 20:00"),
                            "intervention_requested_at": t("01-11 12:10"), "settled_between_parties": False,
                            "legal_proceedings": False, "previous_appeals": 0}
    apple = {"make": "Apple", "model": "iPhone 15", "offset": "+08:00"}
    s.add_evidence("E1", "buyer", 1, t("01-10 09:15"), "photo", "dress_with_tag",
                   jpeg(draw_dress(101), exif={**apple, "taken": t.exif("01-10 08:58")}), "jpg",
                   "裙子平铺，吊牌完好")
    s.add_evidence("E2", "seller", 1, t("01-10 19:55"), "screenshot", "shop_notice",
                   png(draw_app_screen("店铺公告", [
                       ("衣見倾心 · 新年特惠", "特价款、清仓款不支持七天无理由退换，拍下即视为同意。"),
                       ("退换须知", "吊牌拆除、有穿着痕迹、有异味的商品不予退换。"),
                   ], clock="19:54")), "png", "店铺公告：特价款不支持七天无理由")
    chat = [
        msg("M1", t("01-10 09:20"), "buyer", "你好，裙子试了一下版型不太适合，吊牌都在，想申请七天无理由退货。", ["E1"]),
        msg("M2", t("01-10 19:50"), "seller", "这款是年货节特价款，店铺公告写了不支持七天无理由的哦。", ["E2"]),
        msg("M3", t("01-10 19:58"), "buyer", "商品页面写的是支持七天无理由退货，下单的时候也有标识。"),
        msg("M4", t("01-10 20:00"), "seller", "而且您这个吊牌看着像拆过又挂回去的，我们不接受退货。"),
        msg("M5", t("01-10 20:05"), "seller", "亲，加我微信 yjqx_kefu88 ，给您发个20元券，这单就别退了好吗？"),
        msg("M6", t("01-10 20:20"), "buyer", "不用了，我就按规则退货，运费我自己出。"),
    ]
    s.case["chat_logs"] = [
        {"owner": "buyer", "channel": "buyer_seller", "messages": chat},
        {"owner": "seller", "channel": "buyer_seller", "messages": copy_of(chat, drop=("M5",))},
    ]
    s.answers = answers(
        t("01-13 10:00"), "刘审核", {"E1": "admissible", "E2": "not_relevant"},
        "订单商品标注支持七天无理由退货，买家在签收后两天内申请（M1），E1 显示吊牌完好、无穿着痕迹；E2 为店铺公告，"
        "不能排除商品页面承诺的七天无理由，与本案无关。M4 关于吊牌被拆的说法无证据支持。M5 仅见于买家版本，"
        "卖家引导添加微信，属于站外联系方式。七天无理由退货：买家退货，来回运费及运输风险由买家承担。",
        finding="supported", problem="no_reason_return", remedy="return_and_refund", amount="299.00",
        conduct=(True, True, False))
    return s


def case_dy_cn_late_intervention() -> Sample:
    t = Clock("+08:00")
    s = Sample(
        "dy-cn-speaker-late",
        "declined at J2: Douyin intervention requested 49 h after the seller's rejection (limit 48 h); "
        "not as described (waterproof rating)",
        "declined (J2_in_time)",
        base_case("DY-CN-250227-0019", "douyin", "CN", "zh-CN", t("02-27 11:20")),
    )
    s.case["order"] = {
        "order_id": "6929984410027736518", "placed_at": t("02-17 19:40"), "paid_at": t("02-17 19:41"),
        "shipped_at": t("02-18 16:20"), "delivered_at": t("02-21 10:34"), "cross_border": False,
        "payment_method": "wallet", "currency": "CNY", "total_paid": "139.00", "shipping_fee": "0.00",
        "items": [item("SY-BT-M3-BLU", "声悦 M3 户外便携蓝牙音箱 IPX7级防水 深海蓝", 1, "139.00")],
        "logistics": {"carrier": "极兔速递", "tracking_no": "JT3089174452631", "events": [
            {"at": t("02-18 16:20"), "status": "picked_up", "detail": "【深圳市】极兔速递 宝安区 已揽收"},
            {"at": t("02-19 05:02"), "status": "in_transit", "detail": "【东莞市】已到达 东莞转运中心"},
            {"at": t("02-21 10:34"), "status": "delivered", "detail": "【武汉市】已签收，家门口"},
        ]},
    }
    s.case["buyer"] = {"id": "DYB-30471862", "display_name": "刘洋", "phone": "13712349876",
                       "address": "湖北省武汉市洪山区珞喻路1037号华中科技大学紫菘公寓7栋"}
    s.case["seller"] = {"id": "DYS-9018273", "shop_name": "声悦数码专营店", "phone": "0755-27718820"}
    s.case["claim"] = {"type": "not_as_described", "requested_remedy": "return_and_refund", "amount": "139.00",
                       "reason_text": "商品页写的IPX7防水，收到的说明书和机身都写IPX4，和描述不符。",
                       "submitted_at": t("02-22 21:10")}
    s.case["after_sale"] = {"seller_response": "rejected", "seller_responded_at": t("02-25 10:00"),
                            "intervention_requested_at": t("02-27 11:00"), "settled_between_parties": False,
                            "legal_proceedings": False, "previous_appeals": 0}
    s.add_evidence("E1", "buyer", 1, t("02-22 21:10"), "photo", "spec_label",
                   jpeg(draw_label(111, ["型号：SY-M3", "防水等级：IPX4", "输入：5V⎓1A", "深圳市声悦电子有限公司"],
                                   title="声悦 M3 蓝牙音箱", hologram=None, bg=(40, 60, 90),
                                   circle=(150, 220, 430, 285)),
                        exif={"make": "HONOR", "model": "PGT-AN10", "taken": t.exif("02-22 20:51"),
                              "offset": "+08:00"}), "jpg", "机身底部铭牌：IPX4")
    s.add_evidence("E2", "buyer", 1, t("02-22 21:11"), "screenshot", "listing",
                   png(draw_app_screen("商品详情", [
                       ("声悦 M3 户外便携蓝牙音箱", "¥139.00  IPX7级防水 · 30小时续航"),
                       ("商品参数", "防水等级：IPX7（可短时浸水）  蓝牙：5.3"),
                   ], clock="21:02")), "png", "商品页写的是IPX7")
    chat = [
        msg("M1", t("02-22 21:15"), "buyer", "你好，页面写IPX7，收到的写IPX4，这是两个完全不同的防水等级。", ["E1", "E2"]),
        msg("M2", t("02-25 10:00"), "seller", "您好，铭牌是旧版印刷，实际产品达到IPX7标准，不影响使用，不支持退货。"),
        msg("M3", t("02-27 10:58"), "buyer", "前两天出差没顾上，现在申请平台介入。"),
    ]
    s.case["chat_logs"] = [
        {"owner": "buyer", "channel": "buyer_seller", "messages": chat},
        {"owner": "seller", "channel": "buyer_seller", "messages": copy_of(chat)},
    ]
    s.answers = answers(
        t("02-28 09:00"), "王审核", {"E1": "admissible", "E2": "admissible"},
        "卖家于 2月25日 10:00 拒绝（M2），买家于 2月27日 11:00 申请平台介入（M3），间隔 49 小时，超过抖音规则规定的"
        "48 小时，平台不予介入。双方可通过法律途径主张权利。",
        finding=None)
    return s


def case_dy_cn_phone_large() -> Sample:
    t = Clock("+08:00")
    s = Sample(
        "dy-cn-phone-screen-large",
        "the large case: 12 evidence items (photos, screenshots, PDFs; requested and unrequested supplements from "
        "both parties, a third submission), four chat logs with about 60 messages, a message missing from the "
        "seller's copy and two edited messages; serious quality issue disputed as user damage",
        "buyer_favoured: return_and_refund 1999.00 CNY, liability seller",
        base_case("DY-CN-250318-0203", "douyin", "CN", "zh-CN", t("03-18 09:40")),
    )
    s.case["order"] = {
        "order_id": "6933307751284409962", "placed_at": t("03-08 20:00"), "paid_at": t("03-08 20:01"),
        "shipped_at": t("03-09 14:30"), "delivered_at": t("03-11 10:15"), "cross_border": False,
        "payment_method": "card", "currency": "CNY", "total_paid": "1999.00", "shipping_fee": "0.00",
        "items": [item("XY-X20-8256-BLK", "星耀 X20 5G智能手机 8GB+256GB 曜石黑 全网通", 1, "1999.00")],
        "logistics": {"carrier": "顺丰速运", "tracking_no": "SF1388702941556", "events": [
            {"at": t("03-09 14:30"), "status": "picked_up", "detail": "【东莞市】顺丰速运 已收取快件"},
            {"at": t("03-09 23:10"), "status": "in_transit", "detail": "【东莞市】已到达 东莞集散中心"},
            {"at": t("03-10 15:45"), "status": "in_transit", "detail": "【上海市】已到达 上海浦东集散中心"},
            {"at": t("03-11 08:20"), "status": "out_for_delivery", "detail": "【上海市】浦东新区张江 派送中"},
            {"at": t("03-11 10:15"), "status": "delivered", "detail": "【上海市】已签收，本人签收（验证码签收）"},
        ]},
    }
    s.case["buyer"] = {"id": "DYB-77410923", "display_name": "赵敏", "phone": "13812345678",
                       "address": "上海市浦东新区张江镇碧波路690号3号楼1102室", "email": "zhaomin@example.cn"}
    s.case["seller"] = {"id": "DYS-1029384", "shop_name": "星耀手机官方旗舰店", "phone": "400-820-1234",
                        "email": "service@xingyao.example"}
    s.case["claim"] = {"type": "quality_issue", "requested_remedy": "return_and_refund", "amount": "1999.00",
                       "reason_text": "手机用了三天屏幕右侧出现一条绿色竖线，重启、恢复出厂设置都没用。没有摔过，也没进水。",
                       "submitted_at": t("03-14 21:30")}
    s.case["after_sale"] = {"seller_response": "rejected", "seller_responded_at": t("03-16 18:00"),
                            "intervention_requested_at": t("03-17 22:40"), "settled_between_parties": False,
                            "legal_proceedings": False, "previous_appeals": 0}
    iph = {"make": "Apple", "model": "iPhone 14", "offset": "+08:00"}
    add = s.add_evidence
    add("E1", "buyer", 1, t("03-14 21:30"), "photo", "green_line",
        jpeg(draw_phone(121, "green_line", "21:12"), exif={**iph, "taken": t.exif("03-14 21:12")}), "jpg",
        "屏幕右侧绿色竖线（亮屏状态）")
    add("E2", "buyer", 1, t("03-14 21:30"), "photo", "green_line_restart",
        jpeg(draw_phone(122, "green_line", "21:20", desk=(120, 100, 80)), exif={**iph, "taken": t.exif("03-14 21:20")}),
        "jpg", "重启后竖线仍在")
    add("E3", "buyer", 1, t("03-14 21:31"), "screenshot", "order_page",
        png(draw_app_screen("订单详情", [
            ("已签收", "3月11日 10:15 本人签收"),
            ("星耀手机官方旗舰店", "星耀 X20 5G智能手机 8GB+256GB 曜石黑  x1"),
            ("实付款", "¥1999.00"),
            ("服务", "7天无理由退货 · 15天质量问题换新 · 官方质保1年"),
            ("订单编号", "6933307751284409962"),
        ], clock="21:25")), "png", "订单页面：15天质量问题换新")
    add("E4", "buyer", 1, t("03-14 21:31"), "photo", "box_intact",
        jpeg(draw_parcel(124, dent=False, carrier="顺丰速运 SF",
                         label_lines=["收：赵* 138****5678", "上海市浦东新区张江镇…", "SF1388702941556", "保价 ¥2000"],
                         fragile="贵重物品"),
             exif={**iph, "taken": t.exif("03-11 10:22")}), "jpg", "签收时外包装完好")
    add("E5", "seller", 1, t("03-16 17:40"), "photo", "packing",
        jpeg(draw_open_box(125, ["手机", "充电器", "数据线", "说明书"])), "jpg", "出库打包照片")
    add("E6", "seller", 1, t("03-16 17:41"), "screenshot", "qc_record",
        png(draw_app_screen("出库质检记录 QC-0309-0457", [
            ("IMEI 86451206 7731 248", "星耀 X20 8+256 曜石黑"),
            ("屏幕显示", "纯色检测 红/绿/蓝/白/黑  合格"),
            ("触控", "九宫格划线  合格"),
            ("外观", "无划痕 无磕碰  合格"),
            ("质检员", "黄师傅  3月9日 11:02"),
        ], header=(20, 20, 20), clock="17:39")), "png", "出库质检记录，屏幕检测合格")
    add("E7", "seller", 1, t("03-16 17:42"), "document", "factory_report", pdf(
        "出厂检验报告", "星耀通讯（东莞）有限公司 质量部",
        [("产品型号", "X20 (8GB+256GB)"), ("IMEI", "864512067731248"), ("检验日期", "2025年3月2日"),
         ("检验结论", "合格")],
        ["本机经显示、触控、通话、射频、电池、外观等全项检验，符合出厂标准。"],
        cjk=True, table=[["项目", "标准", "结果"], ["显示屏", "无坏点无亮线", "合格"], ["触控", "全区域响应", "合格"],
                         ["外观", "无磕碰划伤", "合格"]], stamp_text="质检合格", footer="本报告仅对送检样品负责"),
        "pdf", "出厂检验报告")
    add("E8", "buyer", 2, t("03-19 16:20"), "document", "service_center_report", pdf(
        "维修检测报告", "星耀授权服务中心（上海浦东店） 单号 WX-SH-250319-0061",
        [("送检日期", "2025年3月19日"), ("IMEI", "864512067731248"), ("故障描述", "屏幕出现绿色竖线"),
         ("检测结论", "屏幕排线接触不良，属性能故障，非人为损坏")],
        ["外观检查：机身无磕碰、无变形，进水标签未变色。",
         "检测：更换测试屏后显示正常，原屏幕排线接触不良导致竖线。",
         "结论：属于产品性能故障，符合“三包”规定的质量问题。"],
        cjk=True, stamp_text="服务专用章", footer="星耀授权服务中心 · 本报告一式两份"),
        "pdf", "授权服务中心检测报告（平台要求补充）", requested=True)
    add("E9", "seller", 2, t("03-19 11:05"), "photo", "dispatch_weight",
        jpeg(draw_scale(129, "0.486 kg")), "jpg", "出库称重 0.486kg（平台要求补充）", requested=True)
    add("E10", "seller", 2, t("03-20 09:30"), "screenshot", "buyer_history",
        png(draw_app_screen("客户备注", [
            ("买家 赵敏", "历史订单 3 笔，退货 2 笔"),
            ("客服备注", "疑似职业退货，注意留证"),
        ], header=(90, 90, 90), clock="09:28")), "png", "买家历史退货记录（卖家自行补充）", requested=False)
    add("E11", "buyer", 2, t("03-20 12:10"), "screenshot", "seller_rude_chat",
        png(draw_chat_screen("星耀手机官方旗舰店", [
            ("time", "3月16日 18:02"),
            ("them", "你自己摔的吧？这种线一看就是压过，别想讹人。"),
            ("me", "我没有摔过，外观一点痕迹都没有"),
        ], clock="18:05", header=(254, 44, 85))), "png", "卖家客服原话截图（买家自行补充）", requested=False)
    add("E12", "buyer", 3, t("03-20 15:45"), "photo", "imei_label",
        jpeg(draw_label(132, ["型号：X20  8GB+256GB", "颜色：曜石黑", "IMEI1：864512067731248",
                              "IMEI2：864512067731255"], title="星耀 X20 5G", hologram=True, bg=(30, 30, 35)),
             exif={**iph, "taken": t.exif("03-20 15:40")}), "jpg", "包装盒 IMEI 标签（平台要求补充）", requested=True)

    bs = [  # buyer <-> seller, as the buyer recorded it
        ("M1", "03-08 19:52", "buyer", "你好，X20 黑色 8+256 现在下单什么时候发货？"),
        ("M2", "03-08 19:53", "seller", "亲，您好，今天下单明天就能发顺丰哦~"),
        ("M3", "03-08 19:55", "buyer", "是全新国行吧？有没有发票？"),
        ("M4", "03-08 19:56", "seller", "官方旗舰店全新国行正品，支持开电子发票，确认收货后在订单页申请即可。"),
        ("M5", "03-08 20:02", "buyer", "好的，已下单。"),
        ("M6", "03-09 14:35", "seller", "亲，您的订单已发出，顺丰单号 SF1388702941556，请注意查收。"),
        ("M7", "03-11 10:30", "buyer", "收到了，包装很好，谢谢。"),
        ("M8", "03-14 21:15", "buyer", "你好，手机屏幕右边出现一条绿色竖线，重启也还在。", ["E1"]),
        ("M9", "03-14 21:22", "buyer", "恢复出厂设置也没用，这是第三天。", ["E2"]),
        ("M10", "03-14 21:40", "seller", "亲，麻烦问下手机有没有摔过或者受过挤压呢？"),
        ("M11", "03-14 21:43", "buyer", "没有，一直带着壳和膜，外观一点痕迹都没有。"),
        ("M12", "03-14 21:50", "seller", "好的，这边帮您登记一下，明天技术同事联系您。"),
        ("M13", "03-15 11:20", "seller", "亲，技术同事看了照片，这种竖线一般是屏幕受压导致的。"),
        ("M14", "03-15 11:25", "buyer", "我没有压过它，晚上就放床头充电。"),
        ("M15", "03-15 11:30", "seller", "建议您去附近的授权服务中心检测一下，出报告我们按报告处理。"),
        ("M16", "03-15 11:32", "buyer", "检测要排队，你们页面写着15天质量问题换新，为什么不直接换？"),
        ("M17", "03-15 11:40", "seller", "换新需要确认是质量问题哦，人为损坏不在范围内。"),
        ("M18", "03-15 20:10", "buyer", "那我先申请退货退款，你们收到货自己检测也可以。"),
        ("M19", "03-16 17:45", "seller", "我们出库前都有质检，屏幕检测是合格的。", ["E5", "E6", "E7"]),
        ("M20", "03-16 18:00", "seller", "你自己摔的吧？这种线一看就是压过，别想讹人。"),
        ("M21", "03-16 18:04", "buyer", "请你说话客气一点。我没有摔过，外观一点痕迹都没有。", ["E4"]),
        ("M22", "03-16 18:10", "seller", "售后申请已拒绝，有问题找平台。"),
        ("M23", "03-17 22:38", "buyer", "好，我申请平台介入。"),
        ("M24", "03-20 12:15", "buyer", "授权服务中心的报告出来了，非人为损坏，请你们看一下。", ["E8"]),
    ]
    buyer_copy = [msg(mid, t(at), who, text, *rest) for mid, at, who, text, *rest in bs]
    seller_copy = copy_of(buyer_copy, drop=("M22",), edit={
        "M20": "亲，这种竖线通常与屏幕受压有关，建议您提供检测报告，我们会按报告处理。",
        "M13": "亲，技术同事看了照片，这种竖线可能是屏幕受压导致的，需要检测确认。",
    })
    support_buyer = [
        ("P1", "03-17 22:41", "system", "您已申请平台介入，平台将在 48 小时内处理。"),
        ("P2", "03-18 09:45", "platform", "您好，我是抖音电商客服小音，已受理您的介入申请（DY-CN-250318-0203）。"),
        ("P3", "03-18 09:47", "platform", "请您在3天内前往授权服务中心检测，并上传检测报告。"),
        ("P4", "03-18 10:05", "buyer", "好的，我预约了明天下午的浦东服务中心。"),
        ("P5", "03-19 16:22", "buyer", "检测报告已上传，结论是屏幕排线问题，非人为损坏。", ["E8"]),
        ("P6", "03-19 16:40", "platform", "收到。为核对机器，请再上传包装盒上的 IMEI 标签照片。"),
        ("P7", "03-20 12:12", "buyer", "另外补充一下卖家客服的原话截图。", ["E11"]),
        ("P8", "03-20 15:46", "buyer", "IMEI 标签照片已上传。", ["E12"]),
        ("P9", "03-20 16:00", "platform", "资料已齐全，平台将尽快作出处理结果，请耐心等待。"),
        ("P10", "03-20 16:01", "system", "补充材料 E12 已收到。"),
    ]
    support_seller = [
        ("S1", "03-18 09:50", "platform", "商家您好，买家已申请平台介入（DY-CN-250318-0203），请在48小时内补充举证。"),
        ("S2", "03-18 09:52", "platform", "请补充该订单的出库称重照片。"),
        ("S3", "03-18 14:30", "seller", "我们已经上传了打包照片和质检记录，机器出库时是好的。"),
        ("S4", "03-19 11:06", "seller", "称重照片已上传。", ["E9"]),
        ("S5", "03-19 17:00", "platform", "买家已上传授权服务中心检测报告，请查看并于24小时内反馈意见。"),
        ("S6", "03-20 09:31", "seller", "这个买家退货率很高，请平台注意。", ["E10"]),
        ("S7", "03-20 09:40", "platform", "已收到。平台仅依据与本订单相关的证据处理。"),
        ("S8", "03-20 10:15", "seller", "检测报告我们认可是服务中心出的，但坚持出库时无问题。"),
    ]
    s.case["chat_logs"] = [
        {"owner": "buyer", "channel": "buyer_seller", "messages": buyer_copy},
        {"owner": "seller", "channel": "buyer_seller", "messages": seller_copy},
        {"owner": "platform", "channel": "buyer_support",
         "messages": [msg(mid, t(at), who, text, *rest) for mid, at, who, text, *rest in support_buyer]},
        {"owner": "platform", "channel": "seller_support",
         "messages": [msg(mid, t(at), who, text, *rest) for mid, at, who, text, *rest in support_seller]},
    ]
    s.answers = answers(
        t("03-21 14:00"), "刘审核",
        {"E1": "admissible", "E2": "admissible", "E3": "admissible", "E4": "admissible", "E5": "admissible",
         "E6": "admissible", "E7": "admissible", "E8": "admissible", "E9": "admissible", "E10": "not_relevant",
         "E11": "admissible", "E12": "admissible"},
        "E1、E2 显示屏幕绿色竖线；平台要求补充的授权服务中心报告 E8 认定为屏幕排线接触不良、非人为损坏，IMEI 与 E12 "
        "及 E6、E7 一致，为同一台机器。E4 显示外包装完好，E5、E6、E7、E9 只能证明出库时的状态，不能排除使用三天后"
        "出现的性能故障。E10、E11 为未经平台要求的补充材料，不予采纳（E10 亦与本订单无关）。卖家在 M20 中的用语不专业"
        "（卖家版本被修改），M22 仅见于买家版本。认定为严重质量问题，退货退款，由卖家承担责任。",
        finding="supported", problem="serious_quality", remedy="return_and_refund", amount="1999.00",
        conduct=(True, False, True))
    return s


def case_tts_th_scarf_thai() -> Sample:
    """TikTok Shop TH, written by Thai parties: names, address, the claim and the chats in Thai script (with
    combining vowel and tone marks) and one emoji, so the notice's Thai rendering can be checked."""
    t = Clock("+07:00")
    s = Sample(
        "tts-th-scarf-thai",
        "Thai parties (TikTok Shop TH, language th): buyer name, address, claim words, captions and chats in Thai "
        "script with an emoji; domestic order (no SEA refund without return); colour not as described",
        "buyer_favoured: return_and_refund 630.00 THB, liability seller",
        base_case("TTS-TH-250607-0412", "tiktok_shop", "TH", "th", t("06-07 10:20")),
    )
    s.case["order"] = {
        "order_id": "581120937741006512", "placed_at": t("05-29 20:41"), "paid_at": t("05-29 20:42"),
        "shipped_at": t("05-30 13:05"), "delivered_at": t("06-01 16:22"), "cross_border": False,
        "payment_method": "wallet", "currency": "THB", "total_paid": "630.00", "shipping_fee": "40.00",
        "items": [item("SILK-SC-ROSE-180", "ผ้าพันคอไหมไทย สีชมพูกุหลาบ 180 ซม. (Thai silk scarf, rose pink)", 1,
                       "590.00")],
        "logistics": {"carrier": "Kerry Express", "tracking_no": "KETH0012875531", "events": [
            {"at": t("05-30 13:05"), "status": "picked_up", "detail": "รับพัสดุแล้ว ขอนแก่น (Khon Kaen)"},
            {"at": t("05-31 02:40"), "status": "in_transit", "detail": "ศูนย์คัดแยก บางนา (Bang Na hub)"},
            {"at": t("06-01 09:10"), "status": "out_for_delivery", "detail": "กำลังนำส่ง"},
            {"at": t("06-01 16:22"), "status": "delivered", "detail": "ส่งสำเร็จ ผู้รับ: สมหญิง"},
        ]},
    }
    s.case["buyer"] = {"id": "TTB-TH-5520917", "display_name": "สมหญิง ใจดี", "phone": "+66 81 234 5678",
                       "address": "99/12 ซอยสุขุมวิท 24 แขวงคลองตัน เขตคลองเตย กรุงเทพฯ 10110",
                       "email": "somying.j@example.co.th"}
    s.case["seller"] = {"id": "TTS-SLR-TH-80214", "shop_name": "บ้านไหมคำ Baan Mai Kham Silk",
                        "phone": "+66 43 123 456", "email": "shop@baanmaikham.example"}
    s.case["claim"] = {"type": "not_as_described", "requested_remedy": "return_and_refund", "amount": "630.00",
                       "reason_text": "สีที่ได้รับเป็นสีส้มอิฐ ไม่ใช่สีชมพูกุหลาบตามรูปในร้าน ผ้าบางกว่าที่บรรยายไว้ด้วยค่ะ 😢",
                       "submitted_at": t("06-02 09:15")}
    s.case["after_sale"] = {"seller_response": "rejected", "seller_responded_at": t("06-03 11:00"),
                            "intervention_requested_at": t("06-04 08:30"), "settled_between_parties": False,
                            "legal_proceedings": False, "previous_appeals": 0}
    phone = {"make": "samsung", "model": "SM-A546E", "offset": "+07:00"}
    s.add_evidence("E1", "buyer", 1, t("06-02 09:15"), "photo", "scarf_colour",
                   jpeg(draw_tshirt(71, color=(184, 92, 60), flaw="stain", circle=False),
                        exif={**phone, "taken": t.exif("06-01 17:05")}), "jpg",
                   "ผ้าพันคอที่ได้รับ ถ่ายในแสงธรรมชาติ: สีส้มอิฐ (the scarf received, in daylight)")
    s.add_evidence("E2", "buyer", 1, t("06-02 09:15"), "screenshot", "listing",
                   png(draw_app_screen("Baan Mai Kham Silk", [
                       ("Thai silk scarf 180 cm", "Colour: Rose pink  /  100% Thai silk, medium weight"),
                       ("Price", "THB 590.00 + shipping THB 40.00"),
                       ("Order 581120937741006512", "Variant: Rose pink x1"),
                   ], header=(200, 60, 110), clock="09:12")), "png",
                   "หน้าสินค้าในร้าน: สีชมพูกุหลาบ (the listing: rose pink)")
    s.add_evidence("E3", "seller", 1, t("06-03 10:55"), "photo", "dye_lot",
                   jpeg(draw_tshirt(72, color=(214, 120, 140), flaw="thread", circle=False)), "jpg",
                   "ภาพสินค้าก่อนจัดส่ง ล็อตสี R-07 (photo before dispatch, dye lot R-07)")
    chat = [
        msg("M1", t("06-02 09:20"), "buyer", "สวัสดีค่ะ ผ้าพันคอที่ได้รับเป็นสีส้มอิฐ ไม่ใช่สีชมพูกุหลาบค่ะ ขอคืนสินค้าและคืนเงินได้ไหมคะ",
            ["E1"]),
        msg("M2", t("06-02 15:45"), "seller", "สวัสดีครับ ผ้าไหมย้อมมือ สีอาจต่างจากรูปเล็กน้อยครับ"),
        msg("M3", t("06-02 16:10"), "buyer", "ไม่ใช่เล็กน้อยค่ะ คนละสีเลย ดูรูปหน้าร้านได้ค่ะ", ["E2"]),
        msg("M4", t("06-03 11:00"), "seller", "ทางร้านตรวจสอบแล้ว ส่งตามล็อตสี R-07 ถูกต้องครับ ขอปฏิเสธการคืนเงินครับ",
            ["E3"]),
        msg("M5", t("06-03 11:30"), "buyer", "ถ้าอย่างนั้นจะขอให้ TikTok ช่วยตัดสินนะคะ 🙏"),
    ]
    s.case["chat_logs"] = [
        {"owner": "buyer", "channel": "buyer_seller", "messages": chat},
        {"owner": "seller", "channel": "buyer_seller", "messages": copy_of(chat, edit={
            "M2": "สวัสดีครับ ผ้าไหมย้อมมือทุกผืน สีอาจต่างจากรูปได้ตามแสงครับ"})},
    ]
    s.answers = answers(
        t("06-09 14:00"), "p.srisuk", {"E1": "admissible", "E2": "admissible", "E3": "admissible"},
        "E1 shows a brick-orange scarf; the listing (E2) and the order variant say rose pink. The seller's own "
        "pre-dispatch photo E3 shows a pink scarf, which is not the one the buyer received. The seller's M2 (the "
        "two copies differ) and M4 do not explain the difference. Not as described: return and refund, seller liable.",
        finding="supported", problem="not_as_described", remedy="return_and_refund", amount="630.00",
        conduct=(True, True, True))
    return s


# ---------------------------------------------------------------------------------- rules revision 2 samples
# Bundles with the optional "Revision 2" fields of case-bundle.md; decided under policy version 2026.11.

def case_dy_cn_kettle_appeal() -> Sample:
    """r2: a buyer's appeal of a Douyin decision. The original application was in time (43 h after the seller's
    rejection); the appeal is filed 41.5 h after the decision, its own time never enters J2 (issue 9, example 1);
    a requested supplement answers request R1 in time."""
    t = Clock("+08:00")
    s = Sample(
        "dy-cn-kettle-appeal",
        "r2 appeal (after_sale.appeal with the decision appealed and its fingerprint, previous_appeal_times []): "
        "the seller rejected, the original intervention came 43 h later, the appeal 41.5 h after the decision; "
        "a requested supplement (request R1, in time) with a repair shop's test report",
        "buyer_favoured on appeal: return_and_refund 159.00 CNY, liability seller; no seller deadline (Douyin); "
        "1 buyer appeal left",
        base_case("DY-CN-250410-0288", "douyin", "CN", "zh-CN", t("04-10 10:00")),
    )
    s.case["order"] = {
        "order_id": "6931027746610093812", "placed_at": t("03-29 20:15"), "paid_at": t("03-29 20:16"),
        "shipped_at": t("03-31 09:40"), "delivered_at": t("04-02 11:05"), "cross_border": False,
        "payment_method": "wallet", "currency": "CNY", "total_paid": "159.00", "shipping_fee": "0.00",
        "items": [item("KT-17-304", "不锈钢电热水壶 1.7L 304内胆 防干烧", 1, "159.00")],
        "logistics": {"carrier": "圆通速递", "tracking_no": "YT7518830264412", "events": [
            {"at": t("03-31 09:40"), "status": "picked_up", "detail": "【佛山市】圆通速递 顺德北滘 已揽收"},
            {"at": t("04-01 02:10"), "status": "in_transit", "detail": "【广州市】已到达 广州转运中心"},
            {"at": t("04-02 08:20"), "status": "out_for_delivery", "detail": "【南京市】鼓楼区网点 正在派件"},
            {"at": t("04-02 11:05"), "status": "delivered", "detail": "【南京市】已签收，签收人：本人"},
        ]},
    }
    s.case["buyer"] = {"id": "DYB-55190274", "display_name": "周静怡", "phone": "13951234567",
                       "address": "江苏省南京市鼓楼区中山北路200号6栋1203室"}
    s.case["seller"] = {"id": "DYS-4410987", "shop_name": "美厨小家电旗舰店", "phone": "0757-26681234"}
    s.case["claim"] = {"type": "quality_issue", "requested_remedy": "return_and_refund", "amount": "159.00",
                       "reason_text": "烧水时底座漏水，第二次使用就跳闸，不敢再用。",
                       "submitted_at": t("04-03 09:30")}
    s.case["after_sale"] = {
        "seller_response": "rejected", "seller_responded_at": t("04-03 15:00"),
        "intervention_requested_at": t("04-05 10:00"), "settled_between_parties": False,
        "legal_proceedings": False, "previous_appeals": 0, "previous_appeal_times": [],
        "appeal": {"filed_at": t("04-10 09:30"), "filed_by": "buyer",
                   "decision_appealed": {"decided_at": t("04-08 16:00"),
                                         "fingerprint": sha256(b"DY-CN-250410-0288 decision of 2025-04-08"),
                                         "case_revision": 1},
                   "grounds": "原判认为证据不足，现补充维修点检测报告。"},
        "supplement_requests": [
            {"id": "R1", "party": "buyer", "requested_at": t("04-10 12:00"), "due_at": t("04-12 12:00"),
             "what": "请提供第三方维修点的检测报告"},
        ],
    }
    s.add_evidence("E1", "buyer", 1, t("04-03 09:30"), "photo", "leak",
                   jpeg(draw_mug(81, crack=True, color=(210, 214, 220), text="1.7L"),
                        exif={"make": "Xiaomi", "model": "23127PN0CC", "taken": t.exif("04-03 08:55"),
                              "offset": "+08:00"}), "jpg", "底座漏水的位置")
    s.add_evidence("E2", "seller", 1, t("04-03 14:50"), "screenshot", "qc_record",
                   png(draw_app_screen("出厂检验记录", [
                       ("批次 KT17-2503-B", "耐压测试 合格 / 泄漏测试 合格"),
                       ("检验员", "陈工 2025-03-28"),
                   ], header=(230, 90, 40), clock="14:48")), "png", "出厂检验合格记录")
    s.add_evidence("E3", "buyer", 2, t("04-11 18:20"), "document", "repair_report",
                   pdf("维修检测报告", "南京鼓楼家电维修服务部", [("送检物品", "电热水壶 KT-17-304"),
                                                           ("送检日期", "2025-04-11"), ("检测人", "刘师傅")],
                       ["经检测，壶底密封圈安装错位，通电加热后底座渗水，导致漏电保护跳闸。属产品装配质量问题，"
                        "非人为损坏。"], cjk=True, stamp_text="检测专用章"),
                   "pdf", "维修点检测报告（平台要求补充）", requested=True)
    s.case["evidence"][-1]["request_id"] = "R1"
    chat = [
        msg("M1", t("04-03 09:35"), "buyer", "你好，水壶底座漏水还跳闸，申请退货退款。", ["E1"]),
        msg("M2", t("04-03 14:55"), "seller", "亲，我们出厂都检验合格的，可能是您使用不当哦。", ["E2"]),
        msg("M3", t("04-03 15:00"), "seller", "售后申请已拒绝，请理解。"),
        msg("M4", t("04-03 15:20"), "buyer", "正常烧水也算使用不当？我申请平台介入。"),
    ]
    s.case["chat_logs"] = [
        {"owner": "buyer", "channel": "buyer_seller", "messages": chat},
        {"owner": "seller", "channel": "buyer_seller", "messages": copy_of(chat)},
    ]
    s.answers = answers(
        t("04-14 11:00"), "王审核", {"E1": "admissible", "E2": "admissible", "E3": "admissible"},
        "申诉补充的 E3 检测报告认定壶底密封圈装配错位导致渗水跳闸，属产品质量问题；E1 与之相符，E2 为批次检验记录，"
        "不能说明本件产品无缺陷。商家在 M2 中推定使用不当而无依据。严重质量问题，支持退货退款，由商家承担责任。",
        finding="supported", problem="serious_quality", remedy="return_and_refund", amount="159.00",
        conduct=(True, True, True))
    return s


def case_tts_uk_lamp_appeal_declined() -> Sample:
    """r2: a second buyer appeal within 2 days of the same decision: J8 declines it (002's count rule), and the
    notice says the decision appealed stands, naming it."""
    t = Clock("+01:00")
    s = Sample(
        "tts-uk-lamp-appeal-declined",
        "r2 declined appeal: a buyer's second appeal filed within 2 days of the decision it appeals, when the first "
        "appeal (previous_appeal_times) was also filed within those 2 days; the decision appealed has a fingerprint",
        "declined (J8_appeal_allowed): the decision appealed stands",
        base_case("TTS-UK-250507-0160", "tiktok_shop", "UK", "en", t("05-07 21:00")),
    )
    s.case["order"] = {
        "order_id": "577412093388102455", "placed_at": t("04-20 19:02"), "paid_at": t("04-20 19:02"),
        "shipped_at": t("04-22 10:30"), "delivered_at": t("04-24 13:15"), "cross_border": False,
        "payment_method": "card", "currency": "GBP", "total_paid": "34.99", "shipping_fee": "0.00",
        "items": [item("LMP-ARC-BRS", "Arc desk lamp, brushed brass, E27", 1, "34.99")],
        "logistics": {"carrier": "Evri", "tracking_no": "H01HYA0045812733", "events": [
            {"at": t("04-22 10:30"), "status": "picked_up", "detail": "Collected"},
            {"at": t("04-23 04:10"), "status": "in_transit", "detail": "At Evri hub, Rugby"},
            {"at": t("04-24 13:15"), "status": "delivered", "detail": "Delivered to safe place (porch)"},
        ]},
    }
    s.case["buyer"] = {"id": "TTB-3390417", "display_name": "Priya Raman", "email": "priya.r@example.co.uk",
                       "address": "44 Hartington Road, Brighton BN2 3LJ"}
    s.case["seller"] = {"id": "TTS-SLR-61230", "shop_name": "Lumen & Co", "email": "care@lumenco.example"}
    s.case["claim"] = {"type": "not_as_described", "requested_remedy": "partial_refund", "amount": "15.00",
                       "reason_text": "The brass finish looks like gold paint and is already chipping at the base.",
                       "submitted_at": t("04-26 09:40")}
    s.case["after_sale"] = {
        "seller_response": "rejected", "seller_responded_at": t("04-27 12:00"),
        "intervention_requested_at": t("04-28 08:15"), "settled_between_parties": False,
        "legal_proceedings": False, "previous_appeals": 1, "previous_appeal_times": [t("05-06 18:20")],
        "appeal": {"filed_at": t("05-07 20:40"), "filed_by": "buyer",
                   "decision_appealed": {"decided_at": t("05-06 10:00"),
                                         "fingerprint": sha256(b"TTS-UK-250507-0160 decision of 2025-05-06"),
                                         "case_revision": 1},
                   "grounds": "I have another photo of the chipped base."},
    }
    s.add_evidence("E1", "buyer", 1, t("04-26 09:40"), "photo", "base_chip",
                   jpeg(draw_label(91, ["Arc desk lamp", "Finish: brushed brass"], title="Lumen & Co",
                                   hologram=None, bg=(180, 150, 90), circle=(150, 170, 470, 260)),
                        exif={"make": "Google", "model": "Pixel 8", "taken": t.exif("04-25 18:10"),
                              "offset": "+01:00"}), "jpg", "Chipped finish at the base")
    chat = [
        msg("M1", t("04-26 09:45"), "buyer", "The finish is chipping already, can you refund part of the price?",
            ["E1"]),
        msg("M2", t("04-27 12:00"), "seller", "The finish is lacquered brass-effect as described. We can't refund."),
    ]
    s.case["chat_logs"] = [
        {"owner": "buyer", "channel": "buyer_seller", "messages": chat},
        {"owner": "seller", "channel": "buyer_seller", "messages": copy_of(chat)},
    ]
    s.answers = answers(
        t("05-08 11:00"), "m.okafor", {"E1": "admissible"},
        "Second buyer appeal on this item within two days of the decision of 6 May 2025 (E1 was already before "
        "that decision): the first appeal was lodged the same evening, and only one appeal may be lodged in those two days (J8). The decision appealed "
        "stands.", finding=None)
    return s


def case_tts_us_blanket_late_supplement() -> Sample:
    """r2: two supplement requests; the buyer's answer comes in time, the seller's after its due date: late."""
    t = Clock("-05:00")
    s = Sample(
        "tts-us-blanket-late-supplement",
        "r2 late supplement: the platform asked both parties for more evidence (supplement_requests R1, R2); the "
        "buyer's E3 answers R1 in time, the seller's E4 answers R2 after its due date and is excluded as late",
        "buyer_favoured: return_and_refund 89.99 USD, liability seller; E4 late",
        base_case("TTS-US-250308-0512", "tiktok_shop", "US", "en", t("03-08 10:00")),
    )
    s.case["order"] = {
        "order_id": "576990314452781206", "placed_at": t("02-26 21:10"), "paid_at": t("02-26 21:11"),
        "shipped_at": t("02-28 09:00"), "delivered_at": t("03-03 15:40"), "cross_border": False,
        "payment_method": "card", "currency": "USD", "total_paid": "89.99", "shipping_fee": "0.00",
        "items": [item("WB-15LB-GRY", "Weighted blanket 15 lb, 48 x 72 in, grey", 1, "89.99")],
        "logistics": {"carrier": "UPS Ground", "tracking_no": "1Z999AA10123456784", "events": [
            {"at": t("02-28 09:00"), "status": "picked_up", "detail": "Origin scan, Dallas TX. Weight 10.6 lbs"},
            {"at": t("03-01 22:15"), "status": "in_transit", "detail": "Departure scan, Memphis TN"},
            {"at": t("03-03 15:40"), "status": "delivered", "detail": "Delivered, front door"},
        ]},
    }
    s.case["buyer"] = {"id": "TTB-6021183", "display_name": "Dana Whitfield", "phone": "+1 614 555 0142",
                       "address": "318 W 5th Ave, Columbus, OH 43201", "email": "dana.w@example.com"}
    s.case["seller"] = {"id": "TTS-SLR-77120", "shop_name": "CalmNest Home", "email": "help@calmnest.example"}
    s.case["claim"] = {"type": "not_as_described", "requested_remedy": "return_and_refund", "amount": "89.99",
                       "reason_text": "I ordered the 15 lb blanket. The label says 15 lb but it weighs about 10 lb.",
                       "submitted_at": t("03-04 08:20")}
    s.case["after_sale"] = {
        "seller_response": "rejected", "seller_responded_at": t("03-05 11:00"),
        "intervention_requested_at": t("03-06 09:30"), "settled_between_parties": False,
        "legal_proceedings": False, "previous_appeals": 0,
        "supplement_requests": [
            {"id": "R1", "party": "buyer", "requested_at": t("03-08 12:00"), "due_at": t("03-10 12:00"),
             "what": "A photo of the blanket on a scale, with the label visible"},
            {"id": "R2", "party": "seller", "requested_at": t("03-08 12:00"), "due_at": t("03-10 12:00"),
             "what": "The warehouse's dispatch weight record for this order"},
        ],
    }
    s.add_evidence("E1", "buyer", 1, t("03-04 08:20"), "photo", "label",
                   jpeg(draw_label(101, ["Weighted blanket", "15 LB / 6.8 KG", "48 x 72 in"], title="CalmNest",
                                   hologram=None, bg=(120, 125, 135)),
                        exif={"make": "Apple", "model": "iPhone 14", "taken": t.exif("03-03 19:05"),
                              "offset": "-05:00"}), "jpg", "The label says 15 lb")
    s.add_evidence("E2", "seller", 1, t("03-05 10:50"), "screenshot", "listing",
                   png(draw_app_screen("CalmNest Home", [("Weighted blanket", "15 lb / 20 lb / 25 lb"),
                                                         ("Variant ordered", "15 lb, grey")],
                                       header=(60, 90, 120), clock="10:49")), "png", "Our listing")
    s.add_evidence("E3", "buyer", 2, t("03-09 17:30"), "photo", "on_scale",
                   jpeg(draw_scale(102, "10.2 lb"), exif={"make": "Apple", "model": "iPhone 14",
                                                          "taken": t.exif("03-09 17:20"), "offset": "-05:00"}),
                   "jpg", "On my bathroom scale: 10.2 lb", requested=True)
    s.case["evidence"][-1]["request_id"] = "R1"
    s.add_evidence("E4", "seller", 2, t("03-11 14:05"), "screenshot", "dispatch_weight",
                   png(draw_app_screen("WMS dispatch record", [("Order 576990314452781206", "Packed weight 15.4 lb"),
                                                               ("Packer", "J. ORTIZ 02-28 08:31")],
                                       header=(0, 102, 204), clock="14:02")), "png",
                   "Dispatch weight record", requested=True)
    s.case["evidence"][-1]["request_id"] = "R2"
    chat = [
        msg("M1", t("03-04 08:25"), "buyer", "The blanket weighs about 10 lb, not 15. Please take it back.", ["E1"]),
        msg("M2", t("03-05 11:00"), "seller", "All our blankets are weighed at packing. We can't accept a return."),
        msg("M3", t("03-05 11:20"), "buyer", "Your own UPS pickup scan says 10.6 lb including the box."),
    ]
    s.case["chat_logs"] = [
        {"owner": "buyer", "channel": "buyer_seller", "messages": chat},
        {"owner": "seller", "channel": "buyer_seller", "messages": copy_of(chat, drop=("M3",))},
    ]
    s.answers = answers(
        t("03-12 15:00"), "r.chen", {"E1": "admissible", "E2": "admissible", "E3": "admissible",
                                     "E4": "admissible"},
        "E3, supplied in time for request R1, shows 10.2 lb against the 15 lb on the label (E1) and in the listing "
        "(E2); the carrier's pickup scan of 10.6 lb with the box agrees (M3). E4 came after request R2's due date "
        "and is excluded as late. Not as described: return and refund, seller liable.",
        finding="supported", problem="not_as_described", remedy="return_and_refund", amount="89.99",
        conduct=(True, True, True))
    return s


def case_dy_cn_ricecooker_cod_return() -> Sample:
    """r2: Douyin cash on delivery with a return: no post-decision 48 h deadline; the merchant's refund proof
    counts from its confirmation of receipt (004); the return is already under way, so the receipt deadline has a
    date; the seller's partial offer counts as a rejection for J2."""
    t = Clock("+08:00")
    s = Sample(
        "dy-cn-ricecooker-cod-return",
        "r2 Douyin cash-on-delivery return: seller_offer (a partial offer, a rejection for J2, 30 h before the "
        "intervention); return_logistics with tracking_uploaded_at dates the merchant's receipt deadline; "
        "seller_refund_proof counts from the receipt confirmation; no 'system agrees' deadline after the decision",
        "buyer_favoured: return_and_refund 299.00 CNY, cod_seller_refund, liability seller; deadlines "
        "seller_confirm_receipt (dated), seller_refund_proof (already shipped: no buyer_return_ship)",
        base_case("DY-CN-250515-0733", "douyin", "CN", "zh-CN", t("05-15 16:00")),
    )
    s.case["order"] = {
        "order_id": "6934410027715530046", "placed_at": t("05-06 10:22"), "paid_at": t("05-09 14:30"),
        "shipped_at": t("05-07 16:45"), "delivered_at": t("05-09 14:30"), "cross_border": False,
        "payment_method": "cod", "currency": "CNY", "total_paid": "299.00", "shipping_fee": "0.00",
        "items": [item("RC-3L-IH", "IH电饭煲 3L 家用智能预约", 1, "299.00")],
        "logistics": {"carrier": "韵达快递", "tracking_no": "4312287750931", "events": [
            {"at": t("05-07 16:45"), "status": "picked_up", "detail": "【中山市】韵达快递 小榄 已揽收"},
            {"at": t("05-08 05:30"), "status": "in_transit", "detail": "【长沙市】已到达 长沙分拨中心"},
            {"at": t("05-09 14:30"), "status": "delivered", "detail": "【长沙市】已签收（货到付款已收款）"},
        ]},
    }
    s.case["buyer"] = {"id": "DYB-70022915", "display_name": "刘建国", "phone": "13787654321",
                       "address": "湖南省长沙市岳麓区麓山南路932号8栋402室"}
    s.case["seller"] = {"id": "DYS-5520871", "shop_name": "康厨电器专营店", "phone": "0760-22556677"}
    s.case["claim"] = {"type": "quality_issue", "requested_remedy": "return_and_refund", "amount": "299.00",
                       "reason_text": "收到后第一次煮饭就显示E4故障，完全不加热。",
                       "submitted_at": t("05-10 19:10")}
    s.case["after_sale"] = {
        "seller_response": "partial_offer", "seller_responded_at": t("05-11 10:00"),
        "seller_offer": {"remedy": "partial_refund", "amount": "50.00"},
        "intervention_requested_at": t("05-12 16:00"), "settled_between_parties": False,
        "legal_proceedings": False, "previous_appeals": 0,
    }
    s.case["return_logistics"] = {"carrier": "韵达快递", "tracking_no": "4312299014417",
                                  "tracking_uploaded_at": t("05-13 09:40"), "events": [
                                      {"at": t("05-13 09:20"), "status": "picked_up",
                                       "detail": "【长沙市】韵达快递 岳麓 已揽收（退货）"}]}
    s.add_evidence("E1", "buyer", 1, t("05-10 19:10"), "photo", "error_code",
                   jpeg(draw_label(111, ["IH 3L", "ERROR  E4"], title="康厨 KANGCHU", hologram=None,
                                   bg=(90, 90, 95), circle=(150, 210, 470, 280)),
                        exif={"make": "vivo", "model": "V2309A", "taken": t.exif("05-10 18:58"), "offset": "+08:00"}),
                   "jpg", "面板显示E4故障代码")
    s.add_evidence("E2", "seller", 1, t("05-11 09:50"), "screenshot", "manual",
                   png(draw_app_screen("使用说明书 第12页", [("E4", "温度传感器异常，请联系售后"),
                                                        ("保修", "整机一年")], header=(200, 40, 40),
                                       clock="09:48")), "png", "说明书：E4为传感器异常")
    chat = [
        msg("M1", t("05-10 19:15"), "buyer", "电饭煲第一次用就报E4，完全不加热，要退货。", ["E1"]),
        msg("M2", t("05-11 10:00"), "seller", "亲，E4是传感器问题，给您补偿50元，您自己找维修点修一下可以吗？", ["E2"]),
        msg("M3", t("05-11 12:30"), "buyer", "新买的就坏，我不要补偿，要退货退款。"),
    ]
    s.case["chat_logs"] = [
        {"owner": "buyer", "channel": "buyer_seller", "messages": chat},
        {"owner": "seller", "channel": "buyer_seller", "messages": copy_of(chat)},
    ]
    s.answers = answers(
        t("05-16 10:00"), "王审核", {"E1": "admissible", "E2": "admissible"},
        "E1 显示首次使用即报故障代码，商家在 M2 中承认该代码为传感器故障（E2 说明书），仅提出50元补偿。新品到货即无法"
        "加热，属严重质量问题，支持退货退款，商家承担责任。货到付款：商家确认收货后退款并上传凭证。",
        finding="supported", problem="serious_quality", remedy="return_and_refund", amount="299.00",
        conduct=(True, True, True))
    return s


def case_tts_uk_glassware_multiline() -> Sample:
    """r2: the claim names one line of a three-line order, part of its quantity: the refund cap is that line's
    price times the quantity claimed plus its share of the postage (002: postage refunded when the seller is
    liable)."""
    t = Clock("+00:00")
    s = Sample(
        "tts-uk-glassware-multiline",
        "r2 multi-line claim: claim.items names 1 of the 2 glass sets on one line of a three-line order; the refund "
        "cap is 24.00 + its 1.80 share of the 4.95 postage; wrong item, seller liable, seller approves the return",
        "buyer_favoured: return_and_refund 25.80 GBP (the cap of the claimed line), liability seller",
        base_case("TTS-UK-251103-0077", "tiktok_shop", "UK", "en", t("11-03 09:00")),
    )
    s.case["order"] = {
        "order_id": "578220145390017738", "placed_at": t("10-25 20:30"), "paid_at": t("10-25 20:31"),
        "shipped_at": t("10-27 11:10"), "delivered_at": t("10-29 12:45"), "cross_border": False,
        "payment_method": "card", "currency": "GBP", "total_paid": "70.95", "shipping_fee": "4.95",
        "items": [item("HB-4-CLR", "Highball glasses, set of 4, clear", 2, "24.00"),
                  item("JUG-12-CLR", "Glass water jug 1.2 l", 1, "18.00")],
        "logistics": {"carrier": "DPD", "tracking_no": "15502299877311", "events": [
            {"at": t("10-27 11:10"), "status": "picked_up", "detail": "Collected"},
            {"at": t("10-28 03:40"), "status": "in_transit", "detail": "At hub, Hinckley"},
            {"at": t("10-29 12:45"), "status": "delivered", "detail": "Delivered to customer"},
        ]},
    }
    s.case["buyer"] = {"id": "TTB-8841270", "display_name": "Eleanor Price", "phone": "+44 7700 900771",
                       "address": "9 Orchard Close, York YO24 1AB", "email": "e.price@example.co.uk"}
    s.case["seller"] = {"id": "TTS-SLR-90015", "shop_name": "Clearwater Glass", "email": "orders@clearwater.example"}
    s.case["claim"] = {"type": "wrong_item", "requested_remedy": "return_and_refund", "amount": "25.80",
                       "reason_text": "One of the two highball sets is a set of wine glasses. The other set and the "
                                      "jug are fine.",
                       "submitted_at": t("10-30 10:15"), "items": [{"sku": "HB-4-CLR", "quantity": 1}]}
    s.case["after_sale"] = {"seller_response": "rejected", "seller_responded_at": t("10-31 09:00"),
                            "intervention_requested_at": t("11-01 18:30"), "settled_between_parties": False,
                            "legal_proceedings": False, "previous_appeals": 0}
    s.add_evidence("E1", "buyer", 1, t("10-30 10:15"), "photo", "wrong_set",
                   jpeg(draw_open_box(121, ["Wine glass", "Wine glass", "Wine glass", "Wine glass"]),
                        exif={"make": "Apple", "model": "iPhone 15", "taken": t.exif("10-29 18:20"),
                              "offset": "+00:00"}), "jpg", "The second box: four wine glasses")
    s.add_evidence("E2", "buyer", 1, t("10-30 10:15"), "photo", "box_label",
                   jpeg(draw_label(122, ["SKU: WN-4-CLR", "Wine glasses x4"], title="Clearwater", hologram=None,
                                   bg=(150, 170, 180), circle=(150, 170, 470, 250))), "jpg",
                   "Its label: WN-4-CLR, not HB-4-CLR")
    chat = [
        msg("M1", t("10-30 10:20"), "buyer", "One of the highball sets is actually wine glasses, see photos.",
            ["E1", "E2"]),
        msg("M2", t("10-31 09:00"), "seller", "We packed two highball sets. We cannot accept this claim."),
    ]
    s.case["chat_logs"] = [
        {"owner": "buyer", "channel": "buyer_seller", "messages": chat},
        {"owner": "seller", "channel": "buyer_seller", "messages": copy_of(chat)},
    ]
    s.answers = answers(
        t("11-04 10:00"), "r.chen", {"E1": "admissible", "E2": "admissible"},
        "E1 and E2 show one box labelled WN-4-CLR (wine glasses) where the order has two HB-4-CLR sets; M2 does "
        "not address the label. Wrong item on one set of the HB-4-CLR line: return and refund of that set, 24.00 "
        "plus its share of the postage, seller liable.",
        finding="supported", problem="wrong_item", remedy="return_and_refund", amount="25.80",
        conduct=(True, True, True))
    return s


CASES: list[Callable[[], Sample]] = [
    case_tts_uk_mug_crack,
    case_tts_us_parcel_lost,
    case_tts_us_missing_parts_appeal,
    case_tts_uk_counterfeit,
    case_tts_my_wrong_item,
    case_tts_uk_settled,
    case_dy_cn_damaged_cod,
    case_dy_cn_custom_made,
    case_dy_cn_minor_quality,
    case_dy_cn_no_reason_return,
    case_dy_cn_late_intervention,
    case_dy_cn_phone_large,
    case_tts_th_scarf_thai,
    case_dy_cn_kettle_appeal,
    case_tts_uk_lamp_appeal_declined,
    case_tts_us_blanket_late_supplement,
    case_dy_cn_ricecooker_cod_return,
    case_tts_uk_glassware_multiline,
]

# evidence forensics (issue 13): a photo reused across two buyers' cases; scripts/samples_forensics.py
from samples_forensics import forensic_cases  # noqa: E402

CASES += forensic_cases(sys.modules[__name__])


# =================================================================================================== output

def to_json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def zip_bytes(members: dict[str, bytes]) -> bytes:
    """A ZIP with fixed timestamps and attributes, members in sorted order (case.json first)."""
    buf = io.BytesIO()
    names = sorted(members, key=lambda n: (n != "case.json", n))
    with zipfile.ZipFile(buf, "w") as zf:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            zf.writestr(info, members[name], compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return buf.getvalue()


def build(sample_fn: Callable[[], Sample]) -> Sample:
    s = sample_fn()
    # chat attachments must name evidence items; evidence ids unique; files all referenced
    ids = [e["id"] for e in s.case.get("evidence", [])]
    assert len(ids) == len(set(ids)), s.name
    for log in s.case.get("chat_logs", []):
        for m in log["messages"]:
            for a in m.get("attachments", []):
                assert a in ids, (s.name, m["id"], a)
    assert set(s.answers["evidence"]) == set(ids), s.name
    s.case.setdefault("evidence", [])
    s.case.setdefault("chat_logs", [])
    return s


def write_all(out: Path, *, check: bool = True) -> list[Sample]:
    samples_dir = out / "samples"
    answers_dir = out / "sample-answers"
    samples_dir.mkdir(parents=True, exist_ok=True)
    answers_dir.mkdir(parents=True, exist_ok=True)
    built = []
    for fn in CASES:
        s = build(fn)
        case_json = to_json(s.case)
        if check:
            from arbiter.domain.parse import case_from_dict
            from decimal import Decimal
            case_from_dict(json.loads(case_json, parse_float=Decimal))
        (samples_dir / f"{s.name}.arbcase").write_bytes(zip_bytes({"case.json": case_json, **s.files}))
        (answers_dir / f"{s.name}.answers.json").write_bytes(to_json(s.answers))
        built.append(s)
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "resources",
                        help="folder that receives samples/ and sample-answers/ (default: resources/)")
    parser.add_argument("--no-check", action="store_true", help="do not validate case.json with arbiter's parser")
    args = parser.parse_args(argv)
    if not args.no_check and str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    built = write_all(args.out, check=not args.no_check)
    for s in built:
        size = (args.out / "samples" / f"{s.name}.arbcase").stat().st_size
        print(f"{s.name:30s} {s.case['case_id']:22s} {len(s.case['evidence']):2d} evidence "
              f"{sum(len(l['messages']) for l in s.case['chat_logs']):3d} messages {size / 1024:7.1f} KiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
