"""officeapp-pdf: render a JSON description of a 公文, 纪要 or sheet to PDF, without a GUI."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Final

from officeapp.pdf.errors import PdfError, PdfInputError
from officeapp.pdf.gbt9704 import render_document, render_minutes
from officeapp.pdf.parse import (
    parse_document,
    parse_drafting_sheet,
    parse_minutes,
    parse_processing_sheet,
)
from officeapp.pdf.sheets import render_drafting_sheet, render_processing_sheet

EXIT_OK: Final = 0
EXIT_FAILED: Final = 1  # the machine lacks fonts, or the output cannot be written
EXIT_BAD_INPUT: Final = 2

Renderer = Callable[[object, Path], bytes]

RENDERERS: Final[dict[str, Renderer]] = {
    "document": lambda data, base: render_document(parse_document(data, base_dir=base)),
    "drafting-sheet": lambda data, _: render_drafting_sheet(parse_drafting_sheet(data)),
    "processing-sheet": lambda data, _: render_processing_sheet(parse_processing_sheet(data)),
    "minutes": lambda data, _: render_minutes(parse_minutes(data)),
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return 0 on success, 2 on bad input, 1 on other failures."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse exits on --help and on usage errors
        return exit_.code if isinstance(exit_.code, int) else EXIT_BAD_INPUT
    try:
        data = read_json(args.input)
        pdf = RENDERERS[args.kind](data, args.input.parent)
        write_atomically(args.output, pdf)
    except PdfInputError as error:
        print(f"officeapp-pdf：输入有误：{error.message}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except PdfError as error:
        print(f"officeapp-pdf：{error.message}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    """Return the argument parser."""
    parser = argparse.ArgumentParser(
        prog="officeapp-pdf",
        description="按 GB/T 9704-2012 版式把 JSON 描述的公文、纪要、发文稿纸或收文处理笺"
        "排成 PDF。",
    )
    parser.add_argument("input", type=Path, help="输入的 JSON 文件（UTF-8 编码）")
    parser.add_argument("output", type=Path, help="要写出的 PDF 文件")
    parser.add_argument(
        "--kind", choices=sorted(RENDERERS), default="document", help="输出的种类（默认 document）"
    )
    return parser


def read_json(path: Path) -> object:
    """Return the parsed JSON of `path` (a UTF-8 byte-order mark is allowed)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise PdfInputError("pdf.no_input", f"找不到输入文件“{path}”", field="INPUT") from None
    except UnicodeDecodeError:
        raise PdfInputError(
            "pdf.bad_json", f"输入文件“{path}”不是 UTF-8 编码", field="INPUT"
        ) from None
    except OSError as error:
        raise PdfInputError(
            "pdf.no_input", f"读不了输入文件“{path}”：{error.strerror}", field="INPUT"
        ) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise PdfInputError(
            "pdf.bad_json",
            f"输入文件“{path}”不是有效的 JSON："
            f"第 {error.lineno} 行第 {error.colno} 列，{error.msg}",
            field="INPUT",
        ) from None


def write_atomically(path: Path, content: bytes) -> None:
    """Write `content` to `path` through a temporary file, so no partial file is ever left."""
    try:
        handle, temporary = tempfile.mkstemp(
            dir=path.parent if str(path.parent) else ".", prefix=f".{path.name}.", suffix=".tmp"
        )
    except OSError as error:
        raise PdfError(
            "pdf.cannot_write", f"无法写入输出文件“{path}”：{error.strerror}", path=str(path)
        ) from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
        os.chmod(temporary, 0o644)  # mkstemp makes the file private; a PDF is shared
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise PdfError(
            "pdf.cannot_write", f"无法写入输出文件“{path}”：{error.strerror}", path=str(path)
        ) from None


if __name__ == "__main__":
    sys.exit(main())
