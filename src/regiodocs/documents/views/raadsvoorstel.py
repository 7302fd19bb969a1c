"""The raadsvoorstel of one proposal for one municipality (the raadsbesluit reads the same
context)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePosixPath
from typing import Any

from regiodocs import fmt
from regiodocs.content.facts import Facts
from regiodocs.content.models.besluiten import ANKERS, LokaleParagraaf, Raadsvoorstel
from regiodocs.content.models.regio import Deelnemer
from regiodocs.documents.markdown import Md, escape, md_paragraphs
from regiodocs.documents.views.common import (
    Job,
    bijlage_eigenschappen,
    bijlagen_lines,
    gemeente_view,
    municipal_meta,
)
from regiodocs.legal.peildatum import raming_zin


def raadsvoorstel(facts: Facts, voorstel: Raadsvoorstel, d: Deelnemer, mask: bool) -> Job:
    author = f"Het college van burgemeester en wethouders van {d.naam}"
    return voorstel_job(facts, "raadsvoorstel", "Raadsvoorstel", voorstel, d, mask, author)


def voorstel_job(
    facts: Facts,
    kind: str,
    soort: str,
    voorstel: Raadsvoorstel,
    d: Deelnemer,
    mask: bool,
    author: str,
) -> Job:
    """The raadsvoorstel or raadsbesluit of one proposal for one municipality. A raadsbesluit
    is the raad's: it names no portefeuillehouder (a letterhead field for one stays empty)."""
    data = voorstel.per_gemeente[d.id]
    is_besluit = kind.endswith("raadsbesluit")
    portefeuillehouder = "" if is_besluit else data.portefeuillehouder or d.portefeuillehouder
    meta = municipal_meta(
        facts,
        soort,
        voorstel.onderwerp,
        d,
        data.kenmerk,
        data.raadsvergadering,
        author,
        (
            *((("Portefeuillehouder", portefeuillehouder),) if portefeuillehouder else ()),
            *bijlage_eigenschappen(facts, voorstel.bijlagen),
        ),
    )
    out = PurePosixPath(d.id, f"{data.raadsvergadering.isoformat()}-{kind}-{voorstel.id}")
    return Job(kind, f"{kind}.md.j2", out, voorstel_context(facts, voorstel, d, mask), meta, d.id)


def voorstel_context(
    facts: Facts, voorstel: Raadsvoorstel, d: Deelnemer, mask: bool
) -> dict[str, Any]:
    data = voorstel.per_gemeente[d.id]
    gemeente = gemeente_view(
        facts,
        d,
        kenmerk=data.kenmerk,
        datum=data.raadsvergadering,
        collegebesluit=data.collegebesluit,
        agendapunt=data.agendapunt,
        portefeuillehouder=data.portefeuillehouder,
        posten=list(voorstel.financiele_gevolgen.begrotingsposten),
        mask=mask,
    )
    nummers = {p.id: n for n, p in enumerate(voorstel.gevraagd_besluit, start=1)}
    argumenten = []
    teller: dict[str, int] = {}
    for punt in voorstel.gevraagd_besluit:
        for arg in voorstel.argumenten:
            if arg.besluitpunt == punt.id:
                teller[punt.id] = teller.get(punt.id, 0) + 1
                argumenten.append(
                    {
                        "nummer": f"{nummers[punt.id]}.{teller[punt.id]}",
                        "kop": arg.kop,
                        "tekst": md_paragraphs(arg.tekst),
                    }
                )
    return {
        "voorstel": voorstel,
        "voorgeschiedenis": [
            {
                "datum": fmt.maand(stap.datum) if stap.maand else fmt.datum(stap.datum),
                "omschrijving": stap.omschrijving,
                "kenmerk": stap.kenmerk or "-",
            }
            for stap in voorstel.voorgeschiedenis
        ],
        "gemeente": gemeente,
        "lokaal": lokale_paragrafen(data.lokale_paragrafen),
        "regio": facts.region.regio.naam,
        "besluitpunten": [
            {"nummer": f"{nummers[p.id]}.", "tekst": p.tekst} for p in voorstel.gevraagd_besluit
        ],
        "argumenten": argumenten,
        "bijlagen": bijlagen_lines(facts, voorstel.bijlagen),
        "gelet_op": fmt.opsomming(list(voorstel.gelet_op)),
        "p": md_paragraphs,
        "participatie_samenvatting": _consultatie_samenvatting(facts)
        if any(b.document == "reactienota" for b in voorstel.bijlagen)
        else "",
        "wgr_stand": _wgr_stand(facts)
        if any(b.document == "regeling" for b in voorstel.bijlagen)
        else "",
        "raming": raming_zin(facts.region),
        "wgr_overweging": _wgr_overweging(facts)
        if any(b.document == "regeling" for b in voorstel.bijlagen)
        else "",
        # Filled by 'regiodocs wijziging --voorstel': the wijzigingsregeling and its changes.
        "wijziging": None,
    }


def _wgr_stand(facts: Facts) -> str:
    """What the voorstel may say about the Wgr: only what the toets proved or a lawyer signed."""
    from regiodocs.legal.wgr import stand_van_de_toets

    return stand_van_de_toets(facts.wgr) if facts.wgr else ""


def _wgr_overweging(facts: Facts) -> str:
    """The raadsbesluit's consideration on the Wgr, under the same condition as the voorstel."""
    from regiodocs.legal.wgr import overweging_van_de_toets

    return overweging_van_de_toets(facts.wgr) if facts.wgr else ""


def lokale_paragrafen(paragrafen: Sequence[LokaleParagraaf]) -> dict[str, Md]:
    """Per anchor of the raadsvoorstel, the Markdown of the municipality's own paragraphs
    placed there (empty where it has none). Not masked: they differ on purpose, and the
    consistency check names them instead of comparing them."""
    out: dict[str, Md] = {}
    for anker in ANKERS:
        here = [lp for lp in paragrafen if lp.na == anker]
        text = "\n\n".join(f"## {escape(lp.titel)}\n\n{md_paragraphs(lp.tekst)}" for lp in here)
        # Blank lines around, so a heading never sticks to the text before or after it.
        out[anker] = Md(f"\n{text}\n" if text else "")
    return out


def _consultatie_samenvatting(facts: Facts) -> str:
    c = facts.region.consultatie
    if c is None:
        return ""
    opmerkingen = [o for b in c.bronnen for o in b.opmerkingen]
    telling = {
        s: sum(1 for o in opmerkingen if o.afhandeling and o.afhandeling.status == s)
        for s in ("verwerkt", "deels-verwerkt", "niet-verwerkt")
    }
    open_ = sum(1 for o in opmerkingen if o.afhandeling is None)
    bronnen = (
        "één gemeenteraad, commissie of adviesorgaan"
        if len(c.bronnen) == 1
        else f"{fmt.telwoord(len(c.bronnen))} gemeenteraden, commissies en adviesorganen"
    )
    text = (
        f"In de consultatie {fmt.werkwoord(len(opmerkingen))} "
        f"{fmt.aantal(len(opmerkingen), 'reactie', 'reacties')} ontvangen van {bronnen}. "
        f"Daarvan {fmt.werkwoord(telling['verwerkt'])} er {fmt.telwoord(telling['verwerkt'])} "
        f"verwerkt, {fmt.telwoord(telling['deels-verwerkt'])} deels verwerkt en "
        f"{fmt.telwoord(telling['niet-verwerkt'])} niet verwerkt"
    )
    if not open_:
        return text + "."
    return text + f"; {fmt.telwoord(open_)} {fmt.werkwoord(open_)} nog in behandeling."
