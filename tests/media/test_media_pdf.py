"""arbiter.media_pdf: real ReportLab PDFs rendered to pixels by pypdfium2; bad bytes refused in one line."""
from __future__ import annotations

import threading

import pytest
from PIL import Image

from arbiter import media_pdf
from tests.media_factories import PAGE_COLOURS, pdf_pages


def _pixel(page, x_pt: float, y_pt_from_bottom: float):
    img = Image.frombytes("RGBA", (page.width, page.height), page.rgba)
    sx, sy = page.width / page.page_width_pt, page.height / page.page_height_pt
    return img.getpixel((int(x_pt * sx), int(page.height - y_pt_from_bottom * sy)))[:3]


def test_each_page_renders_its_own_pixels():
    data = pdf_pages(3)
    assert media_pdf.page_count("three", data) == 3
    for index in range(3):
        page = media_pdf.render_page("three", data, index, 600)
        assert (page.index, page.page_count, page.width) == (index, 3, 600)
        assert len(page.rgba) == page.width * page.height * 4
        r, g, b = _pixel(page, 200, 200)
        assert max(abs(r - PAGE_COLOURS[index][0]), abs(g - PAGE_COLOURS[index][1]),
                   abs(b - PAGE_COLOURS[index][2])) < 40
        assert _pixel(page, 500, 200) == (255, 255, 255)
    with pytest.raises(media_pdf.PdfError, match="no page 4"):
        media_pdf.render_page("three", data, 3, 600)


def test_render_size_is_bounded():
    data = pdf_pages(1)
    page = media_pdf.render_page("one", data, 0, 100_000)
    assert page.width * page.height <= media_pdf.MAX_RENDER_PIXELS


@pytest.mark.parametrize("data", [b"", b"%PDF-1.4\nnot really a pdf", b"\x89PNG\r\n\x1a\n"])
def test_bad_bytes_raise_pdf_error(data):
    with pytest.raises(media_pdf.PdfError):
        media_pdf.page_count(f"bad-{len(data)}", data)


def test_rendering_from_several_threads_is_serialised():
    data = pdf_pages(2)
    errors: list[BaseException] = []

    def work(i):
        try:
            for _ in range(3):
                media_pdf.render_page(f"t{i % 3}", data, i % 2, 300)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    media_pdf.forget()
