"""The text of a 正文 file saved by an office suite, as the 正文 field holds it.

Only .docx (Office Open XML) is read, with python-docx; .doc and .wps are binary formats
whose text must be updated by hand (or the file saved as .docx).
"""

from __future__ import annotations

import difflib
import zipfile
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError

from officeapp.errors import ValidationError


def docx_text(path: Path) -> str:
    """Return the paragraphs of a .docx (tables row by row), one blank line between them,
    as the 正文 field separates paragraphs."""
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise ValidationError("body_file.unreadable", f"无法读取“{path.name}”中的文字",
                              reason=str(error)) from None
    paragraphs = [p.text.strip() for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            paragraphs.append("\t".join(cell.text.strip() for cell in row.cells))
    return "\n\n".join(p for p in paragraphs if p.strip())


def text_diff(before: str, after: str) -> list[str]:
    """Return the paragraphs removed ("- …") and added ("+ …") from `before` to `after`."""
    old = [p for p in before.split("\n") if p.strip()]
    new = [p for p in after.split("\n") if p.strip()]
    lines = difflib.ndiff(old, new)
    return [line for line in lines if line.startswith(("- ", "+ "))]
