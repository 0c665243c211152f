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
