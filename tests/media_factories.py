"""Real evidence documents for the viewer tests: a multi-page PDF (ReportLab) and a short video (PyAV, a test
dependency only: the app plays videos with Qt Multimedia)."""
from __future__ import annotations

import io

from PIL import Image, ImageDraw

PAGE_COLOURS = ((220, 30, 30), (30, 140, 40), (30, 60, 220))


def pdf_pages(pages: int = 3, *, title: str = "Courier report") -> bytes:
    """An A4 PDF whose page n has a large square in PAGE_COLOURS[n % 3] at (100, 100)-(300, 300) pt."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for n in range(pages):
        r, g, b = PAGE_COLOURS[n % len(PAGE_COLOURS)]
        c.setFillColorRGB(r / 255, g / 255, b / 255)
        c.rect(100, 100, 200, 200, fill=1, stroke=0)
        c.setFillColorRGB(0, 0, 0)
        c.setFont("Helvetica-Bold", 28)
        c.drawString(72, 760, f"{title} - page {n + 1} of {pages}")
        c.setFont("Helvetica", 14)
        c.drawString(72, 720, "Parcel weight at pickup: 1.2 kg; at delivery: 0.4 kg.")
        c.linkURL("https://example.invalid/never-followed", (72, 700, 400, 715))
        c.showPage()
    c.save()
    return buf.getvalue()


def video_mp4(seconds: float = 1.0, fps: int = 10, size: tuple[int, int] = (160, 120)) -> bytes:
    """A short H.264 MP4: a yellow block moving right over a blue background."""
    import av

    w, h = size
    buf = io.BytesIO()
    with av.open(buf, "w", format="mp4") as out:
        stream = out.add_stream("libx264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = w, h, "yuv420p"
        for i in range(int(seconds * fps)):
            img = Image.new("RGB", (w, h), (30, 60, 160))
            x = int(i * (w - 40) / max(1, seconds * fps - 1))
            ImageDraw.Draw(img).rectangle([x, h // 3, x + 40, h // 3 + 40], fill=(250, 200, 0))
            for packet in stream.encode(av.VideoFrame.from_image(img)):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return buf.getvalue()


def video_of(scenes: list[tuple[Image.Image, float]], *, fps: int = 10, size: tuple[int, int] = (320, 240),
             codec: str = "libx264", container: str = "mp4", crf: int | None = None, gop: int | None = None,
             drift: bool = True) -> bytes:
    """A video of still scenes, each (picture, seconds), scaled to ``size``; with ``drift`` each scene's picture
    slowly pans a few pixels (a phone held still). Written with PyAV (a test dependency)."""
    import av

    w, h = size
    buf = io.BytesIO()
    with av.open(buf, "w", format=container) as out:
        stream = out.add_stream(codec, rate=fps)
        stream.width, stream.height, stream.pix_fmt = w, h, "yuv420p"
        options = {}
        if crf is not None:
            options["crf"] = str(crf)
        if gop is not None:
            stream.codec_context.gop_size = gop
        stream.options = options
        for picture, seconds in scenes:
            n = max(1, round(seconds * fps))
            big = picture.convert("RGB").resize((w + 8, h + 8), Image.Resampling.LANCZOS)
            for i in range(n):
                dx = round(8 * i / max(1, n - 1)) if drift else 4
                frame = av.VideoFrame.from_image(big.crop((dx, 4, dx + w, 4 + h)))
                for packet in stream.encode(frame):
                    out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    return buf.getvalue()


def reencoded(data: bytes, *, scale: float = 0.6, crf: int = 32, container: str = "mp4",
              codec: str = "libx264") -> bytes:
    """``data`` decoded and encoded again, smaller and at a lower quality (another buyer's copy)."""
    import av

    src = av.open(io.BytesIO(data))
    vs = src.streams.video[0]
    w, h = round(vs.codec_context.width * scale) // 2 * 2, round(vs.codec_context.height * scale) // 2 * 2
    rate = vs.average_rate or 10
    buf = io.BytesIO()
    with av.open(buf, "w", format=container) as out:
        stream = out.add_stream(codec, rate=rate)
        stream.width, stream.height, stream.pix_fmt = w, h, "yuv420p"
        if codec == "libx264":
            stream.options = {"crf": str(crf)}
        for frame in src.decode(vs):
            img = frame.to_image().resize((w, h), Image.Resampling.BILINEAR)
            for packet in stream.encode(av.VideoFrame.from_image(img)):
                out.mux(packet)
        for packet in stream.encode():
            out.mux(packet)
    src.close()
    return buf.getvalue()
