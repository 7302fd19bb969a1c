"""The regeling with its toelichting, cost key, contributions and votes."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from regiodocs import fmt
from regiodocs.content.facts import Facts
from regiodocs.content.models.regio import Ondertekenaars
from regiodocs.documents.markdown import Md
from regiodocs.documents.views.common import (
    SIGNATURE_LINE,
    Job,
    regional_job,
    verdeelsleutel_rows,
    versie_regel,
)
from regiodocs.governance.verdeelsleutel import METHODE, bijdragen
from regiodocs.legal.numbering import iter_articles
from regiodocs.legal.peildatum import raming_zin
from regiodocs.legal.regeling_view import legal_text, resolve_regeling


def regeling(facts: Facts) -> Job:
    region = facts.region
    regeling = region.regeling
    assert regeling is not None
    view = resolve_regeling(regeling, [d.naam for d in region.regio.deelnemers], facts.numbering)
    context = {
        "regeling": view,
        "verdeelsleutel": verdeelsleutel_rows(facts),
        "methode": METHODE.format(
            decimalen=facts.decimalen,
            eenheid=fmt.procent(Decimal(1).scaleb(-facts.decimalen), facts.decimalen),
        ),
        "bijdragen": _bijdragen_tabel(facts),
        "raming": raming_zin(region),
        "bijdragen_artikel": _cite_subject(facts, "verdeelsleutel", "volgens "),
        "stemverhouding": _stemverhouding_rows(facts),
        "stemregel": _stemregel(facts),
        "versie": versie_regel(regeling),
        "ondertekening": _ondertekening(facts),
    }
    status = {"concept": "Ontwerp", "geimporteerd": "Geïmporteerd"}.get(
        regeling.status, "Vastgesteld"
    )
    return regional_job(
        facts,
        "regeling",
        "regeling",
        context,
        title=regeling.titel,
        subject=f"{status} gemeenschappelijke regeling, versie {regeling.versie}",
        author=f"Colleges van burgemeester en wethouders van de regio {region.regio.naam}",
        kenmerk=f"{status}, {versie_regel(regeling)}",
        datum=regeling.datum_versie,
        eigenschappen=(("Versie", regeling.versie), ("Vingerafdruk", view.vingerafdruk)),
    )


def _ondertekening(facts: Facts) -> list[dict[str, Any]]:
    """One signature block per municipality and signing body, each with its own date."""
    regeling = facts.region.regeling
    assert regeling is not None
    blocks = []
    for d in facts.region.regio.deelnemers:
        namen = d.ondertekening or Ondertekenaars()
        vastgesteld = regeling.vastgesteld.get(d.id)
        datum = fmt.datum(vastgesteld) if vastgesteld else SIGNATURE_LINE
        for orgaan in regeling.aanhef.bestuursorganen:
            if orgaan == "college":
                tekst = (
                    f"het college van burgemeester en wethouders van de {d.officiele_naam} "
                    f"in zijn vergadering van {datum}"
                )
                rollen = [
                    ("de secretaris,", namen.secretaris),
                    ("de burgemeester,", namen.burgemeester),
                ]
            elif orgaan == "raad":
                tekst = (
                    f"de raad van de {d.officiele_naam} in zijn openbare vergadering van {datum}"
                )
                rollen = [("de griffier,", namen.griffier), ("de voorzitter,", namen.burgemeester)]
            else:
                tekst = f"de burgemeester van de {d.officiele_naam} op {datum}"
                rollen = [("de burgemeester,", namen.burgemeester)]
            blocks.append(
                {
                    "tekst": f"Aldus getroffen door {tekst}.",  # a GR is getroffen (art. 1 Wgr)
                    "rollen": [rol for rol, _ in rollen],
                    "namen": [naam or SIGNATURE_LINE for _, naam in rollen],
                }
            )
    return blocks


def _stemregel(facts: Facts) -> str:
    bestuur = facts.region.bestuur
    if bestuur is None:
        return ""
    regel = bestuur.stemverhouding
    if regel.soort == "gelijk":
        return f"Ieder lid van het algemeen bestuur heeft {fmt.aantal(regel.stemmen_per_lid, 'stem', 'stemmen')}; iedere gemeente weegt even zwaar."
    cap = (
        f", met een plafond van {fmt.procent(Decimal(str(regel.maximaal_aandeel_procent)))} per gemeente"
        if regel.maximaal_aandeel_procent
        else ""
    )
    return f"De {regel.totaal_stemmen} stemmen zijn naar inwonertal verdeeld, met ten minste {regel.minimaal_stemmen} per gemeente{cap}; geen gemeente heeft alleen een meerderheid."


def _cite_subject(facts: Facts, subject: str, lead: str) -> Md | None:
    """Linked citation of the first article that regelt ``subject``, e.g. 'volgens artikel 27'."""
    regeling = facts.region.regeling
    assert regeling is not None
    for *_, artikel, _ in iter_articles(regeling):
        if subject in artikel.regelt:
            return legal_text(f"{lead}[[{artikel.id}]]", None, facts.numbering, link=True)
    return None


def _stemverhouding_rows(facts: Facts) -> list[dict[str, str]]:
    result = facts.stemmen
    if result is None:
        return []
    return [
        {
            "gemeente": d.naam,
            "stemmen": str(result[d.id].stemmen),
            "aandeel": fmt.procent(result[d.id].procent),
        }
        for d in facts.region.regio.deelnemers
    ]


def _bijdragen_tabel(facts: Facts) -> list[dict[str, Any]]:
    financien = facts.region.financien
    if not financien:
        return []
    out = []
    for post in financien.begrotingsposten:
        split = bijdragen(post.bedrag, facts.sleutel)
        out.append(
            {
                "omschrijving": post.omschrijving,
                "soort": post.soort,
                "jaar": post.jaar,
                "totaal": fmt.bedrag(post.bedrag, centen=True),
                "per_gemeente": [
                    fmt.bedrag(split[d.id], centen=True) for d in facts.region.regio.deelnemers
                ],
            }
        )
    return out
