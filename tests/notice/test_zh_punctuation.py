"""The Chinese notice uses full-width punctuation (，：；（）) as a formal 通知书 does; what the parties wrote
(names, quotes, captions) is printed as they wrote it."""
from __future__ import annotations

import re

from arbiter.notice import texts as T
from arbiter.notice import write_notices
from tests.notice import pdftools
from tests.notice.records import zh_case, zh_record

ASCII_PROSE = re.compile(r"[,;()!?]|(?<!\d):|:(?!\d)")


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, tuple):
        for item in value:
            yield from _strings(item)


def test_every_chinese_catalog_string_is_full_width():
    for text in _strings(T.CATALOG["zh"]):
        bare = re.sub(r"\{[^}]*\}", "", text)
        assert not ASCII_PROSE.search(bare), text


def test_fullwidth_keeps_placeholders_and_times():
    assert T.fullwidth("{a:>3},于10:00(北京时间):完成") == "{a:>3}，于10:00（北京时间）：完成"


def test_chinese_notice_prints_full_width_prose_and_the_parties_words_as_written(tmp_path):
    paths = write_notices(zh_case(), zh_record(), tmp_path / "n.pdf")
    text = pdftools.flat(paths.buyer)
    for phrase in ("进行审核，现将处理决定通知如下", "10:00（北京时间 UTC+08:00）", "第 1 页，共", "买家陈述："):
        assert phrase in text, phrase
    assert "收到时茶壶壶嘴已经碎裂,外包装有明显挤压痕迹" in text.replace(" ", "")  # the buyer's own words
