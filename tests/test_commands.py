"""Every command goes through the same error handling: located messages, exit 1 or 2, no
traceback, nothing half written. Import decodes what users paste or save from Word."""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import Result
from conftest import snapshot

from regiodocs.content.decode import DecodeError, decode_pasted

SOURCE = (
    "## Gemeenschappelijke regeling Proef\n\n"
    "De raden besluiten op 12 maart 2024, gelet op de Wet gemeenschappelijke regelingen;\n\n"
    "### Artikel 1\n\n"
    "Deze regeling wordt aangehaald als: Regeling Proef – één café.\n\n"
    "### Artikel 2\n\n"
    "1. Het bestuur neemt besluiten over “zorg” en € 5.\n"
    "2. Het bestuur vergadert openbaar.\n"
)


@pytest.mark.parametrize(
    ("encoding", "raw"),
    [
        ("UTF-8", SOURCE.encode("utf-8")),
        ("UTF-8", codecs.BOM_UTF8 + SOURCE.encode("utf-8")),
        ("UTF-16", SOURCE.encode("utf-16")),  # with BOM, as Word's "Unicode text"
        ("UTF-16", codecs.BOM_UTF16_BE + SOURCE.encode("utf-16-be")),
        ("Windows-1252", SOURCE.encode("cp1252")),
        (
            "Latin-1",
            SOURCE.replace("–", "-")
            .replace("“", '"')
            .replace("”", '"')
            .replace("€", "EUR")
            .encode("latin-1"),
        ),
    ],
)
def test_pasted_text_is_decoded(encoding: str, raw: bytes) -> None:
    text, found = decode_pasted(raw)
    assert found == encoding
    assert "één café" in text
    assert not text.startswith("\ufeff")


def test_an_ambiguous_encoding_names_the_encoding_to_save_as() -> None:
    raw = "Artikel 1\nTekst \x81 hier".encode("latin-1")
    with pytest.raises(DecodeError) as raised:
        decode_pasted(raw)
    assert "sla het bestand op als UTF-8" in str(raised.value)
    assert (raised.value.line, raised.value.column) == (2, 7)


def test_utf16_without_bom_is_refused() -> None:
    with pytest.raises(DecodeError, match="UTF-16 zonder byte order mark"):
        decode_pasted(SOURCE.encode("utf-16-le"))


@pytest.mark.parametrize("codec", ["utf-16", "cp1252"])
def test_import_reads_word_and_windows_text(
    codec: str, project: Path, run: Callable[..., Result]
) -> None:
    (project / "bron.txt").write_bytes(SOURCE.encode(codec))
    result = run("import", "bron.txt")
    assert result.exit_code == 0, result.output
    assert "Regeling Proef – één café" in result.output
    assert "“zorg” en € 5" in result.output


def test_an_impossible_date_in_the_source_is_a_located_message(
    project: Path, run: Callable[..., Result]
) -> None:
    (project / "bron.txt").write_text(SOURCE.replace("12 maart", "30 februari"), encoding="utf-8")
    result = run("import", "bron.txt")
    assert result.exit_code == 1, result.output
    assert "bron.txt:3:23: fout: datum '30 februari 2024' bestaat niet" in result.output


def test_import_into_a_folder_names_the_folder(project: Path, run: Callable[..., Result]) -> None:
    (project / "bron.txt").write_text(SOURCE, encoding="utf-8")
    (project / "uit").mkdir()
    result = run("import", "bron.txt", "-o", "uit")
    assert result.exit_code == 2, result.output
    assert (
        "Fout: het uitvoerbestand uit is een map; geef een bestandsnaam, bijv. uit/regeling.yaml"
        in result.output
    )
    assert list((project / "uit").iterdir()) == []


def test_schema_into_a_folder_or_onto_a_file(project: Path, run: Callable[..., Result]) -> None:
    (project / "map").mkdir()
    result = run("schema", "--output", "map")
    assert result.exit_code == 2, result.output
    assert "het uitvoerbestand map is een map" in result.output
    (project / "bestand").write_text("x", encoding="utf-8")
    result = run("schema", "--per-bestand", "bestand")
    assert result.exit_code == 2, result.output
    assert "de uitvoermap bestand is een bestand, geen map" in result.output
    assert (project / "bestand").read_text(encoding="utf-8") == "x"


@pytest.mark.parametrize(
    "command",
    [
        ["build", "regiovisie"],
        ["wgr-toets"],
        ["afweging", "02-berichtenverkeer"],
        ["consistency"],
        ["wijziging", "--van", "content/utrecht-west/regeling.yaml"],
    ],
    ids=lambda c: c[0],
)
def test_build_that_is_a_file_is_named(
    command: list[str], project: Path, run: Callable[..., Result]
) -> None:
    (project / "build").write_text("geen map\n", encoding="utf-8")
    result = run(*command)
    assert result.exit_code == 2, result.output
    assert (
        "Fout: de uitvoermap build is een bestand, geen map; verwijder of hernoem het, "
        "of kies een andere map met --build" in result.output
    )
    assert (project / "build").read_text(encoding="utf-8") == "geen map\n"


def test_a_build_folder_under_a_file_names_the_file(
    project: Path, run: Callable[..., Result]
) -> None:
    (project / "uitvoer").write_text("x", encoding="utf-8")
    result = run("build", "regiovisie", "--build", "uitvoer/build")
    assert result.exit_code == 2, result.output
    assert "uitvoer is een bestand, geen map" in result.output


def test_messages_are_capped(project: Path, run: Callable[..., Result]) -> None:
    regio = project / "content/utrecht-west/regio.yaml"
    extra = "".join(f"onbekend_{n}: x\n" for n in range(450))
    regio.write_text(regio.read_text(encoding="utf-8") + extra, encoding="utf-8")
    before = snapshot(project / "build")
    result = run("check")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert len([line for line in lines if "onbekende sleutel" in line]) == 200
    assert "... en 250 meldingen meer" in lines
    assert lines[-1] == "450 fouten, 0 waarschuwingen; er is niets gebouwd of gewijzigd."
    assert snapshot(project / "build") == before


@pytest.mark.parametrize("command", [["check"], ["build", "regiovisie"], ["consistency"]])
def test_an_empty_region_is_a_usage_error(command: list[str], run: Callable[..., Result]) -> None:
    result = run(*command, "--regio", "")
    assert result.exit_code == 2, result.output
    assert "onbekende regio ''" in result.output
