"""Load the platform policies from ``resources/policies/*.toml`` (the only file I/O of the rules).

``<platform>.toml`` is the base; ``<platform>.<REGION>.toml`` (``extends = "<platform>"``) is deep-merged over it
for a region whose rules differ: tables merge key by key, any other value (including lists) replaces the base's.
Policies are read once per process (:func:`functools.cache`).
"""
from __future__ import annotations

import copy
import tomllib
from collections.abc import Mapping
from functools import cache
from typing import Any

from arbiter.domain.policy import Policy, PolicyError, policy_from_dict
from arbiter.resources import resource_path

__all__ = ["Policy", "PolicyError", "deep_merge", "load_policy", "policy_data", "policy_for_case", "policy_ids"]


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
def _file_names() -> frozenset[str]:
    folder = resource_path("policies")
    return frozenset(p.stem for p in folder.glob("*.toml"))


@cache
def _read(name: str) -> Mapping[str, Any]:
    path = resource_path("policies", f"{name}.toml")
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise PolicyError(f"{name}.toml", f"not valid TOML ({exc})") from None


def policy_ids() -> tuple[str, ...]:
    """Every policy shipped: ``("douyin", "tiktok_shop", "tiktok_shop.ID", ...)``."""
    return tuple(sorted(_file_names()))


def policy_data(platform: str, region: str | None = None) -> dict[str, Any]:
    """The merged policy data for ``platform`` and ``region`` (the overlay if one exists, else the base)."""
    platform = str(platform)
    if platform not in _file_names() or "." in platform:
        raise PolicyError("", f"no policy for platform {platform!r}")
    base = dict(_read(platform))
    if "extends" in base:
        raise PolicyError(f"{platform}.toml", "a base policy must not extend another")
    region_key = (region or "").upper()
    name = f"{platform}.{region_key}"
    if not region_key or name not in _file_names():
        return copy.deepcopy(base)
    overlay = dict(_read(name))
    if overlay.get("extends") != platform:
        raise PolicyError(f"{name}.toml", f"extends must be {platform!r}")
    if overlay.get("region", region_key) != region_key:
        raise PolicyError(f"{name}.toml", f"region must be {region_key!r}")
    merged = deep_merge(base, {k: v for k, v in overlay.items() if k != "extends"})
    merged["region"] = region_key
    merged["id"] = name
    return merged


@cache
def load_policy(platform: str, region: str | None = None) -> Policy:
    """The validated policy for a platform and region. Raises :class:`PolicyError`."""
    region_key = (region or "").upper() or None
    if region_key != region:
        return load_policy(str(platform), region_key)
    data = policy_data(str(platform), region_key)
    name = data["id"]
    try:
        return policy_from_dict(data)
    except PolicyError as exc:
        raise PolicyError(f"{name}: {exc.path}" if exc.path else name, exc.message) from None


def policy_for_case(case: Any) -> Policy:
    """The policy a case is decided under: its platform, with its region's overlay where one exists."""
    return load_policy(str(case.platform), case.region)
