"""A small video key-frame decoder over the FFmpeg libraries Qt Multimedia already ships (no new dependency).

PySide6's Qt Multimedia plays evidence videos with FFmpeg 7.1 (``libavformat.so.61``, ``libavcodec.so.61``,
``libavutil.so.59``, ``libswscale.so.8`` beside Qt's own libraries, in the wheel and in the installed app). This
module calls those libraries through :mod:`ctypes` to decode a few key frames of a video: for each fixed
fraction of its duration, the key frame (I-frame) at or before it, or, when an earlier fraction already took
that key frame (a video with few key frames), the frame at the fraction itself; as small grey pictures. It adds nothing to the installer (docs/decisions.md, "Video key frames").

**Run it only in a throwaway child process** (:mod:`arbiter.forensics.video` does): the bytes are untrusted and
a C decoder may crash or spin on hostile input; the parent kills the child after a time limit. Inside, the
input is held in memory and read through a custom I/O context (no file name, no protocol is ever opened:
``protocol_whitelist`` is ``none``); the demuxer is forced from the sniffed type (``mov`` or ``matroska``,
never probed: no playlist or ``concat`` demuxer can be reached), the decoders are a short list, one thread,
frame size and packet counts are bounded.

The structure offsets below are those of FFmpeg 7.1 (the majors checked at load time: any other build gives no
frames rather than misread memory); ``tests/forensics/test_video_frames.py`` checks them against PyAV.
"""
from __future__ import annotations

import ctypes
import importlib.util
import os
import sys
from ctypes import POINTER, byref, c_char_p, c_int, c_int64, c_void_p
from pathlib import Path

#: library majors this module's structure offsets are written for (FFmpeg 7.1)
MAJORS = {"avutil": 59, "avcodec": 61, "avformat": 61, "swscale": 8}
#: decoders allowed (FFmpeg's names); others give no frames
DECODERS = frozenset({b"h264", b"hevc", b"vp8", b"vp9", b"av1", b"mpeg4", b"h263", b"mjpeg", b"mpeg2video"})
#: the demuxer forced for each sniffed media type
DEMUXERS = {"video/mp4": b"mov", "video/quicktime": b"mov", "video/webm": b"matroska",
            "video/x-matroska": b"matroska"}
MAX_SIDE = 8192                    # a frame wider or taller than this is refused
MAX_PIXELS = 40_000_000            # ... and one with more pixels
MAX_PACKETS_PER_FRAME = 900        # packets read to reach one wanted frame (30 s at 30 fps)
MAX_PACKETS = 3000                 # packets read in all
OUT_SIDE = 256                     # the grey frames handed back fit in OUT_SIDE x OUT_SIDE
MAX_OUT_SIDE = 1280                # frames for display (colour) at most this size

# FFmpeg 7.1 structure offsets (x86-64 / arm64 LP64)
_FMT_NB_STREAMS, _FMT_STREAMS, _FMT_DURATION = 44, 48, 104          # AVFormatContext
_ST_INDEX, _ST_CODECPAR, _ST_TIME_BASE, _ST_START, _ST_DURATION = 8, 16, 32, 40, 48   # AVStream
_PAR_CODEC_TYPE = 0                                                   # AVCodecParameters
_PKT_STREAM_INDEX = 36                                                # AVPacket
_FR_DATA, _FR_LINESIZE, _FR_WIDTH, _FR_HEIGHT, _FR_FORMAT, _FR_PTS, _FR_DTS = 0, 64, 104, 108, 116, 136, 144  # AVFrame

AVMEDIA_TYPE_VIDEO = 0
AV_PIX_FMT_GRAY8 = 8
AV_PIX_FMT_RGB24 = 2
SWS_AREA = 0x20
AVSEEK_FLAG_BACKWARD = 1
AVSEEK_SIZE = 0x10000
AV_NOPTS_VALUE = -(1 << 63)
AV_TIME_BASE = 1_000_000
AVERROR_EOF = -0x20464F45            # -MKTAG('E','O','F',' ')
AVERROR_EAGAIN = -11
AV_LOG_QUIET = -8

_READ_CB = ctypes.CFUNCTYPE(c_int, c_void_p, POINTER(ctypes.c_uint8), c_int)
_SEEK_CB = ctypes.CFUNCTYPE(c_int64, c_void_p, c_int64, c_int)


class DecoderUnavailable(RuntimeError):
    """The FFmpeg libraries are missing or not the version this module is written for."""


