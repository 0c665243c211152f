"""Photo-like pictures made with Pillow (gradient light, shapes, texture, sensor noise) and the edits a
reused photo goes through (resize, crop, brighten, colour shift, re-compress). Shared by the forensics tests,
bench/bench_forensics.py and scripts/make_samples.py; the same seed gives the same picture."""
from __future__ import annotations

import io
import random

from PIL import Image, ImageDraw, ImageEnhance, ImageFilter


def photo(seed: int, size: tuple[int, int] = (640, 480)) -> Image.Image:
    rnd = random.Random(seed)
    w, h = size
    # background: a two-colour gradient at a random angle (light falling on a table or a wall)
    c1 = [rnd.randint(0, 255) for _ in range(3)]
    c2 = [rnd.randint(0, 255) for _ in range(3)]
    grad = Image.linear_gradient("L").rotate(rnd.uniform(0, 360), resample=Image.Resampling.BICUBIC,
                                             expand=False).resize(size)
    img = Image.composite(Image.new("RGB", size, tuple(c1)), Image.new("RGB", size, tuple(c2)), grad)
    draw = ImageDraw.Draw(img)
    # objects: ellipses, boxes, polygons, lines at random places, sizes and colours
    for _ in range(rnd.randint(4, 12)):
        colour = tuple(rnd.randint(0, 255) for _ in range(3))
        x0, y0 = rnd.uniform(-0.2, 1.0) * w, rnd.uniform(-0.2, 1.0) * h
        x1, y1 = x0 + rnd.uniform(0.05, 0.6) * w, y0 + rnd.uniform(0.05, 0.6) * h
        shape = rnd.choice(("ellipse", "rectangle", "polygon", "line"))
        if shape == "ellipse":
            draw.ellipse((x0, y0, x1, y1), fill=colour)
        elif shape == "rectangle":
            draw.rectangle((x0, y0, x1, y1), fill=colour)
        elif shape == "polygon":
            pts = [(rnd.uniform(x0, x1), rnd.uniform(y0, y1)) for _ in range(rnd.randint(3, 7))]
            draw.polygon(pts, fill=colour)
        else:
            draw.line((x0, y0, x1, y1), fill=colour, width=rnd.randint(2, 20))
    img = img.filter(ImageFilter.GaussianBlur(rnd.uniform(0.5, 2.5)))
    # sensor noise
    # (from the seeded generator: Pillow's effect_noise draws from an unseeded one, and the same seed must give
    # the same picture): uniform bytes scaled to the spread of a Gaussian of sigma 5-25 around mid-grey
    sigma = rnd.uniform(5, 25)
    noise = Image.frombytes("L", size, rnd.randbytes(size[0] * size[1]))
    noise = noise.point(lambda v, k=sigma / 73.9: round(128 + (v - 128) * k)).convert("RGB")
    img = Image.blend(img, noise, 0.08)
    return img


def jpeg(img: Image.Image, quality: int = 90, **kwargs) -> bytes:
    buf = io.BytesIO()
    img.convert("RGB").save(buf, "JPEG", quality=quality, **kwargs)
    return buf.getvalue()


def png(img: Image.Image) -> bytes:
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def resized(img: Image.Image, factor: float) -> Image.Image:
    return img.resize((max(8, round(img.width * factor)), max(8, round(img.height * factor))),
                      Image.Resampling.LANCZOS)


def cropped(img: Image.Image, left: float, top: float, right: float, bottom: float) -> Image.Image:
    """Cut these fractions off each side."""
    w, h = img.size
    return img.crop((round(w * left), round(h * top), round(w * (1 - right)), round(h * (1 - bottom))))


def brightened(img: Image.Image, factor: float = 1.25) -> Image.Image:
    return ImageEnhance.Brightness(img).enhance(factor)


def colour_shifted(img: Image.Image, factor: float = 1.4) -> Image.Image:
    r, g, b = img.convert("RGB").split()
    return Image.merge("RGB", (r.point(lambda v: min(255, int(v * factor))), g, b.point(lambda v: int(v * 0.85))))


