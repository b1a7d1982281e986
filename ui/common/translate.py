"""Translation for the modules that must not import Qt (text and HTML building).

lupdate finds texts by the names of the calls (`tr("…")`, `QT_TRANSLATE_NOOP("", "…")`), so
the functions here keep Qt's names. ui/common/qt.py installs Qt's translator as soon as Qt is
loaded; before that (a plain test of a rendering module) every text is its Chinese source.
"""

from __future__ import annotations

from collections.abc import Callable

Translator = Callable[[str, str], str]


def _source(_context: str, text: str) -> str:
    return text


_installed: list[Translator] = [_source]


def install(translator: Translator) -> None:
    """Make `translator(context, text)` the one every text of these modules goes through."""
    _installed[0] = translator


def translate(context: str, text: str) -> str:
    """Return `text` of `context` in the person's language."""
    return _installed[0](context, text)


def tr(text: str) -> str:
    """Translate a text built outside a widget (lupdate files these under no context)."""
    return translate("", text)


# Qt's name, because lupdate reads the calls by it.
def QT_TRANSLATE_NOOP(_context: str, text: str) -> str:
    """Mark a text for lupdate without translating it yet (translated where it is shown)."""
    return text
