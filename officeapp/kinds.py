"""Every record kind, registered in one place: importing this module fills `core.kinds.KINDS`.

Adding a kind means a package with its `kind.py` and one line here (docs/architecture.md).
"""

from __future__ import annotations

from officeapp.core.kinds import KINDS, RecordKind, register
from officeapp.meetings.kind import MEETING
from officeapp.supervision.kind import SUPERVISION
from officeapp.workflow.kind import DOCUMENT

ALL: tuple[RecordKind, ...] = tuple(register(kind) for kind in (DOCUMENT, MEETING, SUPERVISION))

__all__ = ["ALL", "DOCUMENT", "KINDS", "MEETING", "SUPERVISION"]
