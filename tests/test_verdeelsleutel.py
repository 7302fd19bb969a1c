"""The cost-sharing key and contributions, against hand-computed figures."""

from __future__ import annotations

from decimal import Decimal

import pytest

from regiodocs import fmt
from regiodocs.governance.verdeelsleutel import bijdragen, verdeelsleutel


def pct(sleutel: dict[str, object]) -> dict[str, str]:
    return {k: str(v.procent) for k, v in sleutel.items()}  # type: ignore[attr-defined]


def test_utrecht_west_by_hand() -> None:
    # 188.000 inhabitants. Exact: 34.0425..., 28.7234..., 24.4680..., 7.4468..., 5.3191...
    # Floors 34.04 + 28.72 + 24.46 + 7.44 + 5.31 = 99.97; the three largest remainders
    # (Oudewater .91, De Ronde Venen .80, Montfoort .68) get 0.01 each.
    s = verdeelsleutel({"sv": 64000, "wo": 54000, "drv": 46000, "mf": 14000, "ow": 10000})
    assert pct(s) == {"sv": "34.04", "wo": "28.72", "drv": "24.47", "mf": "7.45", "ow": "5.32"}
    assert sum(a.procent for a in s.values()) == Decimal("100.00")


def test_reproduces_the_lekstroom_key_of_2023() -> None:
    s = verdeelsleutel(
        {
            "houten": 50870,
            "lopik": 14672,
            "nieuwegein": 65251,
            "vijfheerenlanden": 59427,
            "ijsselstein": 33779,
        }
    )
    assert pct(s) == {
        "houten": "22.71",
        "lopik": "6.55",
        "nieuwegein": "29.13",
        "vijfheerenlanden": "26.53",
        "ijsselstein": "15.08",
    }


def test_ties_go_to_the_larger_population_then_alphabetically() -> None:
    # Three equal municipalities: 33.333...% each; the one missing 0.01 goes alphabetically.
    assert pct(verdeelsleutel({"c": 1, "b": 1, "a": 1})) == {
        "c": "33.33",
        "b": "33.33",
        "a": "33.34",
    }


def test_a_very_small_municipality() -> None:
    # Exact: 99.8991%, 0.09999%, 0.00099999%. Floors 99.89 + 0.09 + 0.00 = 99.98; the two
    # missing hundredths go to the largest remainders: klein (.999) and groot (.91).
    s = verdeelsleutel({"groot": 999_000, "klein": 1_000, "mini": 10})
    assert pct(s) == {"groot": "99.90", "klein": "0.10", "mini": "0.00"}
    assert sum(a.procent for a in s.values()) == 100


def test_contributions_add_up_to_the_cent() -> None:
    s = verdeelsleutel({"a": 1, "b": 1, "c": 1})
    split = bijdragen(Decimal("100.00"), s)
    assert split == {"a": Decimal("33.34"), "b": Decimal("33.33"), "c": Decimal("33.33")}
    odd = bijdragen(
        Decimal("1234567.89"),
        verdeelsleutel({"x": 64000, "y": 54000, "z": 46000, "v": 14000, "w": 10000}),
    )
    assert sum(odd.values()) == Decimal("1234567.89")


def test_amount_with_fractions_of_cents_is_refused() -> None:
    with pytest.raises(ValueError):
        bijdragen(Decimal("1.005"), verdeelsleutel({"a": 1}))


def test_dutch_formatting() -> None:
    from datetime import date

    assert fmt.datum(date(2024, 6, 27)) == "27 juni 2024"
    assert fmt.bedrag(Decimal("1234567")) == "€\u00a01.234.567"
    assert fmt.bedrag(Decimal("98420"), centen=True) == "€\u00a098.420,00"
    assert fmt.procent(Decimal("22.71")) == "22,71%"
    assert fmt.getal(46000) == "46.000"
    assert fmt.opsomming(["a", "b", "c"]) == "a, b en c"
