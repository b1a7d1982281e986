"""The client's command line that the package relies on: --version, --self-test DIR and the
files a file manager hands over (the menu entry's `officeapp %F`), run from the checkout."""

from __future__ import annotations

from pathlib import Path

import pytest

import officeapp
from ui.app import Session, parse_args, self_test
from ui.common.qt import QApplication
from ui.common.settings import Settings


def test_version_prints_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        parse_args(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == f"officeapp {officeapp.__version__}\n"


def test_self_test_reopens_its_store_and_writes_a_pdf_and_its_preview(
        qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert self_test(tmp_path) == 0
    assert self_test(tmp_path) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[4:] == [
        f"officeapp {officeapp.__version__}",
        f"store: {tmp_path / 'self-test.sqlite3'} (2 documents)",
        f"pdf: {tmp_path / 'self-test.pdf'} (1 pages)",
        f"preview: {tmp_path / 'self-test.png'}",
    ]
    assert (tmp_path / "self-test.pdf").read_bytes().startswith(b"%PDF")


class Window:
    """Stands in for the main window: records which page shows and what is imported."""

    def __init__(self) -> None:
        self.meetings = self
        self.calls: list[tuple[str, object]] = []

    def select(self, key: str) -> None:
        self.calls.append(("select", key))

    def import_ics(self, path: Path) -> None:
        self.calls.append(("import", path))


def test_invitations_named_on_the_command_line_are_imported_once(
        qapp: QApplication, tmp_path: Path) -> None:
    args = parse_args(["--lang", "zh_CN", "a.ics", "b.ics"])
    session = Session(qapp, Settings(tmp_path / "settings.ini"))
    try:
        session.files = list(args.files)
        window = Window()
        session._import_files(window)  # type: ignore[arg-type]
        session._import_files(window)  # type: ignore[arg-type]  # a second login: nothing more
    finally:
        session.worker.shutdown()
    assert window.calls == [("select", "meetings"), ("import", Path("a.ics")),
                            ("select", "meetings"), ("import", Path("b.ics"))]
