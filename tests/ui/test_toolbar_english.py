"""The toolbar's actions are in the shipped English catalogue (their labels used to reach
`tr` through a variable, which lupdate cannot see, so 委托授权 stayed Chinese in English)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ui.common.qt import QCoreApplication, QTranslator

TRANSLATIONS = Path(__file__).parents[2] / "resources" / "translations"


def test_every_toolbar_action_is_translated(qapp: Any) -> None:
    translator = QTranslator()
    assert translator.load("officeapp_en", str(TRANSLATIONS))
    QCoreApplication.installTranslator(translator)
    try:
        shown = [QCoreApplication.translate("MainWindow", label)
                 for label in ("新建发文", "登记收文", "委托授权…", "立即同步", "退出登录")]
    finally:
        QCoreApplication.removeTranslator(translator)
    assert shown == ["New outgoing document", "Register incoming", "Delegations…", "Sync now",
                     "Log out"]
