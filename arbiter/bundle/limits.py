"""Every limit the bundle reader enforces, in one place. See docs/bundle-security.md for the reasons.

The reader looks these up as ``limits.NAME`` at call time, so a test may monkeypatch them.
"""
from __future__ import annotations

KiB = 1024
MiB = 1024 * KiB
GiB = 1024 * MiB

#: case.json, as the spec says (case-bundle.md, "Container").
MAX_CASE_JSON_BYTES = 16 * MiB

#: Nesting of arrays and objects in case.json, checked on the text before any JSON decoding.
#: The real format nests at most 5 levels deep.
MAX_JSON_DEPTH = 64

#: Digits in one JSON number (int() on a huge digit string is quadratic).
MAX_JSON_NUMBER_DIGITS = 64

#: One evidence file (photos, PDFs, short phone videos).
MAX_EVIDENCE_FILE_BYTES = 256 * MiB

#: Everything read from one bundle: case.json plus every referenced evidence file. For a ZIP this is
#: also the limit on the sum of the sizes all members declare.
MAX_TOTAL_UNCOMPRESSED_BYTES = 1 * GiB

#: Uncompressed / compressed, for each ZIP member and for the whole archive (declared uncompressed total
#: over the archive's size on disk). Only applied once the uncompressed size passes RATIO_CHECK_MIN_BYTES,
#: so tiny, very compressible members (an empty file, a short JSON) do not trip it.
MAX_COMPRESSION_RATIO = 100
RATIO_CHECK_MIN_BYTES = 1 * MiB

#: Members (files and folders) in a ZIP, entries walked in a bundle folder.
MAX_MEMBERS = 10_000

#: Size of the ZIP central directory, checked before Python's zipfile parses it.
MAX_CENTRAL_DIRECTORY_BYTES = 16 * MiB

#: Bytes of a member or file name.
MAX_NAME_BYTES = 1024

#: Width x height of one image, checked from the header before any pixel is decoded. The same value as
#: Pillow's default ``Image.MAX_IMAGE_PIXELS`` (a quarter GiB of 24-bit pixels); Pillow's own
#: DecompressionBombWarning is treated as an error too.
MAX_IMAGE_PIXELS = 89_478_485

#: Read size for streaming members and files (the hard cap is checked after every chunk).
READ_CHUNK_BYTES = 1 * MiB
