"""The near-duplicate index over every case's images: fingerprints stored per blob, looked up by multi-index
hashing (docs/storage.md, "Image fingerprints").

Each image blob has two indexed rows, its whole picture and its core (``arbiter.forensics.fingerprint``). The
64-bit hash is split into four 16-bit bands, each an indexed column. Two hashes within 7 bits of each other agree
within one bit on at least one band (pigeonhole), so a lookup reads, for each band, the rows whose band is one of
the 17 values within ``BAND_RADIUS`` bit of the query's (an ``IN`` list on the band's index: 68 index probes),
and keeps those within ``MATCH_DISTANCE`` bits; further pairs are found whenever one band differs in at most one
bit. A photo is looked up with each of its 27 windows; the candidates are confirmed by comparing windows against
stored pairs both ways with the 256-bit hash (the windows of a candidate are computed from its blob).
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from itertools import combinations

from sqlalchemy import Connection, and_, bindparam, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from arbiter.domain.forensics import FramePosition
from arbiter.forensics.fingerprint import MATCH_DISTANCE, Fingerprint, Photo, compare, hamming, photo
from arbiter.forensics.video import VIDEO_MEDIA_TYPES, frame_photos, is_video, key_frames
from arbiter.store.canonical import sha256_hex
from arbiter.store.db import Database
from arbiter.store.models import BlobModel, CaseModel, CaseRevisionModel, EvidenceModel, ImageFingerprintModel

BAND_BITS = 16
BANDS = 4
BAND_RADIUS = 1
IMAGE_MEDIA_TYPES = ("image/jpeg", "image/png", "image/webp", "image/gif")
#: evidence compared across cases: images, and videos by their key frames
MATCHED_MEDIA_TYPES = IMAGE_MEDIA_TYPES + tuple(sorted(VIDEO_MEDIA_TYPES))
_COLUMNS = (ImageFingerprintModel.b0, ImageFingerprintModel.b1, ImageFingerprintModel.b2, ImageFingerprintModel.b3)


def bands(value: int) -> tuple[int, int, int, int]:
    """The four 16-bit bands of a 64-bit hash, most significant first."""
    return tuple((value >> (BAND_BITS * (BANDS - 1 - i))) & 0xFFFF for i in range(BANDS))  # type: ignore[return-value]


def unbands(b0: int, b1: int, b2: int, b3: int) -> int:
    return (b0 << 48) | (b1 << 32) | (b2 << 16) | b3


@lru_cache(maxsize=1)
def _flip_masks(radius: int = BAND_RADIUS) -> tuple[int, ...]:
    masks = [0]
    for r in range(1, radius + 1):
        for bits in combinations(range(BAND_BITS), r):
            m = 0
            for b in bits:
                m |= 1 << b
            masks.append(m)
    return tuple(masks)


def _row(fp: Fingerprint, sha256: str) -> dict:
    b0, b1, b2, b3 = bands(fp.value)
    return {"sha256": sha256, "variant": fp.variant, "b0": b0, "b1": b1, "b2": b2, "b3": b3,
            "detail": f"{fp.detail:064x}"}


def _fingerprint(row) -> Fingerprint:
    return Fingerprint(row.variant, unbands(row.b0, row.b1, row.b2, row.b3), int(row.detail, 16))


_FP = ImageFingerprintModel.__table__
_SELECT_FINGERPRINTED = select(_FP.c.sha256).distinct().where(_FP.c.sha256.in_(bindparam("digests", expanding=True)))


def fingerprinted(conn: Connection, digests: Iterable[str]) -> set[str]:
    """Which of ``digests`` already have stored fingerprints (Core, any connection; one indexed probe per 500)."""
    digests = sorted(set(digests))
    have: set[str] = set()
    for start in range(0, len(digests), 500):
        have.update(conn.execute(_SELECT_FINGERPRINTED, {"digests": digests[start:start + 500]}).scalars())
    return have


def insert_fingerprints(conn: Connection, prints: Mapping[str, Iterable[Fingerprint]]) -> int:
    """Insert the fingerprints of blobs that have none yet (in the caller's transaction, Core bulk inserts);
    returns rows added. Racing importers on PostgreSQL are harmless (ON CONFLICT DO NOTHING)."""
    wanted = {digest: tuple(fps) for digest, fps in prints.items() if fps}
    if not wanted:
        return 0
    have = fingerprinted(conn, wanted)
    rows = [_row(fp, digest) for digest in sorted(wanted) if digest not in have for fp in wanted[digest]]
    if not rows:
        return 0
    insert = postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert
    stmt = insert(_FP).on_conflict_do_nothing(index_elements=["sha256", "variant"])
    for start in range(0, len(rows), 1000):
        conn.execute(stmt, rows[start:start + 1000])
    return len(rows)


def store_fingerprints(session: Session, prints: Mapping[str, Iterable[Fingerprint]]) -> int:
    """:func:`insert_fingerprints` in a session's transaction."""
    return insert_fingerprints(session.connection(), prints)


def candidates(session: Session, value: int, *, max_distance: int = MATCH_DISTANCE) -> list[tuple[str, int, int]]:
    """Stored (sha256, variant, distance) within ``max_distance`` bits of the 64-bit ``value`` that share a
    band within ``BAND_RADIUS`` bits: the multi-index lookup of one fingerprint."""
    masks = _flip_masks()
    parts = []
    for name, band in zip(("b0", "b1", "b2", "b3"), bands(value)):
        # integers computed here, never user text: inlined, so the statement needs no 68 bound parameters;
        # the band indexes cover b0..b3 (and the row id), so this reads no table row
        values = ",".join(str(v) for v in sorted({band ^ m for m in masks}))
        parts.append(f"SELECT id, b0, b1, b2, b3 FROM image_fingerprints WHERE {name} IN ({values})")
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        # four small index-only scans: starting parallel workers would cost more than the scans themselves
        connection.exec_driver_sql("SET LOCAL max_parallel_workers_per_gather = 0")
    near: dict[int, int] = {}
    for row_id, b0, b1, b2, b3 in connection.exec_driver_sql(" UNION ALL ".join(parts)):
        if row_id not in near:
            d = hamming(value, unbands(b0, b1, b2, b3))
            if d <= max_distance:
                near[row_id] = d
    if not near:
        return []
    rows = session.execute(select(ImageFingerprintModel.id, ImageFingerprintModel.sha256,
                                  ImageFingerprintModel.variant).where(ImageFingerprintModel.id.in_(sorted(near))))
    return [(sha, variant, near[row_id]) for row_id, sha, variant in rows]


def fingerprints_of(session: Session, digests: Iterable[str]) -> dict[str, tuple[Fingerprint, ...]]:
    digests = sorted(set(digests))
    out: dict[str, list[Fingerprint]] = {}
    for start in range(0, len(digests), 500):
        for row in session.execute(select(ImageFingerprintModel).where(
                ImageFingerprintModel.sha256.in_(digests[start:start + 500]))):
            model = row[0]
            out.setdefault(model.sha256, []).append(_fingerprint(model))
    return {k: tuple(sorted(v, key=lambda f: f.variant)) for k, v in out.items()}


class PhotoCache:
    """sha256 -> the :class:`Photo` s (stored fingerprints and windows) a blob shows, computed from its bytes
    once: one for an image, one per key frame for a video (``arbiter.forensics.video``, decoded in a child
    process), each with where in the video it is (None for an image)."""

    def __init__(self) -> None:
        self._shots: dict[str, list[tuple[FramePosition | None, Photo]]] = {}

    def shots(self, session: Session, digest: str) -> list[tuple[FramePosition | None, Photo]]:
        if digest not in self._shots:
            data = session.scalar(select(BlobModel.data).where(BlobModel.sha256 == digest))
            found: list[tuple[FramePosition | None, Photo]] = []
            if data is not None and sha256_hex(data) == digest:
                one = photo(data)
                if one is not None:
                    found = [(None, one)]
                elif is_video(data):
                    found = [(FramePosition(f.fraction, f.duration), p) for f, p in frame_photos(key_frames(data))]
            self._shots[digest] = found
        return self._shots[digest]

    def photos(self, session: Session, digest: str) -> list[Photo]:
        return [p for _, p in self.shots(session, digest)]

    def get(self, session: Session, digest: str) -> Photo | None:
        """The blob's photo (an image's, or a video's first key frame), or None."""
        found = self.photos(session, digest)
        return found[0] if found else None


@dataclass(frozen=True, slots=True)
class Hit:
    """Blob ``digest`` shows the same photo as another: the distance, and for a video the key frame of each side
    that matched (None for an image)."""
    distance: int
    frame: FramePosition | None = None
    other_frame: FramePosition | None = None


def similar_hits(session: Session, digest: str, cache: PhotoCache | None = None) -> dict[str, Hit]:
    """Blobs that show the same photo as blob ``digest`` (itself included, at 0): sha256 -> :class:`Hit`. For a
    video, any of its key frames, and which."""
    cache = cache or PhotoCache()
    out = {digest: Hit(0)}
    own = cache.shots(session, digest)
    if not own:
        return out
    found: set[str] = set()
    for _, one in own:
        for window in one.windows:
            found.update(s for s, _, _ in candidates(session, window.value))
    for other in sorted(found - {digest}):
        theirs = cache.shots(session, other)
        best = None
        for frame, a in own:
            for other_frame, b in theirs:
                result = compare(a, b)
                if result.same_photo and (best is None or result.distance < best.distance):
                    best = Hit(result.distance, frame, other_frame)
        if best is not None:
            out[other] = best
    return out


def similar_blobs(session: Session, digest: str, cache: PhotoCache | None = None) -> dict[str, int]:
    """Blobs that show the same photo as blob ``digest`` (itself included, at 0): sha256 -> 64-bit distance. For
    a video, any of its key frames."""
    return {other: hit.distance for other, hit in similar_hits(session, digest, cache).items()}


def ensure_fingerprints(db: Database) -> int:
    """Fingerprint image blobs stored before migration 0005 (or by an importer without the hook). Returns the
    number of blobs fingerprinted; unreadable images stay without (and are tried again next time)."""
    from arbiter.forensics.fingerprint import fingerprints

    with db.session(readonly=True) as session:
        missing = list(session.scalars(
            select(EvidenceModel.sha256).distinct()
            .outerjoin(ImageFingerprintModel, ImageFingerprintModel.sha256 == EvidenceModel.sha256)
            .where(EvidenceModel.media_type.in_(IMAGE_MEDIA_TYPES), ImageFingerprintModel.id.is_(None))))
    done = 0
    for start in range(0, len(missing), 50):
        chunk = missing[start:start + 50]
        prints = {}
        with db.session(readonly=True) as session:
            for digest, data in session.execute(select(BlobModel.sha256, BlobModel.data)
                                                .where(BlobModel.sha256.in_(chunk))):
                if sha256_hex(data) == digest:       # a tampered blob is not fingerprinted
                    prints[digest] = fingerprints(data)
        if any(prints.values()):
            with db.session() as session:
                store_fingerprints(session, prints)
        done += sum(1 for p in prints.values() if p)
    return done


@dataclass(frozen=True, slots=True)
class ImageRef:
    case_id: str
    evidence_id: str
    sha256: str
    opened_at: datetime


@dataclass(frozen=True, slots=True)
class Match:
    """One evidence image seen in two cases. ``first_seen`` is the case opened first (ties: the smaller id)."""
    case_id: str
    evidence_id: str
    other_case_id: str
    other_evidence_id: str
    distance: int
    first_seen: str
    frame: FramePosition | None = None         # the key frame of this side's video that matched
    other_frame: FramePosition | None = None   # the key frame of the other side's video

    def line(self) -> str:
        return (f"{self.case_id}/{self.evidence_id} ~ {self.other_case_id}/{self.other_evidence_id} "
                f"distance={self.distance} first_seen={self.first_seen}")


def _image_refs(session: Session, *, digests: Iterable[str] | None = None,
                case_ids: Iterable[str] | None = None) -> list[ImageRef]:
    """Image and video evidence of each case's newest revision, by blob or by case."""
    stmt = (select(CaseModel.case_id, EvidenceModel.evidence_id, EvidenceModel.sha256, CaseModel.opened_at)
            .join(CaseRevisionModel, CaseRevisionModel.id == EvidenceModel.revision_pk)
            .join(CaseModel, and_(CaseModel.id == CaseRevisionModel.case_pk,
                                  CaseModel.latest_revision == CaseRevisionModel.revision))
            .where(EvidenceModel.media_type.in_(MATCHED_MEDIA_TYPES)))
    refs: list[ImageRef] = []
    if digests is not None:
        digests = sorted(set(digests))
        for start in range(0, len(digests), 500):
            refs.extend(ImageRef(*row) for row in session.execute(
                stmt.where(EvidenceModel.sha256.in_(digests[start:start + 500]))))
    elif case_ids is not None:
        ids = sorted(set(case_ids))
        for start in range(0, len(ids), 500):
            refs.extend(ImageRef(*row) for row in session.execute(stmt.where(CaseModel.case_id.in_(ids[start:start + 500]))))
    else:
        refs.extend(ImageRef(*row) for row in session.execute(stmt))
    return refs


def image_matches(db: Database, case_ids: Iterable[str] | None = None) -> list[Match]:
    """Near-duplicate images across cases: every pair (restricted to pairs touching ``case_ids`` if given),
    named case first when restricted, else the case seen first; sorted."""
    ensure_fingerprints(db)
    named = set(case_ids) if case_ids else None
    pairs: dict[tuple[tuple[str, str], tuple[str, str]], Match] = {}
    with db.session(readonly=True) as session:
        queries = _image_refs(session, case_ids=named) if named else _image_refs(session)
        by_digest: dict[str, list[ImageRef]] = {}
        for ref in queries:
            by_digest.setdefault(ref.sha256, []).append(ref)
        cache = PhotoCache()
        similar: dict[str, dict[str, Hit]] = {}
        for digest in by_digest:
            similar[digest] = similar_hits(session, digest, cache)   # exact copies (same bytes) at distance 0
        others = {d for hits in similar.values() for d in hits}
        refs_by_digest: dict[str, list[ImageRef]] = {}
        for ref in _image_refs(session, digests=others):
            refs_by_digest.setdefault(ref.sha256, []).append(ref)
    for digest, refs in by_digest.items():
        for other_digest, hit in similar[digest].items():
            dist = hit.distance
            for a in refs:
                for b in refs_by_digest.get(other_digest, ()):
                    if a.case_id == b.case_id:
                        continue
                    first, second = sorted((a, b), key=lambda r: (r.opened_at, r.case_id))
                    key = tuple(sorted(((a.case_id, a.evidence_id), (b.case_id, b.evidence_id))))
                    if named is not None and (a.case_id in named) != (b.case_id in named):
                        left, right = (a, b) if a.case_id in named else (b, a)
                    else:
                        left, right = first, second
                    frames = (hit.frame, hit.other_frame) if left is a else (hit.other_frame, hit.frame)
                    match = Match(left.case_id, left.evidence_id, right.case_id, right.evidence_id, dist,
                                  first.case_id, *frames)
                    old = pairs.get(key)
                    if old is None or dist < old.distance:
                        pairs[key] = match
    return sorted(pairs.values(), key=lambda m: (m.case_id, m.evidence_id, m.other_case_id, m.other_evidence_id))


def case_pk_by_id(db: Database, case_id: str) -> int | None:
    with db.session(readonly=True) as session:
        return session.scalar(select(CaseModel.id).where(CaseModel.case_id == case_id))


def record_forensics(session: Session, case_pk: int, revision: int, case, prints) -> None:
    """The fingerprints (computed before, from the bundle's bytes) and the case's party row, in the caller's
    transaction. The importer does the same in bulk (``insert_fingerprints``, ``party_history.store_parties``)."""
    from arbiter.store.party_history import party_values, store_parties

    conn = session.connection()
    insert_fingerprints(conn, prints)
    store_parties(conn, [(case_pk, revision, party_values(case))])
