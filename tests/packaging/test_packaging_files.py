"""Fast checks of the installer files (no build): what the frozen app must carry, and no stale values.

The real build and the clean-root install are packaging/linux/build-deb.sh and smoke-test.sh (see
packaging/README.md); these tests catch the mistakes that would only show up there, minutes later.
"""
from __future__ import annotations

import ast
import re
import stat
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
SPEC = (PACKAGING / "arbiter.spec").read_text("utf-8")


def _version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]


def _strings_in_order(node) -> list[str]:
    """The string constants of an expression like ROOT / "arbiter" / "store", left to right."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    out = []
    for child in ast.iter_child_nodes(node):
        out += _strings_in_order(child)
    return out


def _spec_data_sources() -> set[str]:
    """The source folders of the spec's literal `datas` entries, as paths relative to the repository."""
    tree = ast.parse(SPEC)
    sources = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "datas" for t in node.targets):
            for elt in getattr(node.value, "elts", []):
                sources.add("/".join(_strings_in_order(elt.elts[0])))
    return sources


def test_spec_ships_every_resources_subfolder():
    sources = _spec_data_sources()
    subfolders = sorted(p.name for p in (ROOT / "resources").iterdir() if p.is_dir())
    assert subfolders, "resources/ has no subfolders?"
    if "resources" in sources:   # the whole folder, so every subfolder, present and future
        return
    missing = [name for name in subfolders if f"resources/{name}" not in sources]
    assert not missing, f"packaging/arbiter.spec does not ship resources/{missing}"


def test_spec_ships_the_alembic_migrations_as_files():
    assert "arbiter/store/migrations" in _spec_data_sources()
    migrations = ROOT / "arbiter" / "store" / "migrations"
    assert (migrations / "env.py").is_file()
    assert list((migrations / "versions").glob("*.py")), "no migration scripts"


def test_spec_carries_the_version_metadata_and_time_zones():
    assert 'copy_metadata("arbiter")' in SPEC
    assert 'collect_data_files("tzdata")' in SPEC


def test_spec_does_not_drop_the_plugins_the_app_needs():
    drop_dirs = re.search(r"_DROP_PLUGIN_DIRS = \((.*?)\)\n", SPEC, re.S).group(1)
    drop_files = re.search(r"_DROP_PLUGIN_FILES = \((.*?)\)\n", SPEC, re.S).group(1)
    for needed in ("platforms", "imageformats", "xcbglintegrations", "iconengines", "platformthemes"):
        assert f'"{needed}"' not in drop_dirs
    for needed in ("libqxcb.so", "libqoffscreen.so", "libqminimal.so"):
        assert needed not in drop_files


def test_control_in_has_only_build_time_placeholders():
    control = (PACKAGING / "linux" / "control.in").read_text("utf-8")
    assert set(re.findall(r"@([A-Z_]+)@", control)) == {"VERSION", "ARCH", "SIZE"}
    assert re.search(r"^Version: @VERSION@$", control, re.M), "the version must come from pyproject.toml"
    assert _version() not in control
    depends = re.search(r"^Depends: (.*)$", control, re.M).group(1)
    for lib in ("libc6", "libxcb-cursor0", "libxkbcommon-x11-0", "libfontconfig1", "libegl1"):
        assert re.search(rf"(^|, ){re.escape(lib)}( |,|$)", depends), f"{lib} missing from Depends"


def test_inno_setup_script_has_no_stale_version_and_names_the_built_executables():
    iss = (PACKAGING / "windows" / "arbiter.iss").read_text("utf-8")
    assert _version() not in iss
    assert not re.search(r'#define AppVersion "', iss), "the version must be passed in by build.ps1"
    assert "PrivilegesRequired=lowest" in iss and "{localappdata}" in iss   # per user
    assert "{uninstallexe}" in iss and "{group}" in iss                      # uninstaller, Start menu
    assert not re.search(r"^\[UninstallDelete\]", iss, re.M)                                    # the reviewer's data stays
    exe_names = set(re.findall(r'name="([^"]+)"', SPEC))
    for exe in set(re.findall(r"\{app\}\\([^\"]+?)\.exe", iss)):
        assert exe in exe_names, f"arbiter.iss starts {exe}.exe, the spec builds {sorted(exe_names)}"
    lowered = [n.lower() for n in exe_names]
    assert len(lowered) == len(set(lowered)), "executable names differing only by case collide on Windows"


def test_build_scripts_read_the_version_from_pyproject():
    for script in ("linux/build-deb.sh", "windows/build.ps1", "macos/build-dmg.sh"):
        text = (PACKAGING / script).read_text("utf-8")
        assert "pyproject.toml" in text, script
        assert _version() not in text, f"{script} hard-codes the version"


def test_scripts_are_executable():
    for script in ("ci-package.sh", "linux/build-deb.sh", "linux/smoke-test.sh", "linux/postinst", "linux/postrm",
                   "macos/build-dmg.sh"):
        mode = (PACKAGING / script).stat().st_mode
        assert mode & stat.S_IXUSR, f"packaging/{script} is not executable"


def test_desktop_entry_starts_the_installed_command():
    desktop = (PACKAGING / "linux" / "arbiter.desktop").read_text("utf-8")
    assert re.search(r"^Exec=arbiter( |$)", desktop, re.M)
    assert re.search(r"^Icon=arbiter$", desktop, re.M)


def test_uninstall_scripts_do_not_touch_user_data():
    for script in ("postrm", "postinst"):
        text = (PACKAGING / "linux" / script).read_text("utf-8")
        code = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
        assert ".local/share" not in code and "rm -r" not in code, script