def _lib_dirs() -> list[Path]:
    """Where PySide6 keeps Qt's libraries (a venv, or the frozen app's folder)."""
    dirs: list[Path] = []
    spec = importlib.util.find_spec("PySide6")
    for base in (spec.submodule_search_locations or []) if spec else []:
        dirs += [Path(base) / "Qt" / "lib", Path(base)]
    if getattr(sys, "frozen", False):
        root = Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
        dirs += [root / "PySide6" / "Qt" / "lib", root / "PySide6", root]
    return [d for d in dirs if d.is_dir()]


def _names(stem: str, major: int) -> list[str]:
    if sys.platform == "win32":
        return [f"{stem}-{major}.dll"]
    if sys.platform == "darwin":
        return [f"lib{stem}.{major}.dylib"]
    return [f"lib{stem}.so.{major}"]


def _load(stem: str) -> ctypes.CDLL:
    major = MAJORS[stem]
    for folder in _lib_dirs():
        for name in _names(stem, major):
            path = folder / name
            if path.exists():
                return ctypes.CDLL(os.fspath(path))
    raise DecoderUnavailable(f"lib{stem} {major} not found beside Qt")


class _Libs:
    def __init__(self) -> None:
        if sys.platform.startswith("linux"):
            # Qt's FFmpeg build links stubs that expect OpenSSL's libcrypto already loaded (Qt loads it lazily;
            # ctypes binds every symbol at once): load it first, globally. Python's own ssl module uses it.
            import ssl  # noqa: F401 - brings the libcrypto Python was built with

            try:
                ctypes.CDLL("libcrypto.so.3", mode=ctypes.RTLD_GLOBAL)
            except OSError as exc:
                raise DecoderUnavailable(f"libcrypto.so.3: {exc}") from exc
        try:
            self.util = _load("avutil")
            self.codec = _load("avcodec")
            self.format = _load("avformat")
            self.sws = _load("swscale")
        except OSError as exc:
            raise DecoderUnavailable(str(exc)) from exc
        for lib, fn, stem in ((self.util, "avutil_version", "avutil"), (self.codec, "avcodec_version", "avcodec"),
                              (self.format, "avformat_version", "avformat"), (self.sws, "swscale_version", "swscale")):
            got = getattr(lib, fn)() >> 16
            if got != MAJORS[stem]:
                raise DecoderUnavailable(f"lib{stem} major {got}, this decoder is written for {MAJORS[stem]}")
        u, c, f, s = self.util, self.codec, self.format, self.sws
        u.av_log_set_level.argtypes = [c_int]
        u.av_malloc.restype = c_void_p
        u.av_malloc.argtypes = [ctypes.c_size_t]
        u.av_opt_set.argtypes = [c_void_p, c_char_p, c_char_p, c_int]
        u.av_opt_set_int.argtypes = [c_void_p, c_char_p, c_int64, c_int]
        f.avformat_alloc_context.restype = c_void_p
        f.avio_alloc_context.restype = c_void_p
        f.avio_alloc_context.argtypes = [c_void_p, c_int, c_int, c_void_p, _READ_CB, c_void_p, _SEEK_CB]
        f.av_find_input_format.restype = c_void_p
        f.av_find_input_format.argtypes = [c_char_p]
        f.avformat_open_input.argtypes = [POINTER(c_void_p), c_char_p, c_void_p, POINTER(c_void_p)]
        f.avformat_find_stream_info.argtypes = [c_void_p, c_void_p]
        f.av_find_best_stream.argtypes = [c_void_p, c_int, c_int, c_int, POINTER(c_void_p), c_int]
        f.av_read_frame.argtypes = [c_void_p, c_void_p]
        f.av_seek_frame.argtypes = [c_void_p, c_int, c_int64, c_int]
        u.av_dict_set.argtypes = [POINTER(c_void_p), c_char_p, c_char_p, c_int]
        c.avcodec_alloc_context3.restype = c_void_p
        c.avcodec_alloc_context3.argtypes = [c_void_p]
        c.avcodec_parameters_to_context.argtypes = [c_void_p, c_void_p]
        c.avcodec_open2.argtypes = [c_void_p, c_void_p, c_void_p]
        c.avcodec_send_packet.argtypes = [c_void_p, c_void_p]
        c.avcodec_receive_frame.argtypes = [c_void_p, c_void_p]
        c.avcodec_flush_buffers.argtypes = [c_void_p]
        c.av_packet_alloc.restype = c_void_p
        c.av_packet_unref.argtypes = [c_void_p]
        u.av_frame_alloc.restype = c_void_p
        u.av_frame_unref.argtypes = [c_void_p]
        s.sws_getContext.restype = c_void_p
        s.sws_getContext.argtypes = [c_int, c_int, c_int, c_int, c_int, c_int, c_int, c_void_p, c_void_p, c_void_p]
        s.sws_scale.argtypes = [c_void_p, c_void_p, c_void_p, c_int, c_int, c_void_p, c_void_p]
        s.sws_freeContext.argtypes = [c_void_p]
        u.av_log_set_level(AV_LOG_QUIET)


