"""Benchmark: false matches among unrelated sample-style evidence (issue 13, "match noise").

    python bench/bench_sample_noise.py [--photos 2000] [--screens 400] [--raw 300]

Generates ``--photos`` evidence photos the way scripts/make_samples.py draws them (a mug, a parcel, a phone, a
label, a T-shirt, a dress, a tumbler, a scale, an open box; every template with random seeds, colours and texts),
each shot on its own with ``arbiter.restage`` as the samples are, JPEG at quality 82; and ``--screens`` app
screenshots (``draw_app_screen`` with random titles and rows). All are unrelated: any pair the match rule takes
for the same photo is a false match. Pairs are found as ``arbiter evidence matches`` finds them (multi-index
hashing of the stored pair against every lookup window, then the 256-bit confirmation) and every candidate pair
is compared with :func:`arbiter.forensics.fingerprint.compare`. ``--raw`` more photos drawn *without*
restaging show what the sample set looked like before (drawn templates are near-duplicates to a pHash).

Prints: pictures, pairs, false matches and their rate, per group.
"""
from __future__ import annotations

import argparse
import importlib.util
import random
import sys
import time
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))      # make_samples imports its neighbour samples_forensics

from arbiter.forensics.fingerprint import MATCH_DISTANCE, compare, photo  # noqa: E402
from arbiter.restage import restage, seed_of  # noqa: E402
from arbiter.store.forensics import BAND_RADIUS, _flip_masks, bands  # noqa: E402


def _samples_module():
    spec = importlib.util.spec_from_file_location("make_samples", ROOT / "scripts" / "make_samples.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_samples"] = module          # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


WORDS = ["Order", "Refund", "Tracking", "Parcel", "Seller", "Buyer", "Delivered", "Return", "Warranty", "订单",
         "退款", "物流", "签收", "客服", "批次", "检验", "合格", "Picker", "SKU", "Colour", "Size", "Price"]


def _text(rnd: random.Random, n: int) -> str:
    return " ".join(rnd.choice(WORDS) for _ in range(n)) + f" {rnd.randint(10, 99999)}"


def draw(ms, rnd: random.Random):
    """One drawn evidence photo from a random template with random arguments."""
    seed = rnd.randrange(1 << 20)
    colour = tuple(rnd.randint(30, 240) for _ in range(3))
    kind = rnd.randrange(9)
    if kind == 0:
        return ms.draw_mug(seed, crack=rnd.random() < 0.7, color=colour, text=rnd.choice([None, "1.7L", "青花"]))
    if kind == 1:
        return ms.draw_parcel(seed, dent=rnd.random() < 0.6, carrier=rnd.choice(["ROYAL MAIL", "EVRI", "DPD", "顺丰"]),
                              label_lines=[_text(rnd, 2), _text(rnd, 3)], fragile=rnd.choice(["FRAGILE", "GLASS", "易碎"]))
    if kind == 2:
        return ms.draw_phone(seed, defect=rnd.choice(["green_line", "crack", "dead_pixels"]),
                             clock=f"{rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}")
    if kind == 3:
        return ms.draw_label(seed, [_text(rnd, 2) for _ in range(rnd.randint(2, 5))], title=_text(rnd, 1),
                             hologram=rnd.choice([True, False, None]), bg=colour)
    if kind == 4:
        return ms.draw_tshirt(seed, color=colour, flaw=rnd.choice(["thread", "stain", "hole"]),
                              circle=rnd.random() < 0.5)
    if kind == 5:
        return ms.draw_dress(seed, color=colour, tag_lines=(_text(rnd, 1), f"¥{rnd.randint(50, 999)}.00"))
    if kind == 6:
        return ms.draw_tumbler(seed, _text(rnd, 1)[:12], color=colour)
    if kind == 7:
        return ms.draw_scale(seed, f"{rnd.uniform(0.05, 9.9):.3f} kg", boxed=rnd.random() < 0.5)
    return ms.draw_open_box(seed, [_text(rnd, 1) for _ in range(rnd.randint(2, 5))])


def screen(ms, rnd: random.Random):
    rows = [(_text(rnd, 2), _text(rnd, rnd.randint(3, 12))) for _ in range(rnd.randint(2, 6))]
    header = tuple(rnd.randint(20, 250) for _ in range(3))
    return ms.draw_app_screen(_text(rnd, 2), rows, header=header,
                              clock=f"{rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}")


def jpeg(img, quality=82) -> bytes:
    import io

    buf = io.BytesIO()
    img.convert("RGB").save(buf, "JPEG", quality=quality)
    return buf.getvalue()


def png(img) -> bytes:
    import io

    buf = io.BytesIO()
    img.save(buf, "PNG", compress_level=1)
    return buf.getvalue()


def false_matches(label: str, photos: list) -> None:
    """Candidates by multi-index hashing (as the index does), confirmed by the match rule."""
    photos = [p for p in photos if p is not None]
    index: dict[tuple[int, int], list[int]] = {}
    for i, p in enumerate(photos):
        for fp in p.stored:
            for b, value in enumerate(bands(fp.value)):
                index.setdefault((b, value), []).append(i)
    masks = _flip_masks(BAND_RADIUS)
    candidate_pairs: set[tuple[int, int]] = set()
    for i, p in enumerate(photos):
        for window in p.windows:
            for b, value in enumerate(bands(window.value)):
                for m in masks:
                    for j in index.get((b, value ^ m), ()):
                        if j != i:
                            candidate_pairs.add((min(i, j), max(i, j)))
    same = []
    for i, j in sorted(candidate_pairs):
        c = compare(photos[i], photos[j])
        if c.same_photo:
            same.append((i, j, c.distance, c.detail))
    n = len(photos)
    pairs = n * (n - 1) // 2
    print(f"{label}: {n} pictures, {pairs} pairs, {len(candidate_pairs)} index candidates, "
          f"false matches {len(same)} (rate {len(same) / max(1, pairs):.2e})"
          + (f"; e.g. {same[:3]}" if same else ""))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--photos", type=int, default=2000)
    parser.add_argument("--screens", type=int, default=400)
    parser.add_argument("--raw", type=int, default=300)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    ms = _samples_module()
    rnd = random.Random(args.seed)
    t0 = time.perf_counter()
    shots = [photo(jpeg(restage(draw(ms, rnd), seed_of("bench", args.seed, i)))) for i in range(args.photos)]
    print(f"({args.photos} restaged photos fingerprinted in {time.perf_counter() - t0:.0f} s)")
    false_matches("sample-style photos, each shot on its own (arbiter.restage)", shots)
    screens = [photo(png(screen(ms, rnd))) for _ in range(args.screens)]
    false_matches("app screenshots with their own product pictures", screens)
    false_matches("both together", shots + screens)
    if args.raw:
        raw = [photo(jpeg(draw(ms, rnd))) for _ in range(args.raw)]
        false_matches("for comparison: the same templates drawn without restaging (the samples before)", raw)
    print(f"(match rule: {MATCH_DISTANCE} of 64 bits on the best-aligned pair, confirmed on 256 bits)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
