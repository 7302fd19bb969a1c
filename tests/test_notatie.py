"""Numbers and dates as Dutch writers write them: one rule, never a silent change of size.

Every case goes through the real loader (YAML text in a file) and the real model, because
the trap lives between the two: YAML reads `14.000` as 14.0.
"""

from __future__ import annotations

import typing
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result
from conftest import edit, line_of
from docx import Document
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel

from regiodocs.content.load import load_yaml_file
from regiodocs.content.models.bestuur import Stemverhouding
from regiodocs.content.models.consultatie import Bron
from regiodocs.content.models.financien import Begrotingspost
from regiodocs.content.models.regio import Huisstijl, Inwonertal
from regiodocs.content.region import FOLDER_MODELS, SECTION_MODELS
from regiodocs.content.schema import validate_file
from regiodocs.diagnostics import ContentError


def cells(path: Path) -> list[list[str]]:
    return [
        [c.text for c in row.cells] for table in Document(str(path)).tables for row in table.rows
    ]


def _model(tmp_path: Path, model: type[BaseModel], yaml_text: str) -> Any:
    path = tmp_path / "x.yaml"
    path.write_text(yaml_text, encoding="utf-8")
    return validate_file(model, load_yaml_file(path, "x"))  # type: ignore[arg-type]


def _error(tmp_path: Path, model: type[BaseModel], yaml_text: str) -> str:
    with pytest.raises(ContentError) as info:
        _model(tmp_path, model, yaml_text)
    return str(info.value)


INWONERS = "peildatum: 2024-01-01\nbron: CBS\naantal: {}\n"
POST = "id: p\nomschrijving: x\nsoort: structureel\njaar: 2027\nbedrag: {}\n"


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("14000", 14000),
        ("14.000", 14000),  # YAML reads 14.0: the source text decides
        ("'14.000'", 14000),
        ("1.234.567", 1234567),
        ("'1.234.567'", 1234567),
        ("999", 999),
    ],
)
def test_counts_in_dutch_notation(tmp_path: Path, written: str, expected: int) -> None:
    assert _model(tmp_path, Inwonertal, INWONERS.format(written)).aantal == expected


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("14.5", "een aantal heeft geen decimalen"),
        ("14000.0", "een aantal heeft geen decimalen"),
        ("'14,000'", "een aantal heeft geen decimalen"),  # English thousands: refused, not 14
        ("'14,5'", "een aantal heeft geen decimalen"),
        ("1.234.5", "onduidelijk"),
        ("'1.23.456'", "onduidelijk"),
        ("'1,234.56'", "de komma het decimaalteken"),
        ("14_000", "geen getal in cijfers"),
        ("1e3", "geen getal in cijfers"),
        ("0x1f", "geen getal in cijfers"),
        ("veertien", "geen getal in cijfers"),
    ],
)
def test_unclear_counts_are_refused_with_how_to_write_them(
    tmp_path: Path, written: str, reason: str
) -> None:
    message = _error(tmp_path, Inwonertal, INWONERS.format(written))
    shown = written.strip("'")
    assert f"x.yaml:3:9: fout: [x.aantal] verwacht een geheel getal, gevonden '{shown}'" in message
    assert reason in message
    assert "schrijf bijv. 14000 of 14.000" in message


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("350.000", Decimal("350000")),
        ("350000.00", Decimal("350000.00")),
        ("350000", Decimal("350000")),
        ("'€ 350.000'", Decimal("350000")),
        ("€ 350.000,-", Decimal("350000")),
        ("'€\u00a01.234,56'", Decimal("1234.56")),
        ("1.234,56", Decimal("1234.56")),
        ("'EUR 12,5'", Decimal("12.5")),
        ("1.850.000", Decimal("1850000")),
    ],
)
def test_amounts_in_dutch_notation(tmp_path: Path, written: str, expected: Decimal) -> None:
    assert _model(tmp_path, Begrotingspost, POST.format(written)).bedrag == expected


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("'€ 1,234.56'", "de komma het decimaalteken"),
        ("'350.000,005'", "hoogstens twee decimalen"),
        ("'€ veel'", "geen getal in cijfers"),
        ("'350.00.00'", "onduidelijk"),
    ],
)
def test_unclear_amounts_are_refused(tmp_path: Path, written: str, message: str) -> None:
    error = _error(tmp_path, Begrotingspost, POST.format(written))
    assert "x.yaml:5:9: fout: [x.bedrag]" in error
    assert message in error


