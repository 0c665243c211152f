"""Generated evidence photos that are genuinely distinct photos (issue 13, "match noise").

The sample cases draw their photos from a few templates (a parcel, a mug, a label on a wooden table); the
demonstration set (``arbiter demo build``) repeats each sample's evidence in 20 variants. To a perceptual hash,
pictures drawn from one template *are* the same photo, so ``arbiter evidence matches`` listed them everywhere.
:func:`restage` photographs a drawn subject again, as a second shot would: another framing (zoomed in and off
centre), a slight tilt, light from another side (a fall-off and a soft spot), the surface's own texture and
sensor noise, another white balance. It is deterministic (``random.Random(seed)`` only; Pillow's own noise
generator is not seeded) so sample bundles and the demo set stay byte-identical from run to run.

Used by ``scripts/make_samples.py`` (every sample photo, seeded by its case and evidence id) and by
:mod:`arbiter.demo` (every photo of variants 1-19, seeded by the variant and the photo's reuse group, so that a
deliberately reused photo stays reused within its variant and nowhere else).
"""
from __future__ import annotations

import io
import math
import random
import zlib

from PIL import Image, ImageChops, ImageEnhance, ImageFilter, ImageOps


def seed_of(*parts: object) -> int:
    """A stable seed from text parts (``hash()`` is salted per process)."""
    return zlib.crc32("\x1f".join(map(str, parts)).encode("utf-8"))


