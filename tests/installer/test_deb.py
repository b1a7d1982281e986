"""The desktop package: built from the checkout, installed by dpkg into a throw-away root (the
real system's files and package database stay untouched), and the installed client run there
without a screen: it prints its version, opens a store and renders a 公文 PDF.

The package is built once per test session (about a minute on two cores), or taken from
OFFICEAPP_DEB when an earlier step of the same CI run built it. Without one of the tools
(PyInstaller, dpkg, objdump, desktop-file-validate, xvfb-run) the tests that need it skip on
a developer's machine and fail under CI=true.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

import officeapp
from ui.app import SELF_TEST_FIELDS

ROOT = Path(__file__).resolve().parents[2]
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256)
# What the bundle may take from the system instead of carrying it: the C library, the
# graphics drivers' GL/EGL and the display server's client libraries, which must match the
# machine. Every other library must be in the bundle.
SYSTEM_LIBRARIES = {
    "ld-linux-x86-64.so.2": "libc6", "ld-linux-aarch64.so.1": "libc6", "libc.so.6": "libc6",
    "libdl.so.2": "libc6", "libm.so.6": "libc6", "libpthread.so.0": "libc6",
    "libresolv.so.2": "libc6", "librt.so.1": "libc6", "libutil.so.1": "libc6",
    "libEGL.so.1": "libegl1", "libGL.so.1": "libgl1", "libxcb.so.1": "libxcb1",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0", "libwayland-egl.so.1": "libwayland-egl1",
}
# Fonts whose outlines reportlab can embed (TrueType); Noto CJK alone could not print a 公文.
TRUETYPE_CJK = {"fonts-arphic-uming", "fonts-arphic-ukai", "fonts-wqy-zenhei",
                "fonts-wqy-microhei"}


def need(tool: str, found: str | None) -> str:
    """Return the tool's path; without it skip, or fail under CI=true (CI must not skip)."""
    if found:
        return found
    message = f"{tool} is missing: installer/build.sh and scripts/bootstrap.sh install it"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def deb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The .deb: OFFICEAPP_DEB if set, else built now by installer/build.sh."""
    if given := os.environ.get("OFFICEAPP_DEB"):
        return Path(given)
    need("pyinstaller", shutil.which("pyinstaller", path=str(Path(sys.executable).parent)))
    need("dpkg-deb", shutil.which("dpkg-deb"))
    need("objdump", shutil.which("objdump"))
    out = tmp_path_factory.mktemp("dist")
    # gzip: the compression here takes 10 s instead of xz's 100 s; dpkg reads either.
    env = {**os.environ, "OFFICEAPP_DEB_COMPRESSION": "-Zgzip -z6"}
    subprocess.run(["bash", str(ROOT / "installer" / "build.sh"), str(out)], check=True,
                   env=env)
    shutil.rmtree(out / "officeapp")  # the package holds it; 200 MB less left in /tmp
    (package,) = out.glob("officeapp_*.deb")
    return package


def dpkg(root: Path, *args: str) -> str:
    """Run dpkg on the throw-away root only (its own database and log)."""
    command = [need("dpkg", shutil.which("dpkg")), f"--root={root}", f"--log={root}/dpkg.log",
               "--force-not-root", *args]
    return subprocess.run(command, check=True, capture_output=True, text=True).stdout


def install(deb: Path, root: Path) -> Path:
    """Install the package into an empty root whose dpkg database knows nothing else."""
    admin = root / "var" / "lib" / "dpkg"
    for folder in (admin / "updates", admin / "info"):
        folder.mkdir(parents=True)
    (admin / "status").touch()
    # The dependencies are the host's libraries and fonts, which this root has not recorded.
    dpkg(root, "--force-depends", "--install", str(deb))
    return root


@pytest.fixture(scope="session")
def root(deb: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A root with the package installed (removed after the session: it is 200 MB)."""
    path = install(deb, tmp_path_factory.mktemp("root"))
    yield path
    shutil.rmtree(path)


@pytest.fixture(scope="session")
def control(root: Path) -> dict[str, str]:
    """The installed package's fields, as dpkg recorded them."""
    status = dpkg(root, "--status", "officeapp")
    return dict(re.findall(r"^([\w-]+): (.*(?:\n .*)*)", status, re.MULTILINE))


def client(root: Path) -> Path:
    """Return the installed client that /usr/bin/officeapp points to, inside the root."""
    link = root / "usr" / "bin" / "officeapp"
    target = os.readlink(link)
    assert target == "/opt/officeapp/officeapp"  # a link from /usr into /opt is absolute
    return root / target.lstrip("/")