def test_percentages_and_measures(tmp_path: Path) -> None:
    for written, expected in [("30", 30.0), ("'7,45'", 7.45), ("'7,45%'", 7.45), ("7.45", 7.45)]:
        regel = _model(tmp_path, Stemverhouding, f"maximaal_aandeel_procent: {written}\n")
        assert regel.maximaal_aandeel_procent == expected
    # 12.500 is twelve thousand five hundred by the rule: too big for a percentage, refused.
    error = _error(tmp_path, Stemverhouding, "maximaal_aandeel_procent: 12.500\n")
    assert "waarde '12.500' (gelezen als 12500) is te groot; verwacht hoogstens 100" in error
    stijl = _model(tmp_path, Huisstijl, "id: a\nlettergrootte: 10,5\nmarge_cm: '2,25'\n")
    assert (stijl.lettergrootte, stijl.marge_cm) == (10.5, 2.25)
    assert "verwacht hoogstens 14" in _error(tmp_path, Huisstijl, "id: a\nlettergrootte: 10.500\n")


BRON = "id: b\nnaam: n\nsoort: adviesraad\nopmerkingen: [{{id: o, tekst: t}}]\ndatum: {}\n"


@pytest.mark.parametrize(
    "written", ["2025-06-26", "'2025-06-26'", "26-06-2025", "26-6-2025", "26 juni 2025"]
)
def test_dates_in_dutch_notation(tmp_path: Path, written: str) -> None:
    assert _model(tmp_path, Bron, BRON.format(written)).datum == date(2025, 6, 26)


def test_29_february_in_a_leap_year(tmp_path: Path) -> None:
    assert _model(tmp_path, Bron, BRON.format("29-02-2028")).datum == date(2028, 2, 29)


@pytest.mark.parametrize(
    ("written", "message"),
    [
        (
            "2027-02-30",
            "'2027-02-30' is geen bestaande datum: dag 30 bestaat niet in februari 2027 (die heeft 28 dagen)",
        ),
        (
            "29-02-2027",
            "'29-02-2027' is geen bestaande datum: dag 29 bestaat niet in februari 2027",
        ),
        ("2027-04-31", "dag 31 bestaat niet in april 2027 (die heeft 30 dagen)"),
        ("2027-13-01", "'2027-13-01' is geen bestaande datum: maand 13 bestaat niet"),
        ("01-13-2027", "'01-13-2027' is geen bestaande datum: maand 13 bestaat niet"),
        ("2027-00-10", "maand 0 bestaat niet"),
        ("2027-01-00", "dag 0 bestaat niet in januari 2027"),
        ("0000-01-01", "jaar 0 bestaat niet"),
        ("32 mei 2027", "dag 32 bestaat niet in mei 2027 (die heeft 31 dagen)"),
        ("20250626", "'20250626' is geen bestaande datum"),  # not seconds since 1970
        ("06/26/2025", "'06/26/2025' is geen bestaande datum"),
        ("26 juno 2025", "'26 juno 2025' is geen bestaande datum"),
    ],
)
def test_impossible_or_unclear_dates_are_refused(
    tmp_path: Path, written: str, message: str
) -> None:
    error = _error(tmp_path, Bron, BRON.format(written))
    assert "x.yaml:5:8: fout: [x.datum]" in error
    assert message in error
    assert "verwacht JJJJ-MM-DD" in error


def _dutch(n: int) -> str:
    return f"{n:,}".replace(",", ".")


@settings(max_examples=200, deadline=None)
@given(n=st.integers(min_value=1, max_value=10**12), quoted=st.booleans())
def test_property_any_count_written_the_dutch_way_reads_back_exactly(
    tmp_path_factory: pytest.TempPathFactory, n: int, quoted: bool
) -> None:
    text = _dutch(n)
    written = f"'{text}'" if quoted else text
    folder = tmp_path_factory.mktemp("n")
    assert _model(folder, Inwonertal, INWONERS.format(written)).aantal == n


@settings(max_examples=200, deadline=None)
@given(
    euros=st.integers(min_value=0, max_value=10**11),
    cents=st.integers(min_value=0, max_value=99),
    euro_sign=st.sampled_from(["", "€ ", "€", "€\u00a0"]),
)
def test_property_any_amount_written_the_dutch_way_reads_back_exactly(
    tmp_path_factory: pytest.TempPathFactory, euros: int, cents: int, euro_sign: str
) -> None:
    written = f"'{euro_sign}{_dutch(euros)},{cents:02d}'"
    folder = tmp_path_factory.mktemp("b")
    value = _model(folder, Begrotingspost, POST.format(written)).bedrag
    assert value == Decimal(euros) + Decimal(cents) / 100