_LIBS: _Libs | None = None


def libs() -> _Libs:
    global _LIBS
    if _LIBS is None:
        _LIBS = _Libs()
    return _LIBS


def available() -> bool:
    try:
        libs()
        return True
    except DecoderUnavailable:
        return False


def _i32(addr: int) -> int:
    return c_int.from_address(addr).value


def _i64(addr: int) -> int:
    return c_int64.from_address(addr).value


def _ptr(addr: int) -> int:
    return c_void_p.from_address(addr).value or 0


class _Memory:
    """The custom I/O context's reader over the video's bytes."""

    def __init__(self, data: bytes):
        self.data = data
        self.pos = 0
        self.read_cb = _READ_CB(self._read)
        self.seek_cb = _SEEK_CB(self._seek)

    def _read(self, _opaque, buf, size):
        chunk = self.data[self.pos:self.pos + max(0, size)]
        if not chunk:
            return AVERROR_EOF
        ctypes.memmove(buf, chunk, len(chunk))
        self.pos += len(chunk)
        return len(chunk)

    def _seek(self, _opaque, offset, whence):
        if whence & AVSEEK_SIZE:
            return len(self.data)
        whence &= 3
        base = {0: 0, 1: self.pos, 2: len(self.data)}.get(whence)
        if base is None or not 0 <= base + offset <= len(self.data):
            return -22
        self.pos = base + offset
        return self.pos


def key_frames(data: bytes, media_type: str, fractions: tuple[float, ...], *, out_side: int = OUT_SIDE,
               colour: bool = False) -> tuple[float, list[tuple[int, int, int, bytes]]]:
    """(duration in seconds, ``[(index into fractions, width, height, pixels)]``) for each fraction of the duration whose frame could
    be decoded; grey pictures (RGB with ``colour``) that fit in ``out_side`` x ``out_side``. Raises on anything wrong (the caller, in the
    child process, turns that into no frames)."""
    demuxer = DEMUXERS.get(media_type)
    if demuxer is None:
        raise ValueError(f"no demuxer for {media_type}")
    L = libs()
    u, c, f, s = L.util, L.codec, L.format, L.sws
    memory = _Memory(data)
    ctx = c_void_p(f.avformat_alloc_context())
    buf_size = 64 * 1024
    pb = f.avio_alloc_context(u.av_malloc(buf_size), buf_size, 0, None, memory.read_cb, None, memory.seek_cb)
    if not ctx.value or not pb:
        raise MemoryError("avformat")
    c_void_p.from_address(ctx.value + 32).value = pb                 # AVFormatContext.pb: custom I/O
    options = c_void_p()
    for key, value in ((b"protocol_whitelist", b"none"), (b"format_whitelist", demuxer),
                       (b"probesize", b"5000000"), (b"analyzeduration", b"5000000"), (b"max_streams", b"16")):
        u.av_dict_set(byref(options), key, value, 0)
    fmt = f.av_find_input_format(demuxer)
    if f.avformat_open_input(byref(ctx), None, fmt, byref(options)) < 0:
        raise ValueError("not a readable video")
    if f.avformat_find_stream_info(ctx, None) < 0:
        raise ValueError("no stream information")
    codec = c_void_p()
    index = f.av_find_best_stream(ctx, AVMEDIA_TYPE_VIDEO, -1, -1, byref(codec), 0)
    if index < 0 or not codec.value:
        raise ValueError("no decodable video stream")
    if ctypes.string_at(_ptr(codec.value)) not in DECODERS:       # AVCodec.name is its first field
        raise ValueError("decoder not allowed")
    nb = ctypes.c_uint.from_address(ctx.value + _FMT_NB_STREAMS).value
    if not 0 <= index < nb:
        raise ValueError("stream index out of range")
    stream = _ptr(_ptr(ctx.value + _FMT_STREAMS) + 8 * index)
    if _i32(stream + _ST_INDEX) != index:
        raise DecoderUnavailable("AVStream layout is not FFmpeg 7.1's")
    par = _ptr(stream + _ST_CODECPAR)
    if _i32(par + _PAR_CODEC_TYPE) != AVMEDIA_TYPE_VIDEO:
        raise DecoderUnavailable("AVCodecParameters layout is not FFmpeg 7.1's")
    tb_num, tb_den = _i32(stream + _ST_TIME_BASE), _i32(stream + _ST_TIME_BASE + 4)
    if tb_num <= 0 or tb_den <= 0:
        raise ValueError("bad time base")
    start = _i64(stream + _ST_START)
    start = 0 if start == AV_NOPTS_VALUE else start
    duration = _i64(stream + _ST_DURATION)
    if duration == AV_NOPTS_VALUE or duration <= 0:
        whole = _i64(ctx.value + _FMT_DURATION)                      # microseconds
        duration = 0 if whole == AV_NOPTS_VALUE or whole <= 0 else whole * tb_den // (AV_TIME_BASE * tb_num)
    if duration <= 0:
        raise ValueError("unknown duration")
    cctx = c.avcodec_alloc_context3(codec)
    if not cctx or c.avcodec_parameters_to_context(cctx, par) < 0:
        raise ValueError("codec parameters")
    u.av_opt_set_int(cctx, b"threads", 1, 0)
    u.av_opt_set_int(cctx, b"max_pixels", MAX_PIXELS, 0)
    if c.avcodec_open2(cctx, codec, None) < 0:
        raise ValueError("cannot open the decoder")
    packet, frame = c.av_packet_alloc(), u.av_frame_alloc()
    seconds = tb_num / tb_den
    targets = [(k, start + int(duration * fr)) for k, fr in enumerate(fractions)]
    out: list[tuple[int, int, int, bytes]] = []
    position: int | None = None     # pts of the last frame decoded
    taken: int | None = None        # pts of the last frame handed back
    total = 0
    for k, target in targets:
        if position is not None and target <= position:
            continue                # decoding to an earlier target went past this one
        if f.av_seek_frame(ctx, index, target, AVSEEK_FLAG_BACKWARD) >= 0:
            c.avcodec_flush_buffers(cctx)
        got = None
        first = True
        packets = 0
        eof = False
        while got is None and packets < MAX_PACKETS_PER_FRAME and total < MAX_PACKETS:
            if not eof:
                r = f.av_read_frame(ctx, packet)
                if r < 0:
                    eof = True
                    c.avcodec_send_packet(cctx, None)                 # drain
                else:
                    packets += 1
                    total += 1
                    if _i32(packet + _PKT_STREAM_INDEX) == index:
                        c.avcodec_send_packet(cctx, packet)
                    c.av_packet_unref(packet)
            while True:
                r = c.avcodec_receive_frame(cctx, frame)
                if r < 0:
                    break
                pts = _i64(frame + _FR_PTS)
                if pts == AV_NOPTS_VALUE:
                    pts = _i64(frame + _FR_DTS)
                position = pts if pts != AV_NOPTS_VALUE else (position or start)
                # the key frame the seek landed on, unless an earlier target already took it (then decode on to
                # the target itself): one frame decoded per target on a phone's video (a key frame a second)
                new_key = first and (taken is None or position > taken)
                first = False
                if got is None and (new_key or pts == AV_NOPTS_VALUE or pts >= target):
                    got = _picture(L, frame, min(out_side, MAX_OUT_SIDE), colour)
                    taken = position
                u.av_frame_unref(frame)
            if eof and got is None:
                break
        if got is not None:
            out.append((k, *got))
    return duration * seconds, out


