"""Chinese is the source language; the English translation is complete and loads."""

from __future__ import annotations

import ast
import itertools
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from officeapp.errors import Rejection
from ui.app import TRANSLATIONS
from ui.common.messages import refusal_text, template_of
from ui.common.qt import QCoreApplication, QTranslator

ROOT = Path(__file__).resolve().parents[2]


def sources(ts: Path) -> set[str]:
    return {m.findtext("source") or "" for m in ET.parse(ts).iter("message")}


def test_every_ui_text_has_an_english_translation(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    tools = Path(sys.executable).parent
    subprocess.run([str(tools / "pyside6-lupdate"), *map(str, sorted((ROOT / "ui").rglob("*.py"))),
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


# --- refusals by code -----------------------------------------------------------------------------

CODE = re.compile(r"^[a-z][a-z_]*(\.[a-z][a-z_0-9*]*)+$")
CJK = re.compile(r"[\u3400-\u9fff]")
# Callees that take (code, message, …): the domain's errors and the helpers that make them.
RAISERS = re.compile(r"(Error|Rejection|Rejected|Required|Refused|_refuse|_fail|_problem|"
                     r"_reading|error_response|Finding|_bad)$")
BUILTIN_ERRORS = {"TypeError", "ValueError", "KeyError", "RuntimeError", "LookupError"}
FILE_NAMES = re.compile(r"\.(xml|json|csv|pdf|ofd|zip|txt|png)$")


def _code(node: ast.AST) -> str | None:
    """Return the code a literal (or an f-string, its holes as *) spells, if it is one."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = node.value
    elif isinstance(node, ast.JoinedStr):
        text = "".join(v.value if isinstance(v, ast.Constant) else "*" for v in node.values)
    else:
        return None
    return text if CODE.match(text) and not FILE_NAMES.search(text) else None


def _chinese(node: ast.AST) -> bool:
    return any(isinstance(c, ast.Constant) and isinstance(c.value, str) and CJK.search(c.value)
               for c in ast.walk(node))


def _candidates(node: ast.AST) -> list[ast.AST]:
    """The arguments that may be codes: of a raiser, before a Chinese message, `code=`."""
    if isinstance(node, ast.Call):
        name = getattr(node.func, "id", getattr(node.func, "attr", ""))
        args = list(node.args)
        found = args[:2] if RAISERS.search(name) and name not in BUILTIN_ERRORS else []
        found += [k.value for k in node.keywords if k.arg == "code"]
        return found + [a for a, b in itertools.pairwise(args) if _chinese(b)]
    if isinstance(node, ast.Tuple) and len(node.elts) >= 2 and _chinese(node.elts[1]):
        return [node.elts[0]]
    if isinstance(node, ast.Assign) and all(isinstance(t, ast.Name) and t.id.isupper()
                                            for t in node.targets):
        return [node.value]
    return []


def raised_codes() -> dict[str, str]:
    """Every code officeapp/ and sync/ refuse with, and where (demo data aside)."""
    found: dict[str, str] = {}
    for base in ("officeapp", "sync"):
        for path in sorted((ROOT / base).rglob("*.py")):
            if path.name == "demo.py":  # usernames beside names, not codes
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                for candidate in _candidates(node):
                    code = _code(candidate)
                    if code:
                        found.setdefault(code, f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_every_code_raised_has_an_english_message(qapp: object) -> None:
    codes = raised_codes()
    assert "workflow.not_holder" in codes and "meeting.invalid_*" in codes  # the scan works
    translator = QTranslator()
    assert translator.load("officeapp_en", str(TRANSLATIONS))
    QCoreApplication.installTranslator(translator)
    try:
        missing = [f"{code} ({where})" for code, where in sorted(codes.items())
                   if template_of(code) is None]
    finally:
        QCoreApplication.removeTranslator(translator)
    assert not missing, "add to EN_MESSAGES (resources/translations/en.py), then run " \
        f"scripts/translations.py: {missing}"


def test_a_refusal_reads_in_english_and_stays_chinese_in_chinese(qapp: object) -> None:
    refusal = Rejection("workflow.already_claimed", "该环节已由张主任于2026-12-07 09:00签收办理",
                        {"winner_name": "张主任", "at": "2026-12-07T01:00:00+00:00"})
    assert refusal_text(refusal) == refusal.message
    unknown = Rejection("nobody.knows", "未知的错误", {})
    translator = QTranslator()
    assert translator.load("officeapp_en", str(TRANSLATIONS))
    QCoreApplication.installTranslator(translator)
    try:
        assert refusal_text(refusal) == "张主任 took this step at 2026-12-07 09:00"
        assert refusal_text(Rejection("meeting.invalid_title", "会议名称不能为空", {})) == (
            "Please check this field")
        assert refusal_text(unknown) == "未知的错误"  # no template: the Chinese message
    finally:
        QCoreApplication.removeTranslator(translator)


# --- what lupdate extracts ------------------------------------------------------------------------

TRANSLATING = {"tr": 0, "translate": 1, "QT_TRANSLATE_NOOP": 1}


def _literal_text(call: ast.Call) -> str | None:
    """Return the literal text a tr()/translate()/QT_TRANSLATE_NOOP() call names, if any."""
    at = TRANSLATING.get(getattr(call.func, "id", getattr(call.func, "attr", "")))
    if at is None or len(call.args) <= at:
        return None
    text = call.args[at]
    if isinstance(text, ast.Constant) and isinstance(text.value, str) and text.value:
        return text.value
    return None


def translated_literals() -> dict[str, str]:
    """Every literal text ui/ passes to tr(), translate() or QT_TRANSLATE_NOOP(), and where
    (inside f-strings too, which lupdate does not read)."""
    found: dict[str, str] = {}
    for path in sorted((ROOT / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            text = _literal_text(node) if isinstance(node, ast.Call) else None
            if text:
                found.setdefault(text, f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_no_text_is_translated_inside_an_f_string() -> None:
    found = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FormattedValue):
                found += [f"{path.relative_to(ROOT)}:{call.lineno}" for call in ast.walk(node)
                          if isinstance(call, ast.Call) and _literal_text(call)]
    assert not found, f"lupdate does not read tr() inside an f-string: {found}"


def test_every_text_the_ui_translates_is_in_the_catalogue() -> None:
    shipped = sources(TRANSLATIONS / "officeapp_en.ts")
    missing = [f"{text} ({where})" for text, where in translated_literals().items()
               if text not in shipped]
    assert not missing, "lupdate did not extract these (a tr() inside an f-string?): " \
        f"{missing[:20]}"


def test_no_screen_shows_a_refusal_s_chinese_message_directly() -> None:
    """A refusal is shown through refusal_text (its code's template in English): reading
    `.message` of an error or a rejection in ui/ would show Chinese in the English UI."""
    shown = re.compile(r"\b(?:error|rejection|refusal|problem)\.message\b")
    offenders = [f"{path.relative_to(ROOT)}:{number}"
                 for path in sorted((ROOT / "ui").rglob("*.py")) if path.name != "messages.py"
                 for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if shown.search(line)]
    assert offenders == []
