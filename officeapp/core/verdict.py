"""The verdict of a decision on any record kind: accepted with the new record, or rejected.

`decide` of every area (公文, 会议, 督办) returns `Verdict[ItsRecord]`. The record kinds differ in
what they carry; the shape of a verdict does not.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, Literal, TypeVar

from officeapp.errors import Rejection

R = TypeVar("R")


@dataclass(frozen=True)
class Accepted(Generic[R]):
    """The action is allowed: the new record, the trace entries it appended, the effects the
    server must run (numbers, copies, notices…), and warnings that did not stop it."""

    record: R
    trace: tuple[Any, ...] = ()
    effects: tuple[Any, ...] = ()
    warnings: tuple[Rejection, ...] = ()

    ok: Literal[True] = True


@dataclass(frozen=True)
class Rejected:
    """The action is refused, with a stable code and a Chinese message."""

    rejection: Rejection

    ok: Literal[False] = False


Verdict = Accepted[R] | Rejected


class Refused(Exception):
    """Carries a rejection out of a deep check to the `decide` that turns it into `Rejected`."""

    def __init__(self, code: str, message: str, **details: Any) -> None:
        super().__init__(code)
        self.rejection = Rejection(code, message, details)
