"""What the areas' field parsers share: the text field.

Each area (workflow/fields.py, meetings/fields.py) keeps its own field labels, limits and the
error of a bad value (`{area}.invalid_{field}`, spelled out there so that its code is found).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from officeapp.errors import ValidationError


def text_field(field: str, limit: int, *, label: str, bad: Callable[[str, str], ValidationError],
               required: bool = False,
               clean: Callable[[str], str] = str.strip) -> Callable[[Any], str]:
    """Return the parser of a text field: None is empty; `clean` trims it; a required field
    may not be blank, and none may be longer than `limit` characters (`bad` makes the error)."""

    def parse(value: Any) -> str:
        if value is None:
            value = ""
        if not isinstance(value, str):
            raise bad(field, f"{label}必须是文字")
        text = clean(value)
        if required and not text.strip():
            raise bad(field, f"{label}不能为空")
        if len(text) > limit:
            raise bad(field, f"{label}不能超过{limit}个字")
        return text

    return parse