def run_client(root: Path, home: Path, *args: str, platform: str = "offscreen",
               wrapper: tuple[str, ...] = ()) -> str:
    """Run the installed client as a desktop would: nothing of the checkout's Python around."""
    home.mkdir(exist_ok=True)
    runtime = home / "runtime"
    runtime.mkdir(mode=0o700, exist_ok=True)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(home), "LANG": "C.UTF-8",
           "XDG_RUNTIME_DIR": str(runtime), "QT_QPA_PLATFORM": platform}
    done = subprocess.run([*wrapper, str(client(root)), *args], cwd=home, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_package_names_its_version_and_dependencies(control: dict[str, str]) -> None:
    assert control["Status"] == "install ok installed"
    assert control["Version"] == officeapp.__version__
    groups = [{name.split()[0] for name in group.split("|")}
              for group in control["Depends"].replace("\n", " ").split(",")]
    assert any(group and group <= TRUETYPE_CJK for group in groups), control["Depends"]
    assert {"libc6", "tzdata"} <= {name for group in groups for name in group}


def test_bundle_takes_from_the_system_only_what_it_depends_on(
        root: Path, control: dict[str, str]) -> None:
    bundle = root / "opt" / "officeapp"
    carried = {path.name for path in bundle.rglob("*")}
    elves = [str(p) for p in bundle.rglob("*")
             if p.is_file() and not p.is_symlink() and p.read_bytes()[:4] == b"\x7fELF"]
    objdump = need("objdump", shutil.which("objdump"))
    headers = subprocess.run([objdump, "-p", *elves], check=True, capture_output=True,
                             text=True).stdout
    needed = set(re.findall(r"^\s+NEEDED\s+(\S+)", headers, re.MULTILINE)) - carried
    assert needed - SYSTEM_LIBRARIES.keys() == set(), "bundle these, or declare their packages"
    declared = set(re.findall(r"[a-z0-9][a-z0-9.+-]+", control["Depends"]))
    assert {SYSTEM_LIBRARIES[name] for name in needed} <= declared


def test_bundle_keeps_what_the_keyring_backend_needs(root: Path) -> None:
    # Without it the Secret Service backend is unusable and every start asks for the password.
    internal = root / "opt" / "officeapp" / "_internal"
    assert list(internal.glob("cryptography/hazmat/bindings/_rust*"))


def test_menu_entry_opens_invitations_with_the_installed_icon(root: Path) -> None:
    entry = (root / "usr/share/applications/officeapp.desktop").read_text(encoding="utf-8")
    fields = dict(re.findall(r"^(\S+?)=(.*)$", entry, re.MULTILINE))
    assert fields["Exec"] == "officeapp %F"
    assert fields["Name"] == "协同办公"
    assert "text/calendar" in fields["MimeType"].split(";")
    assert "Office" in fields["Categories"].split(";")
    icons = root / "usr/share/icons/hicolor"
    assert (icons / "scalable/apps" / f"{fields['Icon']}.svg").is_file()
    for size in ICON_SIZES:
        png = (icons / f"{size}x{size}/apps" / f"{fields['Icon']}.png").read_bytes()
        assert struct.unpack(">II", png[16:24]) == (size, size)
    validate = need("desktop-file-validate", shutil.which("desktop-file-validate"))
    subprocess.run([validate, str(root / "usr/share/applications/officeapp.desktop")],
                   check=True)


def test_installed_client_prints_its_version(root: Path, tmp_path: Path) -> None:
    assert run_client(root, tmp_path / "home", "--version").strip() == (
        f"officeapp {officeapp.__version__}")


@pytest.mark.parametrize("platform", ["offscreen", "xcb"])
def test_installed_client_opens_a_store_and_renders_a_document(
        root: Path, tmp_path: Path, platform: str) -> None:
    wrapper: tuple[str, ...] = ()
    if platform == "xcb":  # the platform plugin people's desktops load, on a virtual screen
        wrapper = (need("xvfb-run", shutil.which("xvfb-run")), "-a")
    folder = tmp_path / "data"
    first = report(run_client(root, tmp_path / "home", "--self-test", str(folder),
                              platform=platform, wrapper=wrapper))
    again = report(run_client(root, tmp_path / "home", "--self-test", str(folder),
                              platform=platform, wrapper=wrapper))
    assert first["version"] == f"officeapp {officeapp.__version__}"
    assert first["store"] == f"{folder / 'self-test.sqlite3'} (1 documents)"
    assert again["store"] == f"{folder / 'self-test.sqlite3'} (2 documents)"  # reopened
    pdf = PdfReader(folder / "self-test.pdf")
    assert first["pdf"] == f"{folder / 'self-test.pdf'} ({len(pdf.pages)} pages)"
    assert SELF_TEST_FIELDS["title"] in pdf.pages[0].extract_text()
    assert embedded_fonts(pdf) == {"TrueType": True}  # CJK fonts went into the file
    png = Path(first["preview"]).read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", png[16:24]) == (595, 842)


def embedded_fonts(pdf: PdfReader) -> dict[str, bool]:
    """Return, per font type on the first page, whether every such font is embedded."""
    found: dict[str, bool] = {}
    for ref in pdf_dict(pdf_dict(pdf.pages[0]["/Resources"])["/Font"]).values():
        font = pdf_dict(ref)
        kind = str(font["/Subtype"]).lstrip("/")
        embedded = "/FontFile2" in pdf_dict(font["/FontDescriptor"])
        found[kind] = found.get(kind, True) and embedded
    return found


def pdf_dict(value: Any) -> DictionaryObject:
    """Return a PDF dictionary, following an indirect reference."""
    resolved = value.get_object()
    assert isinstance(resolved, DictionaryObject)
    return resolved


def report(output: str) -> dict[str, str]:
    """Return the self-test's lines: the version first, then `name: value` lines."""
    version, *lines = output.strip().splitlines()
    return {"version": version, **dict(line.split(": ", 1) for line in lines)}


def test_package_removes_every_file_it_installed(deb: Path, tmp_path: Path) -> None:
    root = install(deb, tmp_path / "root")
    dpkg(root, "--purge", "officeapp")
    left = [p for p in root.rglob("*") if p.is_file() and "var" not in p.relative_to(root).parts
            and p.name != "dpkg.log"]
    assert left == []
    assert not (root / "opt" / "officeapp").exists()
    shutil.rmtree(root)
