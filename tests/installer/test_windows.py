"""The Windows installer script cannot be built here (no Windows, no Inno Setup): these checks
keep it consistent with what the PyInstaller spec produces and with the committed icon."""

from __future__ import annotations

import re
from pathlib import Path, PureWindowsPath

ROOT = Path(__file__).resolve().parents[2]
WINDOWS = ROOT / "installer" / "windows"


def iss_values(key: str) -> list[str]:
    """Return the values of one setting or parameter (Source, Filename, …) in the .iss."""
    text = (WINDOWS / "officeapp.iss").read_text(encoding="utf-8")
    pairs = re.findall(rf'^{key}=(.+)$|\b{key}: "([^"]+)"', text, re.MULTILINE)
    return [setting or parameter for setting, parameter in pairs]


def spec_names() -> set[str]:
    """Return the names the spec gives the executable and the bundle folder."""
    spec = (ROOT / "installer" / "officeapp.spec").read_text(encoding="utf-8")
    return set(re.findall(r'name="([^"]+)"', spec))


def test_setup_icon_is_the_committed_ico() -> None:
    (icon,) = iss_values("SetupIconFile")
    resolved = (WINDOWS / PureWindowsPath(icon).as_posix()).resolve()
    assert resolved == ROOT / "resources" / "icons" / "officeapp.ico"
    assert resolved.is_file()


def test_setup_ships_the_folder_and_program_pyinstaller_makes() -> None:
    assert spec_names() == {"officeapp"}
    (source,) = iss_values("Source")
    assert PureWindowsPath(source).parts[-3:] == ("dist", "officeapp", "*")
    assert set(iss_values("Filename")) == {r"{app}\officeapp.exe"}


def test_build_passes_the_package_version_to_the_setup() -> None:
    build = (WINDOWS / "build.cmd").read_text(encoding="utf-8")
    assert "officeapp.__version__" in build
    assert "/DAppVersion=%VERSION%" in build
    assert "AppVersion={#AppVersion}" in (WINDOWS / "officeapp.iss").read_text(encoding="utf-8")