def _picture(L: _Libs, frame: int, out_side: int, colour: bool) -> tuple[int, int, bytes]:
    w, h, fmt = _i32(frame + _FR_WIDTH), _i32(frame + _FR_HEIGHT), _i32(frame + _FR_FORMAT)
    if not (0 < w <= MAX_SIDE and 0 < h <= MAX_SIDE and w * h <= MAX_PIXELS) or fmt < 0:
        raise ValueError("frame size out of bounds")
    scale = min(1.0, out_side / max(w, h))
    dw, dh = max(1, round(w * scale)), max(1, round(h * scale))
    depth = 3 if colour else 1
    sws = L.sws.sws_getContext(w, h, fmt, dw, dh, AV_PIX_FMT_RGB24 if colour else AV_PIX_FMT_GRAY8, SWS_AREA,
                               None, None, None)
    if not sws:
        raise ValueError("no conversion for this pixel format")
    try:
        stride = (dw * depth + 31) // 32 * 32
        out = ctypes.create_string_buffer(stride * dh + 64)
        dst = (c_void_p * 4)(ctypes.addressof(out), None, None, None)
        dst_stride = (c_int * 4)(stride, 0, 0, 0)
        L.sws.sws_scale(sws, frame + _FR_DATA, frame + _FR_LINESIZE, 0, h, dst, dst_stride)
    finally:
        L.sws.sws_freeContext(sws)
    raw = out.raw
    pixels = b"".join(raw[y * stride:y * stride + dw * depth] for y in range(dh))
    return dw, dh, pixels


__all__ = ["DECODERS", "DEMUXERS", "DecoderUnavailable", "available", "key_frames", "libs"]
