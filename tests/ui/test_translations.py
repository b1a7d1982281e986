"""Chinese is the source language; the English translation is complete and loads."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from ui.app import TRANSLATIONS
from ui.qt import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parents[2]


def sources(ts: Path) -> set[str]:
    return {m.findtext("source") or "" for m in ET.parse(ts).iter("message")}


def test_every_ui_text_has_an_english_translation(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    tools = Path(sys.executable).parent
    subprocess.run([str(tools / "pyside6-lupdate"), *map(str, sorted((ROOT / "ui").glob("*.py"))),
                    "-ts", str(fresh)], check=True, stdout=subprocess.DEVNULL)
    shipped = TRANSLATIONS / "officeapp_en.ts"
    missing = sources(fresh) - sources(shipped)
    assert not missing, f"run scripts/translations.py; new texts: {sorted(missing)[:5]}"
    unfinished = [m.findtext("source") for m in ET.parse(shipped).iter("message")
                  if (t := m.find("translation")) is not None and t.get("type") == "unfinished"]
    assert unfinished == []


def test_the_english_catalogue_translates_the_navigation(qapp: object) -> None:
    translator = QTranslator()
    assert translator.load("officeapp_en", str(TRANSLATIONS))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("MainWindow", "待办") == "To do"
        assert QCoreApplication.translate("InboxModel", "文号") == "Number"
        assert QCoreApplication.translate("SyncStatusWidget", "待上传 %n 项", "", 3) == (
            "3 waiting to upload")
        # Texts built outside widgets (the document pane's fields, the meeting pane's).
        assert QCoreApplication.translate("", "会签单位") == "Countersigning units"
        assert QCoreApplication.translate("", "预订人：{0}") == "Booked by: {0}"
    finally:
        QCoreApplication.removeTranslator(translator)
