"""Load the platform policies from ``resources/policies/<version>/*.toml`` (the only file I/O of the rules).

Every policy *version* is a complete set of files in its own folder (``2025.06/``, ``2026.11/``, ...). A version,
once shipped, is never edited: a verdict signed under it must re-derive the same record later, so a change of
the rules is a new folder (docs/rules.md, "Policy versions"). The newest version (by name, ``YYYY.MM``) is the one
new decisions are made under.

Within a version, ``<platform>.toml`` is the base; ``<platform>.<REGION>.toml`` (``extends = "<platform>"``) is
deep-merged over it for a region whose rules differ: tables merge key by key, any other value (including lists)
replaces the base's. Policies are read once per process (:func:`functools.cache`).
"""
from __future__ import annotations

import copy
import re
import tomllib
from collections.abc import Mapping
from functools import cache
from typing import Any

from arbiter.domain.policy import Policy, PolicyError, policy_from_dict
from arbiter.resources import resource_path

__all__ = ["Policy", "PolicyError", "deep_merge", "latest_version", "load_policy", "load_policy_version", "policy_data",
           "policy_for_case", "policy_for_record", "policy_ids", "policy_versions"]

_VERSION_RE = re.compile(r"[0-9]{4}\.[0-9]{2}")


def deep_merge(base: Mapping[str, Any], overlay: Mapping[str, Any]) -> dict[str, Any]:
    """A new dict: ``overlay`` over ``base``; nested tables merge, everything else is replaced."""
    merged = copy.deepcopy(dict(base))
    for key, value in overlay.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), Mapping):
            merged[key] = deep_merge(merged[key], value)
        else:
            merged[key] = copy.deepcopy(value)
    return merged


@cache
def policy_versions() -> tuple[str, ...]:
    """Every shipped policy version, oldest first: ``("2025.06", "2026.11")``."""
    folder = resource_path("policies")
    return tuple(sorted(p.name for p in folder.iterdir() if p.is_dir() and _VERSION_RE.fullmatch(p.name)))


def latest_version() -> str:
    """The version new decisions are made under (the newest folder)."""
    versions = policy_versions()
    if not versions:
        raise PolicyError("", "no policy versions are installed (resources/policies/<version>/)")
    return versions[-1]


def _version(version: str | None) -> str:
    if version is None:
        return latest_version()
    version = str(version)
    if version not in policy_versions():
        raise PolicyError("", f"no policy version {version!r} (installed: {', '.join(policy_versions())})")
    return version


@cache
def _file_names(version: str) -> frozenset[str]:
    folder = resource_path("policies", version)
    return frozenset(p.stem for p in folder.glob("*.toml"))


@cache
def _read(version: str, name: str) -> Mapping[str, Any]:
    path = resource_path("policies", version, f"{name}.toml")
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"{version}/{name}.toml", f"not valid TOML ({exc})") from None


def policy_ids(version: str | None = None) -> tuple[str, ...]:
    """Every policy of a version (default: the newest): ``("douyin", "tiktok_shop", "tiktok_shop.ID", ...)``."""
    return tuple(sorted(_file_names(_version(version))))


def policy_data(platform: str, region: str | None = None, version: str | None = None) -> dict[str, Any]:
    """The merged policy data for ``platform`` and ``region`` (the overlay if one exists, else the base), in
    ``version`` (default: the newest)."""
    version = _version(version)
    names = _file_names(version)
    platform = str(platform)
    if platform not in names or "." in platform:
        raise PolicyError("", f"no policy for platform {platform!r} in version {version}")
    base = dict(_read(version, platform))
    if "extends" in base:
        raise PolicyError(f"{version}/{platform}.toml", "a base policy must not extend another")
    if base.get("version") != version:
        raise PolicyError(f"{version}/{platform}.toml", f"version must be {version!r} (the folder it is in)")
    region_key = (region or "").upper()
    name = f"{platform}.{region_key}"
    if not region_key or name not in names:
        return copy.deepcopy(base)
    overlay = dict(_read(version, name))
    if overlay.get("extends") != platform:
        raise PolicyError(f"{version}/{name}.toml", f"extends must be {platform!r}")
    if overlay.get("region", region_key) != region_key:
        raise PolicyError(f"{version}/{name}.toml", f"region must be {region_key!r}")
    if "version" in overlay and overlay["version"] != version:
        raise PolicyError(f"{version}/{name}.toml", "an overlay inherits the version of its base")
    merged = deep_merge(base, {k: v for k, v in overlay.items() if k != "extends"})
    merged["region"] = region_key
    merged["id"] = name
    return merged


@cache
def _load(platform: str, region: str | None, version: str) -> Policy:
    data = policy_data(platform, region, version)
    name = data["id"]
    try:
        return policy_from_dict(data)
    except PolicyError as exc:
        raise PolicyError(f"{version}/{name}: {exc.path}" if exc.path else f"{version}/{name}", exc.message) from None


def load_policy(platform: str, region: str | None = None, version: str | None = None) -> Policy:
    """The validated policy for a platform and region, in ``version`` (default: the newest, which new decisions
    are made under). Re-running the rules of a signed verdict: pass the version its record names
    (``record["policy"]["version"]``). Raises :class:`PolicyError`."""
    region_key = (region or "").upper() or None
    return _load(str(platform), region_key, _version(version))


def load_policy_version(platform: str, region: str | None, version: str) -> Policy:
    """Exactly ``version`` of a platform's (and region's) policy: what a verdict package names. Same as
    ``load_policy(platform, region, version)``; raises :class:`PolicyError` for a version not installed."""
    return load_policy(platform, region, version)


def policy_for_case(case: Any, version: str | None = None) -> Policy:
    """The policy a case is decided under: its platform, with its region's overlay where one exists."""
    return load_policy(str(case.platform), case.region, version)


def policy_for_record(case: Any, record: Mapping[str, Any]) -> Policy:
    """The policy a decision record was made under (its ``policy.version``), to re-derive it. The record's
    ``policy.id`` must be the one that version picks for the case's platform and region."""
    named = record.get("policy") or {}
    policy = policy_for_case(case, named.get("version"))
    if named.get("id") != policy.id:
        raise PolicyError("policy.id", f"{named.get('id')!r} is not the policy version {policy.version} applies "
                                       f"to {case.platform} {case.region} ({policy.id!r})")
    return policy
