"""What "opened" means for PDFs and videos (arbiter.ui.viewing_progress), on the player's reports alone."""
from __future__ import annotations

from arbiter.ui.viewing_progress import VideoWatch, pdf_complete, pdf_progress, pdf_unseen, summary, video_complete


def test_pdf_every_page_must_be_seen():
    info = None
    for page in (0, 2):
        info = pdf_progress(info, 3, page)
    assert not pdf_complete(info) and pdf_unseen(info) == [1]
    assert summary(info) == ("pdf", 2, 3)
    info = pdf_progress(info, 3, 1)
    assert pdf_complete(info)
    # a different page count (a new revision with another file) starts over
    assert pdf_progress(info, 4, 0) == {"kind": "pdf", "pages": 4, "seen": [0]}


def _play(watch: VideoWatch, start: int, end: int, step: int = 100) -> None:
    for pos in range(start + step, end + 1, step):
        watch.position(pos, playing=True)


def test_video_played_through_is_complete():
    watch = VideoWatch(10_000)
    _play(watch, 0, 10_000)
    assert not watch.complete            # the end was not reported yet
    watch.reached_end()
    assert watch.complete and video_complete(watch.info())


def test_seeking_forward_does_not_count_the_skipped_part():
    watch = VideoWatch(10_000)
    _play(watch, 0, 2_000)
    watch.seeked(9_000)
    watch.position(9_000, playing=True)
    _play(watch, 9_000, 10_000)
    watch.reached_end()
    assert watch.ended and not watch.complete
    assert 2_900 <= watch.played_ms() <= 3_100
    # watching the skipped part later completes it, in any order
    watch.seeked(2_000)
    watch.position(2_000, playing=True)
    _play(watch, 2_000, 9_000)
    assert watch.complete


def test_reports_while_paused_or_jumps_do_not_count():
    watch = VideoWatch(10_000)
    watch.position(5_000, playing=False)
    watch.position(5_100, playing=False)
    watch.position(9_000, playing=True)   # a jump of 3.9 s is a seek
    assert watch.played_ms() == 0


def test_progress_round_trips_through_the_draft():
    watch = VideoWatch(4_000)
    _play(watch, 0, 1_500)
    again = VideoWatch(0, watch.info())
    assert again.duration_ms == 4_000 and again.played == [[0, 1_500]] and not again.ended
    assert summary(watch.info()) == ("video", 37, 100)
