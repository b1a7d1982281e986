"""officeapp-pdf: renders without a GUI; bad input exits 2 naming the field, writing nothing."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import ofdkit
import pytest

from officeapp.pdf import fonts as fonts_module
from officeapp.pdf.cli import main
from tests.officeapp.pdf.pdfa_check import pdfa_problems

Make = Callable[..., dict[str, object]]


def write_input(folder: Path, data: object) -> Path:
    """Write `data` as the JSON input file."""
    path = folder / "input.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


DRAFTING = {
    "agency": "萍乡市人民政府办公室",
    "title": "萍乡市人民政府关于进一步加强和规范公文处理工作的通知",
    "opinions": [{"step": "sign", "person": "孙八", "text": "同意印发。", "at": "2023-11-27"}],
}
PROCESSING = {
    "agency": "萍乡市人民政府办公室",
    "title": "关于做好元旦春节期间有关工作的通知",
    "source_unit": "江西省人民政府办公厅",
    "received_date": "2023-12-01",
}
MINUTES = {
    "mark": "萍乡市人民政府常务会议纪要",
    "body": "会议研究了有关事项。",
    "attendees": ["张三"],
}


@pytest.mark.parametrize(
    ("kind", "data", "expected"),
    [
        ("drafting-sheet", DRAFTING, "发文稿纸"),
        ("processing-sheet", PROCESSING, "收文处理笺"),
        ("minutes", MINUTES, "常务会议纪要"),
    ],
)
def test_every_kind_renders(
    tmp_path: Path,
    measure: Callable[[bytes], list[Any]],
    kind: str,
    data: dict[str, object],
    expected: str,
) -> None:
    output = tmp_path / "out.pdf"
    assert main([str(write_input(tmp_path, data)), str(output), "--kind", kind]) == 0
    assert expected in measure(output.read_bytes())[0].text


def test_a_document_renders_with_a_seal_next_to_the_input(
    tmp_path: Path, document_data: Make, seal_png: Path, measure: Callable[[bytes], list[Any]]
) -> None:
    source = write_input(tmp_path, document_data(seal_image=seal_png.name))
    output = tmp_path / "公文.pdf"
    assert main([str(source), str(output)]) == 0
    pages = measure(output.read_bytes())
    assert "萍乡市人民政府文件" in pages[0].text
    assert sum(len(page.images) for page in pages) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["input.json", "seal.png", "公文.pdf"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": None}, "title"),
        ({"date": "2023-13-01"}, "date"),
        ({"main_recipients": "市政府各部门"}, "main_recipients"),
        ({"classification": "机密"}, "classification"),
        ({"urgency": "很急"}, "urgency"),
    ],
)
def test_bad_input_exits_2_naming_the_field_and_writes_nothing(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    document_data: Make,
    changes: dict[str, object],
    field: str,
) -> None:
    data = {k: v for k, v in document_data(**changes).items() if v is not None}
    output = tmp_path / "out.pdf"
    assert main([str(write_input(tmp_path, data)), str(output)]) == 2
    err = capsys.readouterr().err
    assert field in err
    assert "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["input.json"]


def test_classified_input_says_why(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], document_data: Make
) -> None:
    source = write_input(tmp_path, document_data(classification="绝密"))
    assert main([str(source), str(tmp_path / "out.pdf")]) == 2
    assert "政务外网" in capsys.readouterr().err


def test_broken_json_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "input.json"
    source.write_text('{"title": ', encoding="utf-8")
    assert main([str(source), str(tmp_path / "out.pdf")]) == 2
    assert "JSON" in capsys.readouterr().err


def test_a_missing_input_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "nothing.json"), str(tmp_path / "out.pdf")]) == 2
    assert "找不到输入文件" in capsys.readouterr().err


def test_an_unknown_kind_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([str(tmp_path / "a.json"), str(tmp_path / "b.pdf"), "--kind", "letter"]) == 2
    assert "--kind" in capsys.readouterr().err


def test_a_failed_render_leaves_an_existing_output_alone(
    tmp_path: Path, document_data: Make
) -> None:
    output = tmp_path / "out.pdf"
    output.write_bytes(b"previous")
    source = write_input(tmp_path, document_data(urgency="很急"))
    assert main([str(source), str(output)]) == 2
    assert output.read_bytes() == b"previous"


def test_without_fonts_the_cli_says_what_to_install(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    document_data: Make,
) -> None:
    empty = tmp_path / "fonts"
    empty.mkdir()
    monkeypatch.setattr(fonts_module, "SYSTEM_FONT_DIRS", ())
    monkeypatch.setenv("OFFICEAPP_FONT_DIR", str(empty))
    output = tmp_path / "out.pdf"
    assert main([str(write_input(tmp_path, document_data())), str(output)]) == 1
    err = capsys.readouterr().err
    assert "fonts-arphic-uming" in err
    assert "Traceback" not in err
    assert not output.exists()


# --- OFD and PDF/A ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "data", "expected"),
    [
        ("document", None, "萍乡市人民政府文件"),
        ("drafting-sheet", DRAFTING, "发文稿纸"),
        ("processing-sheet", PROCESSING, "收文处理笺"),
        ("minutes", MINUTES, "常务会议纪要"),
    ],
)
def test_an_ofd_output_writes_ofd_with_the_same_input(
    tmp_path: Path, document_data: Make, kind: str, data: dict[str, object] | None,
    expected: str,
) -> None:
    output = tmp_path / "out.OFD"  # the extension chooses the format, in any case
    source = write_input(tmp_path, data if data is not None else document_data())
    assert main([str(source), str(output), "--kind", kind]) == 0
    with ofdkit.open(output.read_bytes()) as reader:
        assert reader.pages and expected in reader.pages[0].text()


def test_pdfa_flag_writes_pdfa(tmp_path: Path, document_data: Make) -> None:
    output = tmp_path / "out.pdf"
    assert main([str(write_input(tmp_path, document_data())), str(output), "--pdfa"]) == 0
    assert pdfa_problems(output.read_bytes()) == []


def test_pdfa_with_an_ofd_output_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], document_data: Make
) -> None:
    source = write_input(tmp_path, document_data())
    assert main([str(source), str(tmp_path / "out.ofd"), "--pdfa"]) == 2
    assert "--pdfa" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["input.json"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [({"title": None}, "title"), ({"date": "2023-13-01"}, "date"),
     ({"classification": "机密"}, "classification"), ({"seal_image": "missing.png"}, "seal_image")],
)
def test_bad_input_to_an_ofd_gets_the_pdfs_errors_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], document_data: Make,
    changes: dict[str, object], field: str,
) -> None:
    data = {k: v for k, v in document_data(**changes).items() if v is not None}
    source = write_input(tmp_path, data)
    assert main([str(source), str(tmp_path / "out.pdf")]) == 2
    pdf_error = capsys.readouterr().err
    assert main([str(source), str(tmp_path / "out.ofd")]) == 2
    assert capsys.readouterr().err == pdf_error
    assert field in pdf_error
    assert sorted(p.name for p in tmp_path.iterdir()) == ["input.json"]
