"""Evidence forensics over untrusted bytes (Pillow only; no Qt, no SQL): perceptual fingerprints
(:mod:`.fingerprint`) and the metadata a photo carries (:mod:`.exif`). The rules that turn these into flags are
pure, in :mod:`arbiter.domain.forensics`; the near-duplicate index is in :mod:`arbiter.store.forensics`."""
