"""officeapp-pdf: render a JSON description of a 公文, 纪要 or sheet to PDF or OFD, without a GUI.

The output's extension chooses the format: `.ofd` writes OFD (GB/T 33190-2016), anything else
PDF; `--pdfa` makes the PDF a PDF/A-2b. Both formats come from the same typeset pages.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Final

from officeapp.pdf.draw import Typeset, render_pdf
from officeapp.pdf.errors import PdfError, PdfInputError
from officeapp.pdf.gbt9704 import typeset_document, typeset_minutes
from officeapp.pdf.ofd import render_ofd
from officeapp.pdf.parse import (
    parse_document,
    parse_drafting_sheet,
    parse_minutes,
    parse_processing_sheet,
)
from officeapp.pdf.pdfa import to_pdfa
from officeapp.pdf.sheets import typeset_drafting_sheet, typeset_processing_sheet

EXIT_OK: Final = 0
EXIT_FAILED: Final = 1  # the machine lacks fonts, or the output cannot be written
EXIT_BAD_INPUT: Final = 2
OFD_SUFFIX: Final = ".ofd"

Renderer = Callable[[object, Path], Typeset]

RENDERERS: Final[dict[str, Renderer]] = {
    "document": lambda data, base: typeset_document(parse_document(data, base_dir=base)),
    "drafting-sheet": lambda data, _: typeset_drafting_sheet(parse_drafting_sheet(data)),
    "processing-sheet": lambda data, _: typeset_processing_sheet(parse_processing_sheet(data)),
    "minutes": lambda data, _: typeset_minutes(parse_minutes(data)),
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return 0 on success, 2 on bad input, 1 on other failures."""
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # argparse exits on --help and on usage errors
        return exit_.code if isinstance(exit_.code, int) else EXIT_BAD_INPUT
    ofd = args.output.suffix.lower() == OFD_SUFFIX
    if ofd and args.pdfa:
        print("officeapp-pdf：--pdfa 只适用于 PDF 输出，不能与 .ofd 一起使用", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        data = read_json(args.input)
        typeset = RENDERERS[args.kind](data, args.input.parent)
        write_atomically(args.output, output_bytes(typeset, ofd=ofd, pdfa=args.pdfa))
    except PdfInputError as error:
        print(f"officeapp-pdf：输入有误：{error.message}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except PdfError as error:
        print(f"officeapp-pdf：{error.message}", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK


def output_bytes(typeset: Typeset, *, ofd: bool, pdfa: bool) -> bytes:
    """Return the OFD, the PDF/A-2b or the plain PDF of a typeset document."""
    if ofd:
        return render_ofd(typeset)
    pdf = render_pdf(typeset)
    return to_pdfa(pdf) if pdfa else pdf


def _parser() -> argparse.ArgumentParser:
    """Return the argument parser."""
    parser = argparse.ArgumentParser(
        prog="officeapp-pdf",
        description="按 GB/T 9704-2012 版式把 JSON 描述的公文、纪要、发文稿纸或收文处理笺"
        "排成 PDF 或 OFD（GB/T 33190-2016，输出文件以 .ofd 结尾时）。",
    )
    parser.add_argument("input", type=Path, help="输入的 JSON 文件（UTF-8 编码）")
    parser.add_argument("output", type=Path, help="要写出的 PDF 或 OFD 文件")
    parser.add_argument(
        "--kind", choices=sorted(RENDERERS), default="document", help="输出的种类（默认 document）"
    )
    parser.add_argument(
        "--pdfa", action="store_true", help="写出 PDF/A-2b（归档用，带 XMP 元数据和 sRGB 输出意图）"
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
        os.chmod(temporary, 0o644)  # mkstemp makes the file private; a PDF or OFD is shared
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise PdfError(
            "pdf.cannot_write", f"无法写入输出文件“{path}”：{error.strerror}", path=str(path)
        ) from None


if __name__ == "__main__":
    sys.exit(main())
