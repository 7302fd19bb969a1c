"""The toekomstnotitie: the region's note on how it works together, with the afwegingskader
applied to each opgave."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from regiodocs import fmt
from regiodocs.content.facts import Facts
from regiodocs.documents.markdown import md_paragraphs
from regiodocs.documents.views.common import FALLBACK_DATUM, Job, regional_job, verdeelsleutel_rows
from regiodocs.governance.afweging import beoordeel


def toekomstnotitie(facts: Facts) -> Job:
    region = facts.region
    notitie = region.toekomstnotitie
    assert notitie is not None
    kader = region.afwegingskader
    namen = {d.id: d.naam for d in region.regio.deelnemers}
    toegepast = []
    if kader:
        for opgave in region.opgaven:
            advies = beoordeel(kader, opgave)
            buiten = [namen.get(m.gemeente, m.gemeente) for m in advies.niet_meedoen]
            toegepast.append(
                {
                    "titel": opgave.titel,
                    "uitkomst": advies.uitkomst,
                    "redenering": advies.redenering,
                    "keuze": advies.keuze or "-",
                    "meedoen": f"alle behalve {fmt.opsomming(buiten)}" if buiten else "alle",
                }
            )
    context = {
        "n": notitie,
        "regio": region.regio.naam,
        "gemeenten": fmt.opsomming([d.naam for d in region.regio.deelnemers]),
        "uitgangspunten": region.visie.uitgangspunten,
        "principes": _lettered(notitie.principes),
        "capaciteit": _lettered(notitie.capaciteit),
        "kader": kader,
        "toegepast": toegepast,
        "verdeelsleutel": verdeelsleutel_rows(facts) if region.financien else [],
        "verdeelregel": region.financien.verdeelsleutel.peildatum_regel if region.financien else "",
        "p": md_paragraphs,
    }
    return regional_job(
        facts,
        "toekomstnotitie",
        "toekomstnotitie",
        context,
        title=notitie.titel,
        subject=notitie.ondertitel,
        author=f"Gemeenten van de regio {region.regio.naam}",
        kenmerk=notitie.kenmerk or notitie.datum,
        datum=fmt.maand_jaar(notitie.datum) or FALLBACK_DATUM,
    )


def _lettered(items: Sequence[Any]) -> list[tuple[str, Any]]:
    """('a', item), ('b', item), ...: principles and measures are lettered in the note."""
    return [(_letter(n), item) for n, item in enumerate(items)]


def _letter(n: int) -> str:
    """0 -> 'a', 25 -> 'z', 26 -> 'aa': never runs out."""
    out = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        out = chr(ord("a") + rest) + out
    return out
