"""The two containers a bundle comes in: a ZIP archive (``.arbcase``) and an unpacked folder.

Both only ever *read*: nothing is extracted, nothing is written. Every read is capped by the bytes actually
read (chunk by chunk), never only by what a header declares.
"""
from __future__ import annotations

import os
import stat
import struct
import unicodedata
import zipfile
import zlib
from collections.abc import Iterator

from arbiter.bundle import limits
from arbiter.bundle.errors import BundleError, one_line
from arbiter.domain.parse import CaseFormatError, check_bundle_path

CASE_JSON = "case.json"

_UTF8_FLAG = 0x800  # general-purpose bit 11: the name is UTF-8
_ALLOWED_COMPRESSION = {zipfile.ZIP_STORED: "stored", zipfile.ZIP_DEFLATED: "deflate"}
_SPECIAL_KINDS = (
    (stat.S_ISLNK, "a symbolic link"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
)
_REPARSE_POINT = getattr(stat, "FILE_ATTRIBUTE_REPARSE_POINT", 0x400)


def _kind(mode: int) -> str | None:
    """A description of a non-regular, non-directory file type, or None."""
    for test, name in _SPECIAL_KINDS:
        if test(mode):
            return name
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return "a special file"


def _shown(name: str) -> str:
    """A member name fit to print and store: bytes that are not UTF-8 (which ``os.listdir`` hands back as
    lone surrogates) are written as ``\\xff`` escapes."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        name = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return one_line(name)  # and no line break (U+2028, U+0085) inside the one line that lists it


def _fold(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold()


class Budget:
    """Bytes read from one bundle so far, against MAX_TOTAL_UNCOMPRESSED_BYTES."""

    def __init__(self) -> None:
        self.used = 0

    def take(self, n: int, where: str) -> None:
        self.used += n
        if self.used > limits.MAX_TOTAL_UNCOMPRESSED_BYTES:
            raise BundleError(f"{where}: the bundle's content passes {limits.MAX_TOTAL_UNCOMPRESSED_BYTES} bytes "
                              f"uncompressed (limit)")


def _read_capped(read, cap: int, where: str, budget: Budget, what: str) -> bytes:
    """Read with ``read(n)`` until EOF; refuse as soon as more than ``cap`` bytes have come out."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = read(min(limits.READ_CHUNK_BYTES, cap + 1 - total))
        if not chunk:
            break
        total += len(chunk)
        if total > cap:
            raise BundleError(f"{where}: larger than {cap} bytes ({what} limit)")
        budget.take(len(chunk), where)
        chunks.append(chunk)
    return b"".join(chunks)


class Container:
    """What the reader needs from a bundle container."""

    def read(self, name: str, where: str, cap: int, what: str,
             budget: Budget) -> bytes | None:  # pragma: no cover - interface
        raise NotImplementedError

    def members(self) -> Iterator[str]:  # pragma: no cover - interface
        raise NotImplementedError

    def close(self) -> None:
        pass


# ---------------------------------------------------------------------------------------------------- ZIP


def _precheck_zip(path: str) -> tuple[int, _CentralDirectoryFix | None]:
    """Before Python's zipfile parses the central directory (it builds one object per entry), check the
    end-of-central-directory record: entry count and directory size. Returns the archive size and, when
    some member's name is flagged UTF-8 but is not, the fix for zipfile (see :class:`_CentralDirectoryFix`)."""
    size = os.path.getsize(path)
    end_rec = getattr(zipfile, "_EndRecData", None)
    if end_rec is None:  # pragma: no cover - private helper of the standard library
        return size, None
    with open(path, "rb") as fp:
        try:
            rec = end_rec(fp)
        except (OSError, ValueError, zipfile.BadZipFile):
            rec = None
    if not rec:
        raise BundleError("not a ZIP archive (.arbcase) or a bundle folder")
    entries = rec[zipfile._ECD_ENTRIES_TOTAL]
    cd_size = rec[zipfile._ECD_SIZE]
    if entries > limits.MAX_MEMBERS:
        raise BundleError(f"archive: {entries} members; the limit is {limits.MAX_MEMBERS}")
    if cd_size > limits.MAX_CENTRAL_DIRECTORY_BYTES:
        raise BundleError(f"archive: central directory of {cd_size} bytes; the limit is "
                          f"{limits.MAX_CENTRAL_DIRECTORY_BYTES}")
    return size, _central_directory_fix(path, rec)


class _CentralDirectoryFix:
    """Where the central directory is, and a copy of it with the UTF-8 flag (bit 11) cleared on every entry
    whose name is not valid UTF-8. Python's zipfile refuses the whole archive on such a name
    (UnicodeDecodeError); served this copy, it reads the name as CP437 like any legacy name, and
    :class:`ZipContainer` lists the member as ignored under an escaped name (it can never be referenced:
    case.json paths are text)."""

    def __init__(self, start: int, patched: bytes, raw_names: frozenset[bytes]):
        self.start = start
        self.patched = patched
        self.raw_names = raw_names


def _central_directory_fix(path: str, rec) -> _CentralDirectoryFix | None:
    size_cd, offset_cd, location = rec[zipfile._ECD_SIZE], rec[zipfile._ECD_OFFSET], rec[zipfile._ECD_LOCATION]
    start = location - size_cd  # as zipfile computes it (offset_cd + bytes prepended to the archive)
    if rec[zipfile._ECD_SIGNATURE] == zipfile.stringEndArchive64:
        start -= zipfile.sizeEndCentDir64 + zipfile.sizeEndCentDir64Locator
    if start < 0 or size_cd <= 0:
        return None
    with open(path, "rb") as fp:
        fp.seek(start)
        data = bytearray(fp.read(size_cd))
    bad: set[bytes] = set()
    pos = 0
    while pos + zipfile.sizeCentralDir <= len(data):
        header = struct.unpack(zipfile.structCentralDir, data[pos:pos + zipfile.sizeCentralDir])
        if header[zipfile._CD_SIGNATURE] != zipfile.stringCentralDir:
            break  # zipfile itself will say the archive is damaged
        name_len, extra_len, comment_len = (header[zipfile._CD_FILENAME_LENGTH], header[zipfile._CD_EXTRA_FIELD_LENGTH],
                                            header[zipfile._CD_COMMENT_LENGTH])
        name = bytes(data[pos + zipfile.sizeCentralDir: pos + zipfile.sizeCentralDir + name_len])
        flags = header[zipfile._CD_FLAG_BITS]
        if flags & _UTF8_FLAG:
            try:
                name.decode("utf-8")
            except UnicodeDecodeError:
                struct.pack_into("<H", data, pos + 8, flags & ~_UTF8_FLAG)
                bad.add(name)
        pos += zipfile.sizeCentralDir + name_len + extra_len + comment_len
    if not bad:
        return None
    return _CentralDirectoryFix(start, bytes(data), frozenset(bad))


class _FixedFile:
    """The archive file, except that the one read of the central directory gets the fixed copy."""

    def __init__(self, path: str, fix: _CentralDirectoryFix):
        self._fh = open(path, "rb")
        self._fix = fix
        self.name = path

    def read(self, n: int = -1) -> bytes:
        pos = self._fh.tell()
        if pos == self._fix.start and n == len(self._fix.patched):
            self._fh.seek(pos + n)
            return self._fix.patched
        return self._fh.read(n)

    def seek(self, offset: int, whence: int = 0) -> int:
        return self._fh.seek(offset, whence)

    def tell(self) -> int:
        return self._fh.tell()

    def seekable(self) -> bool:
        return True

    def close(self) -> None:
        self._fh.close()


def _check_member_name(info: zipfile.ZipInfo, not_utf8: frozenset[bytes] = frozenset()) -> tuple[str, bool]:
    """The member's name, checked like a path in case.json (directory entries keep their trailing '/'), and
    whether it is a name flagged UTF-8 that is not: returned escaped (``photo\\xff.jpg``), never readable."""
    raw = info.orig_filename  # before zipfile's own clean-up (NUL truncation, os.sep replacement)
    broken = False
    if not_utf8 and not info.flag_bits & _UTF8_FLAG:
        encoded = raw.encode("cp437")
        if encoded in not_utf8:
            broken = True
            raw = encoded.decode("utf-8", "surrogateescape")  # structure checks see the real bytes
    shown = raw.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace") if broken else raw
    where = f"member {shown!r}"
    if len(raw.encode("utf-8", "surrogateescape")) > limits.MAX_NAME_BYTES:
        raise BundleError(f"{where}: name longer than {limits.MAX_NAME_BYTES} bytes")
    name = raw[:-1] if raw.endswith("/") else raw
    try:
        check_bundle_path(name, where)
    except CaseFormatError as exc:
        raise BundleError(str(exc)) from None
    return shown, broken


class ZipContainer(Container):
    def __init__(self, path: str):
        archive_size, fix = _precheck_zip(path)
        self._fixed = _FixedFile(path, fix) if fix else None  # zipfile never closes a file it was given
        try:
            self.zf = zipfile.ZipFile(self._fixed or path, "r")
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
            self._close_fixed()
            raise BundleError(f"not a readable ZIP archive ({exc})") from None
        except BaseException:
            self._close_fixed()
            raise
        try:
            self._index(archive_size, fix.raw_names if fix else frozenset())
        except BaseException:
            self.close()
            raise

    def _close_fixed(self) -> None:
        if self._fixed is not None:
            self._fixed.close()

    def _index(self, archive_size: int, not_utf8: frozenset[bytes]) -> None:
        infos = self.zf.infolist()
        if len(infos) > limits.MAX_MEMBERS:
            raise BundleError(f"archive: {len(infos)} members; the limit is {limits.MAX_MEMBERS}")
        self.files: dict[str, zipfile.ZipInfo] = {}
        self._names: list[str] = []  # every non-folder member, in archive order (escaped when not UTF-8)
        seen: dict[str, str] = {}
        declared_total = 0
        for info in infos:
            raw, broken = _check_member_name(info, not_utf8)
            where = f"member {raw!r}"
            key = _fold(raw.rstrip("/"))
            if key in seen:
                if seen[key] == raw:
                    raise BundleError(f"{where}: duplicate member name in the archive")
                raise BundleError(f"{where}: duplicate member name in the archive (same as {seen[key]!r} "
                                  f"apart from letter case or Unicode normalisation)")
            seen[key] = raw
            mode = info.external_attr >> 16
            special = _kind(mode) if stat.S_IFMT(mode) else None
            if special:
                raise BundleError(f"{where}: is {special}; only regular files are allowed")
            if info.flag_bits & 0x1:
                raise BundleError(f"{where}: is encrypted; encrypted members are not supported")
            if info.compress_type not in _ALLOWED_COMPRESSION:
                raise BundleError(f"{where}: compression method {info.compress_type} is not supported "
                                  f"(supported: {', '.join(_ALLOWED_COMPRESSION.values())})")
            if info.file_size > limits.RATIO_CHECK_MIN_BYTES:
                ratio = info.file_size / max(info.compress_size, 1)
                if ratio > limits.MAX_COMPRESSION_RATIO:
                    raise BundleError(f"{where}: compression ratio {ratio:.0f}:1 is absurd (limit "
                                      f"{limits.MAX_COMPRESSION_RATIO}:1; zip bomb)")
            declared_total += info.file_size
            if declared_total > limits.MAX_TOTAL_UNCOMPRESSED_BYTES:
                raise BundleError(f"archive: members declare more than {limits.MAX_TOTAL_UNCOMPRESSED_BYTES} "
                                  f"bytes uncompressed (limit; zip bomb)")
            is_dir = raw.endswith("/") or stat.S_ISDIR(mode)
            if not is_dir:
                self._names.append(_shown(raw))
                if not broken:  # a name that is not text can never be referenced by case.json
                    self.files[raw] = info
        if declared_total > limits.RATIO_CHECK_MIN_BYTES:
            ratio = declared_total / max(archive_size, 1)
            if ratio > limits.MAX_COMPRESSION_RATIO:
                raise BundleError(f"archive: {declared_total} bytes uncompressed from {archive_size} on disk, "
                                  f"ratio {ratio:.0f}:1 is absurd (limit {limits.MAX_COMPRESSION_RATIO}:1; zip bomb)")

    def members(self) -> Iterator[str]:
        return iter(self._names)

    def read(self, name: str, where: str, cap: int, what: str, budget: Budget) -> bytes | None:
        info = self.files.get(name)
        if info is None:
            return None
        if info.file_size > cap:
            raise BundleError(f"{where}: declares {info.file_size} bytes; the {what} limit is {cap}")
        try:
            with self.zf.open(info, "r") as fh:
                data = _read_capped(fh.read, cap, where, budget, what)
        except BundleError:
            raise
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError,
                RuntimeError) as exc:
            raise BundleError(f"{where}: cannot be read from the archive ({exc})") from None
        if len(data) != info.file_size:
            raise BundleError(f"{where}: {len(data)} bytes read, {info.file_size} declared (damaged archive)")
        return data

    def close(self) -> None:
        try:
            self.zf.close()
        finally:
            self._close_fixed()


