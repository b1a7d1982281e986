"""Refresh resources/translations/officeapp_en.ts from ui/ and compile it to .qm.

Run after changing UI texts: .venv/bin/python scripts/translations.py
"""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "resources" / "translations"
sys.path.insert(0, str(FOLDER))

from en import EN, EN_ACTIONS, EN_MESSAGES, EN_VALUES  # noqa: E402

# Texts of this context are domain values (urgency, document types, steps): their English
# differs from the same Chinese used as a field label ("拟稿" the step, not "drafted by").
VALUES_CONTEXT = "values"
# Actions on a 公文 as verbs ("印发" the button is "Issue", not the step or the field).
ACTIONS_CONTEXT = "actions"
# Refusals by their stable code (messages.py): the code is the source text, so the catalogue
# lists every code EN_MESSAGES knows (tests/ui/test_translations.py holds it to the source).
MESSAGES_CONTEXT = "messages"


def main() -> int:
    """Extract, fill in the English texts, compile; report what has no translation."""
    ts = FOLDER / "officeapp_en.ts"
    tools = Path(sys.executable).parent
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run([str(tools / "pyside6-lupdate"), *sources, "-no-obsolete", "-ts", str(ts)],
                   check=True, stdout=subprocess.DEVNULL)
    tree = ET.parse(ts)
    tree.getroot().set("language", "en_US")
    missing = []
    for context in tree.iter("context"):
        english = {VALUES_CONTEXT: EN_VALUES, ACTIONS_CONTEXT: EN_ACTIONS}.get(
            context.findtext("name") or "", EN)
        missing += _fill(context, english)
    _messages(tree.getroot(), EN_MESSAGES)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    subprocess.run([str(tools / "pyside6-lrelease"), str(ts), "-qm",
                    str(FOLDER / "officeapp_en.qm")], check=True, stdout=subprocess.DEVNULL)
    for source in missing:
        print(f"untranslated: {source}")
    return 1 if missing else 0


def _messages(root: ET.Element, english: dict[str, str]) -> None:
    """Put the messages context, one entry per code, in place of any older one."""
    for old in [c for c in root.iter("context") if c.findtext("name") == MESSAGES_CONTEXT]:
        root.remove(old)
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = MESSAGES_CONTEXT
    for code, text in sorted(english.items()):
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = code
        ET.SubElement(message, "translation").text = text


def _fill(context: ET.Element, english: dict[str, str]) -> list[str]:
    """Fill one context's translations from `english`; return the sources it lacks."""
    missing = []
    for message in context.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        if source in english:
            translation.attrib.pop("type", None)
            if message.get("numerus") == "yes":
                translation.text = None
                for child in list(translation):
                    translation.remove(child)
                for _form in ("one", "other"):  # English has a singular and a plural
                    ET.SubElement(translation, "numerusform").text = english[source]
            else:
                translation.text = english[source]
        else:
            missing.append(source)
    return missing


if __name__ == "__main__":
    sys.exit(main())
