"""Enums whose members carry the Chinese label people read, declared beside their value.

`CLERK = "clerk", "办文人员"` keeps "clerk" as the member's value (the wire, the tables, `str()`)
and gives it `.label`; a label written in a table apart from its enum could miss a new member.
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from types import MappingProxyType
from typing import Self, TypeVar, overload


class LabelledEnum(StrEnum):
    """A StrEnum whose every member is declared as `NAME = "value", "label"`."""

    _value_: str
    label: str

    # The one-argument form is how callers look a member up by value (`Role("clerk")`); the
    # enum machinery answers it without calling this method, which only builds the members.
    @overload
    def __new__(cls, value: str) -> Self: ...
    @overload
    def __new__(cls, value: str, label: str) -> Self: ...

    def __new__(cls, value: str, label: str | None = None) -> Self:
        if label is None:
            raise TypeError(f"{cls.__name__} member {value!r} is declared without a label")
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member


E = TypeVar("E", bound=LabelledEnum)


def labels(enum: type[E]) -> Mapping[E, str]:
    """Return each member's label by member, in declaration order."""
    return MappingProxyType({member: member.label for member in enum})