# ------------------------------------------------------------------------------------------------- folder

_USE_DIR_FD = os.open in os.supports_dir_fd and os.stat in os.supports_dir_fd and os.listdir in os.supports_fd
_O_BINARY = getattr(os, "O_BINARY", 0)
_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_O_DIRECTORY = getattr(os, "O_DIRECTORY", 0)


def _check_lstat(st: os.stat_result, where: str, component: str, want_dir: bool) -> None:
    special = _kind(st.st_mode)
    if special is None and getattr(st, "st_file_attributes", 0) & _REPARSE_POINT:
        special = "a reparse point (junction or link)"
    if special:
        raise BundleError(f"{where}: {component!r} is {special}; only regular files and folders are allowed")
    if want_dir and not stat.S_ISDIR(st.st_mode):
        raise BundleError(f"{where}: {component!r} is not a folder")
    if not want_dir and not stat.S_ISREG(st.st_mode):
        raise BundleError(f"{where}: {component!r} is not a regular file")


class FolderContainer(Container):
    def __init__(self, path: str):
        self.root = os.path.abspath(path)
        self.real_root = os.path.realpath(self.root)
        self._listings: dict[str, frozenset[str]] = {}

    def _listing(self, key: str, target) -> frozenset[str]:
        if key not in self._listings:
            names = os.listdir(target)
            if len(names) > limits.MAX_MEMBERS:
                raise BundleError(f"folder {key or '.'!r}: more than {limits.MAX_MEMBERS} entries")
            self._listings[key] = frozenset(unicodedata.normalize("NFC", n) for n in names)
        return self._listings[key]

    @staticmethod
    def _exact(listing: frozenset[str], component: str) -> bool:
        """Whether ``component`` exists in the folder with exactly this spelling (case-insensitive file
        systems would otherwise open 'E1.JPG' for 'e1.jpg', which a ZIP never would)."""
        return unicodedata.normalize("NFC", component) in listing

    def read(self, name: str, where: str, cap: int, what: str, budget: Budget) -> bytes | None:
        parts = name.split("/")
        try:
            if _USE_DIR_FD:
                return self._read_dirfd(parts, where, cap, what, budget)
            return self._read_paths(parts, where, cap, what, budget)
        except BundleError:
            raise
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise BundleError(f"{where}: cannot be read ({exc.strerror or exc})") from None

    def _read_dirfd(self, parts: list[str], where: str, cap: int, what: str, budget: Budget) -> bytes | None:
        dirfd = os.open(self.root, os.O_RDONLY | _O_DIRECTORY)
        try:
            sofar = ""
            for i, component in enumerate(parts):
                last = i == len(parts) - 1
                if not self._exact(self._listing(sofar, dirfd), component):
                    return None
                st = os.stat(component, dir_fd=dirfd, follow_symlinks=False)
                _check_lstat(st, where, f"{sofar}{component}", want_dir=not last)
                if not last:
                    fd = os.open(component, os.O_RDONLY | _O_DIRECTORY | _O_NOFOLLOW, dir_fd=dirfd)
                    os.close(dirfd)
                    dirfd = fd
                    sofar = f"{sofar}{component}/"
                    continue
                fd = os.open(component, os.O_RDONLY | _O_NOFOLLOW | _O_NONBLOCK | _O_BINARY, dir_fd=dirfd)
                return self._read_fd(fd, st, where, cap, what, budget)
        finally:
            os.close(dirfd)
        return None  # pragma: no cover - parts is never empty

    def _read_paths(self, parts: list[str], where: str, cap: int, what: str, budget: Budget) -> bytes | None:
        current = self.root
        sofar = ""
        for i, component in enumerate(parts):
            last = i == len(parts) - 1
            if not self._exact(self._listing(sofar, current), component):
                return None
            current = os.path.join(current, component)
            st = os.lstat(current)
            _check_lstat(st, where, f"{sofar}{component}", want_dir=not last)
            if not last:
                sofar = f"{sofar}{component}/"
        real = os.path.realpath(current)
        if os.path.commonpath([real, self.real_root]) != self.real_root:
            raise BundleError(f"{where}: resolves outside the bundle folder")
        fd = os.open(current, os.O_RDONLY | _O_NOFOLLOW | _O_NONBLOCK | _O_BINARY)
        return self._read_fd(fd, st, where, cap, what, budget)

    def _read_fd(self, fd: int, st: os.stat_result, where: str, cap: int, what: str, budget: Budget) -> bytes:
        with os.fdopen(fd, "rb", buffering=0) as fh:
            fst = os.fstat(fh.fileno())
            if not stat.S_ISREG(fst.st_mode) or (fst.st_dev, fst.st_ino) != (st.st_dev, st.st_ino):
                raise BundleError(f"{where}: changed while it was being read")
            if fst.st_size > cap:
                raise BundleError(f"{where}: {fst.st_size} bytes; the {what} limit is {cap}")
            return _read_capped(fh.read, cap, where, budget, what)

    def members(self) -> Iterator[str]:
        """Every non-folder entry below the root, relative and '/'-separated; links are listed, never followed."""
        count = 0
        for dirpath, dirnames, filenames in os.walk(self.root, followlinks=False):
            rel = os.path.relpath(dirpath, self.root)
            prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
            entries = list(filenames)
            for d in list(dirnames):
                full = os.path.join(dirpath, d)
                if os.path.islink(full) or (getattr(os.lstat(full), "st_file_attributes", 0) & _REPARSE_POINT):
                    dirnames.remove(d)
                    entries.append(d)
            count += len(entries) + len(dirnames)
            if count > limits.MAX_MEMBERS:
                raise BundleError(f"folder: more than {limits.MAX_MEMBERS} entries")
            dirnames.sort()
            for name in sorted(entries):
                yield _shown(prefix + name)


def open_container(path: str) -> Container:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise BundleError("no such file or folder") from None
    except OSError as exc:
        raise BundleError(f"cannot be opened ({exc.strerror or exc})") from None
    if stat.S_ISDIR(st.st_mode):
        return FolderContainer(path)
    if not stat.S_ISREG(st.st_mode):
        raise BundleError("neither a ZIP archive (.arbcase) nor a bundle folder")
    try:
        return ZipContainer(path)
    except OSError as exc:
        raise BundleError(f"cannot be read ({exc.strerror or exc})") from None


__all__ = ["CASE_JSON", "Budget", "Container", "FolderContainer", "ZipContainer", "open_container"]