def _field(rnd: random.Random, size: tuple[int, int], scale: int) -> Image.Image:
    """Smooth grey noise (0-255) whose grain is about ``scale`` pixels."""
    w, h = size
    sw, sh = max(2, w // scale), max(2, h // scale)
    small = Image.frombytes("L", (sw, sh), rnd.randbytes(sw * sh))
    return small.resize((w, h), Image.Resampling.BILINEAR)


def _light(rnd: random.Random, size: tuple[int, int], angle: float) -> Image.Image:
    """A light field (grey, 255 = full light): a linear fall-off from a random side, and a soft spot."""
    w, h = size
    low = rnd.uniform(0.25, 0.5)
    ramp = Image.linear_gradient("L").rotate(angle, resample=Image.Resampling.BILINEAR).crop((40, 40, 216, 216))
    ramp = ramp.point([round(255 * (low + (1 - low) * v / 255)) for v in range(256)])
    light = ramp.resize((64, max(2, round(64 * h / w))), Image.Resampling.BILINEAR)
    lw, lh = light.size
    radius = rnd.uniform(0.35, 0.8)
    sw, sh = max(2, round(lw * radius)), max(2, round(lh * radius))
    spot = ImageOps.invert(Image.radial_gradient("L")).resize((sw, sh), Image.Resampling.BILINEAR)
    x, y = rnd.randrange(0, lw - sw + 1), rnd.randrange(0, lh - sh + 1)
    light.paste(ImageChops.lighter(light.crop((x, y, x + sw, y + sh)), spot), (x, y))
    return light.filter(ImageFilter.BoxBlur(2)).resize(size, Image.Resampling.BILINEAR)


def _scene(rnd: random.Random, size: tuple[int, int]) -> Image.Image:
    """A surface of its own to put a picture on: light falling across it at an angle, objects lying around."""
    from PIL import ImageDraw

    w, h = size
    c1, c2 = (tuple(rnd.randint(0, 255) for _ in range(3)) for _ in range(2))
    grad = Image.linear_gradient("L").rotate(rnd.uniform(0, 360), resample=Image.Resampling.BILINEAR).resize(size)
    img = Image.composite(Image.new("RGB", size, c1), Image.new("RGB", size, c2), grad)
    d = ImageDraw.Draw(img)
    for _ in range(rnd.randint(5, 10)):
        colour = tuple(rnd.randint(0, 255) for _ in range(3))
        x0, y0 = rnd.uniform(-0.2, 1.0) * w, rnd.uniform(-0.2, 1.0) * h
        x1, y1 = x0 + rnd.uniform(0.1, 0.6) * w, y0 + rnd.uniform(0.1, 0.6) * h
        shape = rnd.randrange(3)
        if shape == 0:
            d.ellipse((x0, y0, x1, y1), fill=colour)
        elif shape == 1:
            d.rectangle((x0, y0, x1, y1), fill=colour)
        else:
            d.polygon([(rnd.uniform(x0, x1), rnd.uniform(y0, y1)) for _ in range(rnd.randint(3, 6))], fill=colour)
    return img.filter(ImageFilter.BoxBlur(2))


def _on_scene(img: Image.Image, rnd: random.Random, at: tuple[float, float], scale: float) -> Image.Image:
    """``img`` smaller (``scale``), lying on a scene of its own at ``at`` (fractions of the free room)."""
    w, h = img.size
    sw, sh = round(w * scale), round(h * scale)
    out = _scene(rnd, (w, h))
    x, y = round(at[0] * (w - sw)), round(at[1] * (h - sh))
    mask = Image.new("L", (sw, sh), 0)
    mask.paste(255, (3, 3, sw - 3, sh - 3))
    out.paste(img.resize((sw, sh), Image.Resampling.BILINEAR), (x, y), mask.filter(ImageFilter.BoxBlur(2)))
    return out


def _shade(size: tuple[int, int], at: tuple[float, float], radius: float, depth: float) -> Image.Image:
    """A soft round shadow (grey, 255 = no shadow) centred at ``at`` (fractions of the size)."""
    w, h = size
    lw, lh = 64, max(2, round(64 * h / w))
    blob = Image.radial_gradient("L").resize((max(2, round(2 * radius * lw)),) * 2, Image.Resampling.BILINEAR)
    blob = blob.point([round(255 * (1 - depth * max(0.0, 1 - v / 255) ** 1.5)) for v in range(256)])
    field = Image.new("L", (lw, lh), 255)
    field.paste(blob, (round(at[0] * lw - blob.width / 2), round(at[1] * lh - blob.height / 2)))
    return field.resize(size, Image.Resampling.BILINEAR)


def restage(img: Image.Image, seed: int, *, tilt: bool = True, grain: bool = True, turn: int | None = None,
            base: int = 0) -> Image.Image:
    """The subject of ``img`` shot again (same size, RGB), deterministically for ``seed``; ``tilt=False``
    leaves out the slight rotation (the costliest step: the demonstration set restages a thousand pictures).
    ``turn`` (the demonstration set's variant number) spreads the shots of one picture apart instead of leaving
    it to chance: it sets how close, where, and the side the light comes from, each offset by ``base`` (a seed of
    the picture itself, so that the pictures of one variant are not all lit alike). Never mirrored: labels and
    readouts must stay readable."""
    rnd = random.Random(seed)
    img = img.convert("RGB")
    w, h = img.size
    angle = rnd.uniform(-5.0, 5.0)
    light_angle = rnd.uniform(0, 360)
    keep = rnd.uniform(0.55, 0.85)
    ax, ay = rnd.random(), rnd.random()
    # a shadow (the photographer's, the phone's) somewhere on the scene
    shade_at = (rnd.random(), rnd.random())
    if turn is not None:
        # the demonstration set's variants of one picture: light from 20 directions, the shadow on 20 places of
        # a 5 x 4 grid, framings spread out (offset per picture by ``base``)
        own = random.Random(base)
        light_angle = (own.uniform(0, 360) + turn * 18) % 360
        keep = 0.5 + 0.35 * ((own.random() + (turn * 9 % 20) / 20) % 1)
        ax, ay = (own.random() + (turn * 3 % 20) / 20) % 1, (own.random() + (turn * 11 % 20) / 20) % 1
        cell = (own.randrange(20) + turn * 7) % 20
        shade_at = (0.1 + 0.2 * (cell % 5), 0.125 + 0.25 * (cell // 5))
    if not tilt:
        angle = 0.0
    if turn is not None:
        # further away: the picture lies on a scene of its own, on one of 20 places of a 5 x 4 grid, smaller and
        # larger like the squares of a chessboard (neighbouring places never have the same size)
        cell = (own.randrange(20) + turn) % 20
        cx, cy = cell % 5, cell // 5
        img = _on_scene(img, rnd, (cx / 4, cy / 3), 0.48 if (cx + cy) % 2 == 0 else 0.64)
        keep, ax, ay = rnd.uniform(0.9, 0.97), rnd.random(), rnd.random()
    # room the tilt leaves free of the rotated picture's corners, then an off-centre window inside it
    margin_x = abs(math.sin(math.radians(angle))) * h / 2 + 2
    margin_y = abs(math.sin(math.radians(angle))) * w / 2 + 2
    keep = min(keep, 1 - 2 * max(margin_x / w, margin_y / h))
    cw, ch = w * keep, h * keep
    x0 = margin_x + ax * max(0.0, w - 2 * margin_x - cw)
    y0 = margin_y + ay * max(0.0, h - 2 * margin_y - ch)
    shot = img.rotate(angle, resample=Image.Resampling.BILINEAR, expand=False) if angle else img
    shot = shot.crop((round(x0), round(y0), round(x0 + cw), round(y0 + ch))).resize((w, h), Image.Resampling.BILINEAR)
    # the surface's own texture: a coarse and a fine grain, blended in
    coarse, fine = rnd.randint(24, 64), rnd.randint(4, 10)
    if not grain:
        fine = coarse
    texture = ImageChops.add(_field(rnd, (w, h), coarse), _field(rnd, (w, h), fine), scale=2.0)
    texture = ImageEnhance.Contrast(texture).enhance(rnd.uniform(1.6, 2.4))
    shot = Image.blend(shot, Image.merge("RGB", (texture, texture, texture)), rnd.uniform(0.08, 0.14))
    # light from another side
    shot = ImageEnhance.Brightness(shot).enhance(1.2)
    light = _light(rnd, (w, h), light_angle)
    light = ImageChops.multiply(light, _shade((w, h), shade_at, rnd.uniform(0.22, 0.34), rnd.uniform(0.35, 0.5)))
    shot = ImageChops.multiply(shot, Image.merge("RGB", (light, light, light)))
    # white balance
    r, g, b = shot.split()
    gains = [rnd.uniform(0.9, 1.1) for _ in range(3)]
    shot = Image.merge("RGB", tuple(ch.point(lambda v, k=k: min(255, round(v * k))) for ch, k in zip((r, g, b), gains)))
    # sensor noise
    if not grain:
        return shot
    noise = Image.frombytes("L", (w, h), rnd.randbytes(w * h))
    return Image.blend(shot, Image.merge("RGB", (noise, noise, noise)), 0.025)


def restage_bytes(data: bytes, seed: int) -> bytes | None:
    """A JPEG or PNG evidence file restaged (same format; JPEG at quality 82, no metadata kept), or None when
    the bytes are not one of those images."""
    try:
        with Image.open(io.BytesIO(data)) as src:
            fmt = src.format
            if fmt not in ("JPEG", "PNG"):
                return None
            img = ImageOps.exif_transpose(src)
            out = restage(img, seed)
    except Exception:  # noqa: BLE001 - not an image we restage
        return None
    buf = io.BytesIO()
    if fmt == "JPEG":
        out.save(buf, "JPEG", quality=82, optimize=True)
    else:
        out.save(buf, "PNG", optimize=True)
    return buf.getvalue()


DEMO_SIDE = 400


def restage_evidence(data: bytes, seed: int, *, turn: int | None = None, base: int = 0,
                     max_side: int = DEMO_SIDE) -> bytes | None:
    """For the demonstration set: a JPEG photo or PNG screenshot shot again (:func:`restage` with ``turn``: the
    picture lying on a scene of its own, without the tilt, at most ``max_side`` pixels wide or tall; a screenshot becomes a photo of the screen), its EXIF kept; None
    for anything else. Deterministic for ``seed``."""
    try:
        with Image.open(io.BytesIO(data)) as src:
            fmt = src.format
            if fmt not in ("JPEG", "PNG"):
                return None
            exif = src.info.get("exif") if fmt == "JPEG" else None
            if fmt == "JPEG":
                src.draft("RGB", (max_side * src.width // max(src.size), max_side * src.height // max(src.size)))
            img = ImageOps.exif_transpose(src).convert("RGB")
            img.thumbnail((max_side, max_side), Image.Resampling.BILINEAR)
            out = restage(img, seed, tilt=False, grain=fmt == "JPEG", turn=turn, base=base)
    except Exception:  # noqa: BLE001 - not an image we restage
        return None
    buf = io.BytesIO()
    out.save(buf, "JPEG" if fmt == "JPEG" else "PNG", **({"quality": 82} if fmt == "JPEG" else {"compress_level": 1}),
             **({"exif": exif} if exif else {}))
    return buf.getvalue()
