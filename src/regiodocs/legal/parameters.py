"""Parametric provisions: lid text generated from structured values, so text and check agree.

Legal text may name a value with ``((naam))`` instead of writing it: ``Het algemeen bestuur
bestaat uit ((ab-leden-per-deelnemer)) leden per deelnemende gemeente`` prints "twee" from
bestuur.yaml. The Wgr-toets reads the printed text and compares it with the same data, so
the two cannot diverge; change the number in bestuur.yaml and the article follows.

Values come from bestuur.yaml (``ab-leden-per-deelnemer``, ``db-leden``, ``db-andere-leden``,
``stemmen-per-lid``, printed as "één stem" or "twee stemmen") and from ``parameters`` in regeling.yaml (a number prints as a Dutch
word, "twaalf"; text as written, "15 september"). Free text stays free where drafting
freedom matters: only what the text names with ((...)) is generated.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from regiodocs.content.models.bestuur import Bestuur
from regiodocs.content.models.regeling import Artikel, Lid, Regeling
from regiodocs.diagnostics import YamlPath
from regiodocs.legal.numbering import iter_articles

PARAMETER = re.compile(r"\(\(\s*([^()]*?)\s*\)\)")
_WOORDEN = [
    "nul",
    "één",
    "twee",
    "drie",
    "vier",
    "vijf",
    "zes",
    "zeven",
    "acht",
    "negen",
    "tien",
    "elf",
    "twaalf",
    "dertien",
    "veertien",
    "vijftien",
    "zestien",
    "zeventien",
    "achttien",
    "negentien",
    "twintig",
]


def telwoord(n: int) -> str:
    """12 -> 'twaalf'; past twenty the digits."""
    return _WOORDEN[n] if 0 <= n < len(_WOORDEN) else str(n)


def waarden(regeling: Regeling, bestuur: Bestuur | None) -> dict[str, str]:
    """Every value a ((naam)) can print, as printed."""
    out: dict[str, str] = {}
    if bestuur is not None:
        for orgaan in bestuur.organen:
            if orgaan.soort == "algemeen-bestuur" and orgaan.leden_per_deelnemer:
                out["ab-leden-per-deelnemer"] = telwoord(orgaan.leden_per_deelnemer)
            if orgaan.soort == "dagelijks-bestuur" and orgaan.aantal_leden:
                out["db-leden"] = telwoord(orgaan.aantal_leden)
                out["db-andere-leden"] = telwoord(orgaan.aantal_leden - 1)
        if bestuur.stemverhouding.soort == "gelijk":
            n = bestuur.stemverhouding.stemmen_per_lid
            out["stemmen-per-lid"] = f"{telwoord(n)} {'stem' if n == 1 else 'stemmen'}"
    for naam, waarde in regeling.parameters.items():
        out[naam] = telwoord(waarde) if isinstance(waarde, int) else waarde
    return out


def _texts(regeling: Regeling) -> Iterator[tuple[YamlPath, str]]:
    for *_, artikel, path in iter_articles(regeling):
        for i, lid in enumerate(artikel.leden):
            yield (*path, "leden", i, "tekst"), lid.tekst
            for j, o in enumerate(lid.onderdelen):
                yield (*path, "leden", i, "onderdelen", j, "tekst"), o.tekst
                for k, s in enumerate(o.subonderdelen):
                    yield (*path, "leden", i, "onderdelen", j, "subonderdelen", k, "tekst"), s.tekst
        if artikel.toelichting:
            yield (*path, "toelichting"), artikel.toelichting


def unknown_parameters(
    regeling: Regeling, bestuur: Bestuur | None
) -> list[tuple[YamlPath, str, list[str]]]:
    """(where, unknown name, known names) for every ((naam)) without a value."""
    known = waarden(regeling, bestuur)
    return [
        (path, m.group(1), sorted(known))
        for path, text in _texts(regeling)
        for m in PARAMETER.finditer(text)
        if m.group(1) not in known
    ]


def with_parameters(regeling: Regeling, bestuur: Bestuur | None) -> Regeling:
    """The regeling with every ((naam)) replaced by its value (an unknown name stays, for
    the check to report)."""
    if not any(PARAMETER.search(text) for _, text in _texts(regeling)):
        return regeling
    known = waarden(regeling, bestuur)

    def fill(text: str) -> str:
        return PARAMETER.sub(lambda m: known.get(m.group(1), m.group(0)), text)

    def lid(item: Lid) -> Lid:
        return item.model_copy(
            update={
                "tekst": fill(item.tekst),
                "onderdelen": [
                    o.model_copy(
                        update={
                            "tekst": fill(o.tekst),
                            "subonderdelen": [
                                s.model_copy(update={"tekst": fill(s.tekst)})
                                for s in o.subonderdelen
                            ],
                        }
                    )
                    for o in item.onderdelen
                ],
            }
        )

    def artikel(a: Artikel) -> Artikel:
        return a.model_copy(
            update={
                "leden": [lid(item) for item in a.leden],
                "toelichting": fill(a.toelichting) if a.toelichting else a.toelichting,
            }
        )

    return regeling.model_copy(
        update={
            "hoofdstukken": [
                h.model_copy(
                    update={
                        "artikelen": [artikel(a) for a in h.artikelen],
                        "paragrafen": [
                            p.model_copy(update={"artikelen": [artikel(a) for a in p.artikelen]})
                            for p in h.paragrafen
                        ],
                    }
                )
                for h in regeling.hoofdstukken
            ]
        }
    )