@settings(max_examples=200, deadline=None)
@given(text=st.from_regex(r"[1-9][0-9]{0,7}([.,][0-9]{1,4}){0,3}", fullmatch=True))
def test_property_a_count_is_read_exactly_or_refused_never_resized(
    tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    """Whatever digits, dots and commas are typed, the count is the digits read by the rule
    (dots between groups of three) or a located refusal: never another magnitude."""
    folder = tmp_path_factory.mktemp("p")
    try:
        value = _model(folder, Inwonertal, INWONERS.format(text)).aantal
    except ContentError as exc:
        assert "verwacht een geheel getal" in str(exc)
        return
    groups = text.split(".")
    assert "," not in text
    assert all(len(g) == 3 for g in groups[1:]) and len(groups[0]) <= (3 if groups[1:] else 8)
    assert value == int(text.replace(".", ""))


def _annotations(model: type[BaseModel], seen: set[type]) -> list[tuple[str, Any]]:
    found: list[tuple[str, Any]] = []
    if model in seen:
        return found
    seen.add(model)
    for name, info in model.model_fields.items():
        found.append((f"{model.__name__}.{name}", info))
        stack = [info.annotation]
        while stack:
            current = stack.pop()
            if isinstance(current, type) and issubclass(current, BaseModel):
                found.extend(_annotations(current, seen))
            stack.extend(typing.get_args(current))
    return found


def test_every_number_and_date_field_uses_the_dutch_types() -> None:
    """A new int/float/Decimal/date field without the Dutch parser would bring the trap back."""
    seen: set[type] = set()
    bare = []
    for model in {**SECTION_MODELS, **FOLDER_MODELS}.values():
        for where, info in _annotations(model, seen):
            kinds: list[Any] = [info.annotation]
            while kinds:
                kind = kinds.pop()
                if kind in (int, float, Decimal, date) and not any(
                    type(m).__name__ == "BeforeValidator" for m in info.metadata
                ):
                    bare.append(where)
                if typing.get_origin(kind) is not typing.Annotated:
                    kinds.extend(a for a in typing.get_args(kind) if a is not type(None))
    assert bare == []


def test_fourteen_thousand_with_a_dot_gives_montfoort_its_real_share(
    project: Path, run: Callable[..., Result]
) -> None:
    """The issue's case: `aantal: 14.000` must be 14000 inhabitants in every figure."""
    regio = project / "content/utrecht-west/regio.yaml"
    edit(regio, "aantal: 14000", "aantal: 14.000")
    edit(project / "content/utrecht-west/financien.yaml", "bedrag: 350000.00", "bedrag: 350.000")
    assert run("check").exit_code == 0
    result = run("build", "regeling")
    assert result.exit_code == 0, result.output
    rows = cells(project / "build/regio/utrecht-west-regeling.docx")
    # 14000 of 188000 inhabitants = 7,4468...% = 7,45%.
    assert ["Montfoort", "14.000", "1 januari 2024", "7,45%"] in rows
    result = run("build", "raadsvoorstel", "--gemeente", "montfoort")
    assert result.exit_code == 0, result.output
    voorstel = project / "build/montfoort/2026-03-09-raadsvoorstel-gr-zienswijze-toestemming.docx"
    post = next(r for r in cells(voorstel) if r[0].startswith("Oprichting"))
    # € 350.000 (written with a dot) times 7,45% = € 26.075,00, as the issue expects.
    assert post[-2:] == ["€\u00a0350.000,00", "€\u00a026.075,00"]  # one amount format


def test_a_count_written_wrongly_is_located(project: Path, run: Callable[..., Result]) -> None:
    regio = project / "content/utrecht-west/regio.yaml"
    edit(regio, "aantal: 14000", "aantal: 14.0")
    result = run("check")
    assert result.exit_code == 1
    line = line_of(regio, "aantal: 14.0")
    assert f"regio.yaml:{line}:" in result.output
    assert "[regio.deelnemers[1].inwoners.aantal] verwacht een geheel getal, gevonden '14.0'" in (
        result.output
    )


def test_counts_in_words_up_to_twenty_and_nouns_that_agree() -> None:
    from regiodocs import fmt

    assert [fmt.telwoord(n) for n in (0, 1, 6, 12, 20, 21, 51, 1200)] == [
        "nul",
        "één",
        "zes",
        "twaalf",
        "twintig",
        "21",
        "51",
        "1.200",
    ]
    assert fmt.aantal(1, "stem", "stemmen") == "één stem"
    assert fmt.aantal(3, "stem", "stemmen") == "drie stemmen"
    assert fmt.aantal(1, "reactie", "reacties") == "één reactie"
    assert (fmt.werkwoord(1), fmt.werkwoord(2)) == ("is", "zijn")
