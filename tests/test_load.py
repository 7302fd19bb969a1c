"""Load stage: broken YAML gives a Dutch message with file:line:column, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from regiodocs.content.load import load_yaml_file
from regiodocs.diagnostics import ContentError


def problems(tmp_path: Path, raw: bytes) -> list[str]:
    path = tmp_path / "regio.yaml"
    path.write_bytes(raw)
    with pytest.raises(ContentError) as info:
        load_yaml_file(path, "regio")
    return [str(d) for d in info.value.diagnostics]


def test_tab_indentation_is_reported_with_position(tmp_path: Path) -> None:
    [message] = problems(tmp_path, b"naam: x\ndeelnemers:\n\t- id: a\n")
    assert ":3:1:" in message and "tab-teken" in message


def test_duplicate_key_names_the_key_and_the_second_line(tmp_path: Path) -> None:
    [message] = problems(tmp_path, b"id: a\nnaam: x\nnaam: y\n")
    assert ":3:1:" in message and "sleutel 'naam' komt twee keer voor" in message


def test_unclosed_quote(tmp_path: Path) -> None:
    [message] = problems(tmp_path, b'id: a\nnaam: "Utrecht West\n')
    assert "YAML-syntaxfout" in message and "regio.yaml:" in message


def test_alias_bomb_is_refused_before_expansion(tmp_path: Path) -> None:
    bomb = b"a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
    [message] = problems(tmp_path, bomb)
    assert "ankers (&naam) zijn niet toegestaan" in message and ":1:4:" in message


@pytest.mark.parametrize("tag", ["!!python/object:os.system", "!include", "!!binary"])
def test_explicit_tags_are_refused(tmp_path: Path, tag: str) -> None:
    [message] = problems(tmp_path, f"id: a\nnaam: {tag} x\n".encode())
    assert "tags zoals '" in message and ":2:7:" in message


def test_non_utf8_bytes_are_located(tmp_path: Path) -> None:
    [message] = problems(tmp_path, b"id: a\nnaam: caf\xe9\n")
    assert ":2:10:" in message and "geen geldige UTF-8" in message


def test_empty_file(tmp_path: Path) -> None:
    [message] = problems(tmp_path, b"# alleen commentaar\n")
    assert "bestand is leeg" in message


def test_list_where_mapping_expected(tmp_path: Path) -> None:
    [message] = problems(tmp_path, b"- id: a\n- id: b\n")
    assert "bevat een lijst; verwacht een mapping" in message


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    [message] = problems(tmp_path, b"a: " + b"[" * 60 + b"]" * 60 + b"\n")
    assert "dieper genest dan 40 niveaus" in message


def test_bom_is_accepted_and_positions_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "regio.yaml"
    path.write_bytes(b"\xef\xbb\xbfid: a\nnaam: Utrecht West\n")
    source = load_yaml_file(path, "regio")
    assert source.data == {"id": "a", "naam": "Utrecht West"}
    assert source.locate(("naam",)) == (2, 7)


def test_dates_stay_text_for_the_schema_to_judge(tmp_path: Path) -> None:
    path = tmp_path / "regio.yaml"
    path.write_bytes(b"datum: 2024-02-30\n")
    assert load_yaml_file(path, "regio").data == {"datum": "2024-02-30"}


def test_fast_and_careful_loading_agree_on_every_content_file() -> None:
    from regiodocs.content.load import _load_careful, load_fast

    files = sorted((Path(__file__).resolve().parents[1] / "content").rglob("*.yaml"))
    assert len(files) >= 15
    for path in files:
        fast = load_fast(path.read_bytes(), path, "x")
        careful = _load_careful(path, "x", [])
        assert fast is not None and careful is not None, path
        assert fast.data == careful.data, path
        assert (
            fast.positions == careful.positions and fast.key_positions == careful.key_positions
        ), path


@pytest.mark.parametrize(
    "raw",
    [
        b"a: &x 1\nb: *x\n",
        b"a: !tag 1\n",
        b"a: 1\na: 2\n",
        b"- 1\n",
        b"a: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]\n",
    ],
)
def test_the_fast_path_leaves_irregular_files_to_the_careful_one(
    raw: bytes, tmp_path: Path
) -> None:
    from regiodocs.content.load import load_fast

    assert load_fast(raw, tmp_path / "x.yaml", "x") is None


def test_windows_line_endings_read_the_same_content(project: Path) -> None:
    """Files saved by a Windows editor (CRLF, BOM) give exactly the same typed content."""
    from regiodocs.content.pipeline import load_checked

    lf = load_checked(project / "content", "utrecht-west").region
    for path in (project / "content/utrecht-west").rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_bytes("\ufeff".encode() + text.replace("\n", "\r\n").encode("utf-8"))
    crlf = load_checked(project / "content", "utrecht-west").region
    for section in ("regio", "visie", "regeling", "bestuur", "raadsvoorstellen"):
        assert getattr(crlf, section) == getattr(lf, section), section
    assert "\r" not in crlf.regeling.algemene_toelichting  # type: ignore[union-attr]


def test_a_region_id_with_a_path_separator_is_refused(project: Path) -> None:
    from regiodocs.content.load import region_folder
    from regiodocs.diagnostics import UsageError

    for bad in ("utrecht-west\\..\\x", "c:utrecht-west", "../content"):
        with pytest.raises(UsageError, match="onbekende regio"):
            region_folder(project / "content", bad)
