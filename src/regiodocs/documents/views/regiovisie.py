"""The regiovisie: one document for the region."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from regiodocs import fmt
from regiodocs.content.facts import Facts
from regiodocs.content.models.visie import Tabel
from regiodocs.content.region import Region
from regiodocs.documents.markdown import Md, md_paragraphs
from regiodocs.documents.toc import PAGE_BREAK, toc_block
from regiodocs.documents.views.common import FALLBACK_DATUM, Job, regional_job, verdeelsleutel_rows

REFERENCE_KEY_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*")


def visie_chapters(region: Region) -> list[tuple[str, str, int]]:
    """(key, title, number) of the regiovisie chapters that have content."""
    v = region.visie
    chapters = [
        ("stand", "Stand van zaken en uitdagingen", True),
        ("missie", "Missie, visie en uitgangspunten", True),
        ("doelen", "Doelen en aandachtspunten", bool(v.doelen)),
        ("randvoorwaarden", "Randvoorwaarden", bool(v.randvoorwaarden)),
        ("samenwerking", "Hoe we samenwerken als regio", v.samenwerking is not None),
        ("planning", "Planning", bool(v.planning)),
    ]
    present = [(key, title) for key, title, shown in chapters if shown]
    return [(key, title, n) for n, (key, title) in enumerate(present, start=1)]


def visie_place(region: Region, item_id: str) -> str | None:
    """Where a regiovisie item stands: "regiovisie, hoofdstuk 4 (Randvoorwaarden), 'Effecten meten'"."""
    v = region.visie
    s = v.samenwerking
    lists = {
        "stand": v.uitdagingen,
        "missie": [*v.leerniveaus, *v.uitgangspunten],
        "doelen": v.doelen,
        "randvoorwaarden": v.randvoorwaarden,
        "samenwerking": [*s.hervormingsagenda, *s.principes, *s.onderdelen] if s else [],
    }
    for key, title, n in visie_chapters(region):
        for item in lists.get(key, []):
            if item.id == item_id:
                return f"regiovisie, hoofdstuk {n} ({title}), '{item.titel}'"
        if key == "planning":
            for fase in v.planning:
                if fase.id == item_id:
                    return f"regiovisie, hoofdstuk {n} ({title}), {fase.periode}"
    return None


def regiovisie(facts: Facts) -> Job:
    region = facts.region
    v = region.visie
    chapters = visie_chapters(region)
    inhoud = [("inleiding", "Inleiding")] + [
        (f"h-{key}", f"{n} {title}") for key, title, n in chapters
    ]
    if v.colofon:
        inhoud.append(("colofon", "Colofon"))
    context = {
        "regio": region.regio.naam,
        "visie": v,
        "nr": {key: n for key, _, n in chapters},
        "inhoud": toc_block(inhoud),
        "pagina_einde": PAGE_BREAK,
        "anker": _anker,
        "datum": fmt.datum(v.datum) if v.datum else "",
        "tabellen": [_tabel(t) for t in v.zorggebruik.tabellen] if v.zorggebruik else [],
        "mijlpalen": [
            {"datum": fmt.datum(m.datum), "omschrijving": m.omschrijving, "bron": m.bron}
            for m in v.mijlpalen
        ],
        "verdeelsleutel": verdeelsleutel_rows(facts) if region.financien else [],
        "verdeelregel": region.financien.verdeelsleutel.peildatum_regel if region.financien else "",
        "p": md_paragraphs,
        "gemeenten": fmt.opsomming([d.naam for d in region.regio.deelnemers]),
    }
    return regional_job(
        facts,
        "regiovisie",
        "regiovisie",
        context,
        title=v.titel,
        subject=f"Regiovisie {region.regio.naam}",
        author=f"Gemeenten van de regio {region.regio.naam}",
        kenmerk=None,
        datum=v.datum or (region.regeling.datum_versie if region.regeling else FALLBACK_DATUM),
        eigenschappen=(("Vingerafdruk", facts.fingerprints["regiovisie"]),),
    )


def _anker(key: str) -> Md:
    """A heading identifier, '{#h-stand}': the bookmark the table of contents points at."""
    if not REFERENCE_KEY_PATTERN.fullmatch(key):
        raise ValueError(f"ongeldig anker '{key}'")
    return Md("{#" + key + "}")


def _cijfer(value: float | None, eenheid: str) -> str:
    if value is None:
        return "-"
    exact = Decimal(repr(value))
    # to_integral_value, not quantize: quantize fails beyond 28 digits (the context precision).
    whole = exact.to_integral_value()
    text = fmt.decimaal(whole if exact == whole else exact)
    return {
        "procent": f"{text}%",
        "per-1000": f"{text} per 1.000 inwoners",
        "duizendtallen": f"{text} duizend",
    }.get(eenheid, text)


def _tabel(tabel: Tabel) -> dict[str, Any]:
    return {
        "titel": tabel.titel,
        "kolommen": list(tabel.kolommen),
        "rijen": [
            {"omschrijving": r.omschrijving, "waarden": [_cijfer(w, r.eenheid) for w in r.waarden]}
            for r in tabel.rijen
        ],
        "bron": tabel.bron,
    }