def reused(img: Image.Image, seed: int = 0) -> bytes:
    """What a second 'buyer' sends: resized, lightly cropped, brightened, re-compressed."""
    rnd = random.Random(seed)
    out = resized(img, rnd.uniform(0.5, 0.8))
    out = cropped(out, rnd.uniform(0, 0.08), rnd.uniform(0, 0.08), rnd.uniform(0, 0.08), rnd.uniform(0, 0.08))
    out = brightened(out, rnd.uniform(1.1, 1.35))
    return jpeg(out, quality=rnd.randint(55, 80))


def exif_block(*, taken: str | None = None, offset: str | None = None, software: str | None = None,
               make: str | None = None, model: str | None = None, thumbnail: bytes | None = None) -> bytes:
    """A raw EXIF block ("Exif\\0\\0" + little-endian TIFF) as a camera or an editor writes it: IFD0 (Make, Model,
    Software), the Exif IFD (DateTimeOriginal "YYYY:MM:DD HH:MM:SS", OffsetTimeOriginal "+08:00") and IFD1 with an
    embedded JPEG preview. Pass it as ``exif=`` to ``Image.save``."""
    import struct

    def ascii_(text: str) -> tuple[int, int, bytes]:
        raw = text.encode("ascii") + b"\0"
        return 2, len(raw), raw

    ifd0 = {}
    if make:
        ifd0[271] = ascii_(make)
    if model:
        ifd0[272] = ascii_(model)
    if software:
        ifd0[305] = ascii_(software)
    exif_ifd = {}
    if taken:
        exif_ifd[36867] = ascii_(taken)
    if offset:
        exif_ifd[36881] = ascii_(offset)
    ifd1 = {}
    if thumbnail:
        ifd1 = {259: (3, 1, struct.pack("<H", 6)), 513: (4, 1, b"THMB"), 514: (4, 1, struct.pack("<I", len(thumbnail)))}
    if exif_ifd:
        ifd0[34665] = (4, 1, b"EXIF")

    def size(ifd):
        return 2 + 12 * len(ifd) + 4 + sum(len(v[2]) + (len(v[2]) & 1) for v in ifd.values() if len(v[2]) > 4)

    pos0 = 8
    pos_exif = pos0 + size(ifd0)
    pos1 = pos_exif + (size(exif_ifd) if exif_ifd else 0)
    pos_thumb = pos1 + (size(ifd1) if ifd1 else 0)
    if exif_ifd:
        ifd0[34665] = (4, 1, struct.pack("<I", pos_exif))
    if ifd1:
        ifd1[513] = (4, 1, struct.pack("<I", pos_thumb))

    def pack(ifd, at, next_ifd):
        head = struct.pack("<H", len(ifd))
        data_at = at + 2 + 12 * len(ifd) + 4
        data = b""
        for tag in sorted(ifd):
            typ, count, raw = ifd[tag]
            if len(raw) > 4:
                head += struct.pack("<HHII", tag, typ, count, data_at + len(data))
                data += raw + (b"\0" if len(raw) & 1 else b"")
            else:
                head += struct.pack("<HHI", tag, typ, count) + raw.ljust(4, b"\0")
        return head + struct.pack("<I", next_ifd) + data

    tiff = b"II*\0" + struct.pack("<I", pos0)
    tiff += pack(ifd0, pos0, pos1 if ifd1 else 0)
    if exif_ifd:
        tiff += pack(exif_ifd, pos_exif, 0)
    if ifd1:
        tiff += pack(ifd1, pos1, 0)
        tiff += thumbnail
    return b"Exif\0\0" + tiff


def thumbnail_jpeg(img: Image.Image, size: tuple[int, int] = (160, 120)) -> bytes:
    small = img.convert("RGB").resize(size, Image.Resampling.BILINEAR)
    return jpeg(small, quality=75)
