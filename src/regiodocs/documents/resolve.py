"""Resolve stage: turn the checked content into one view per document to build.

Everything a template shows is decided here: numbering, computed figures, Dutch formatting,
and which municipality's data goes into which document. Per-municipality values live only
in ``GemeenteView``; ``masked=True`` replaces them with placeholders, so the consistency
check can prove that five versions differ only there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date
from decimal import Decimal
from pathlib import PurePosixPath
from typing import Any

from regiodocs import fmt
from regiodocs.content.models.afwegingskader import Opgave
from regiodocs.content.models.besluiten import (
    ANKERS,
    Bijlage,
    Informatiebrief,
    LokaleParagraaf,
    Raadsvoorstel,
)
from regiodocs.content.models.consultatie import Bron, Opmerking
from regiodocs.content.models.regio import Deelnemer, Huisstijl
from regiodocs.content.models.visie import Tabel
from regiodocs.content.region import Region
from regiodocs.documents.markdown import Md, escape, md_paragraphs
from regiodocs.documents.toc import PAGE_BREAK, toc_block
from regiodocs.governance.verdeelsleutel import METHODE, bijdragen, verdeelsleutel
from regiodocs.legal.numbering import iter_articles, number_regeling
from regiodocs.legal.regeling_view import (
    citation_outside,
    fingerprint,
    legal_text,
    resolve_regeling,
)

DEFAULT_HUISSTIJL = Huisstijl(id="standaard")
REFERENCE_KEY_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]*")
KINDS = ("regiovisie", "regeling", "raadsvoorstel", "raadsbesluit", "raadsinformatiebrief")
EXTRA_KINDS = ("wgr-toets", "reactienota", "afweging", "toekomstnotitie")
PER_GEMEENTE_KINDS = ("raadsvoorstel", "raadsbesluit", "raadsinformatiebrief")


@dataclass(frozen=True)
class DocMeta:
    """What the Word writer needs besides the Markdown: properties, header/footer, style."""

    title: str
    subject: str
    author: str
    gemeente: str | None
    kenmerk: str | None
    datum: date
    huisstijl: Huisstijl
    # Extra custom document properties (name, value): version, fingerprint, portefeuille.
    eigenschappen: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Job:
    kind: str
    template: str
    output: PurePosixPath  # relative to build/, without suffix
    context: dict[str, Any]
    meta: DocMeta


@dataclass(frozen=True)
class BijdrageRegel:
    omschrijving: str
    soort: str
    jaar: int
    totaal: str
    bijdrage: str


@dataclass(frozen=True)
class GemeenteView:
    """Every value that may differ between the municipalities' versions of a document."""

    naam: str
    officiele_naam: str
    portefeuillehouder: str
    contactrol: str
    kenmerk: str
    datum: str  # raadsvergadering (voorstel, besluit) or letter date (RIB)
    collegebesluit: str
    agendapunt: str
    inwoners: str
    aandeel: str
    bijdragen: list[BijdrageRegel] = field(default_factory=list)


def masked(view: GemeenteView) -> GemeenteView:
    """The same view with every per-municipality value replaced by a placeholder."""
    values: dict[str, Any] = {f.name: f"⟦{f.name}⟧" for f in fields(view) if f.name != "bijdragen"}
    values["bijdragen"] = [
        replace(b, bijdrage=f"⟦bijdrage.{i}⟧") for i, b in enumerate(view.bijdragen)
    ]
    return GemeenteView(**values)


def placeholder_values(view: GemeenteView) -> dict[str, str]:
    """Placeholder -> real value, the inverse of ``masked`` for one municipality."""
    values = {
        f"⟦{f.name}⟧": str(getattr(view, f.name)) for f in fields(view) if f.name != "bijdragen"
    }
    values.update({f"⟦bijdrage.{i}⟧": b.bijdrage for i, b in enumerate(view.bijdragen)})
    return values


def plan_documents(
    region: Region, kinds: tuple[str, ...], gemeente: str | None = None, *, mask: bool = False
) -> list[Job]:
    """All documents of the requested kinds, for one municipality or all, in a stable order."""
    r = _Resolver(region)
    jobs: list[Job] = []
    if "regiovisie" in kinds and gemeente is None:
        jobs.append(r.regiovisie())
    if "regeling" in kinds and gemeente is None and region.regeling:
        jobs.append(r.regeling())
    if "wgr-toets" in kinds and gemeente is None and region.regeling:
        jobs.append(r.wgr_toets())
    if "reactienota" in kinds and gemeente is None and region.consultatie:
        jobs.append(r.reactienota())
    if "afweging" in kinds and gemeente is None and region.afwegingskader:
        jobs.extend(r.afweging(opgave) for opgave in region.opgaven)
    if "toekomstnotitie" in kinds and gemeente is None and region.toekomstnotitie:
        jobs.append(r.toekomstnotitie())
    deelnemers = [d for d in region.regio.deelnemers if gemeente in (None, d.id)]
    for d in deelnemers:
        for voorstel in region.raadsvoorstellen:
            if "raadsvoorstel" in kinds:
                jobs.append(r.raadsvoorstel(voorstel, d, mask))
            if "raadsbesluit" in kinds:
                jobs.append(r.raadsbesluit(voorstel, d, mask))
        if "raadsinformatiebrief" in kinds:
            jobs.extend(r.informatiebrief(brief, d, mask) for brief in region.informatiebrieven)
    return jobs


class _Resolver:
    def __init__(self, region: Region) -> None:
        self.region = region
        self.regio = region.regio
        self.styles = {h.id: h for h in region.regio.huisstijlen}
        self.sleutel = verdeelsleutel(
            {d.id: d.inwoners.aantal for d in self.regio.deelnemers},
            region.financien.verdeelsleutel.decimalen if region.financien else 2,
        )
        self.fingerprints = {"regiovisie": fingerprint(region.visie)}
        if region.regeling:
            self.fingerprints["regeling"] = fingerprint(region.regeling)
        if region.consultatie:
            self.fingerprints["reactienota"] = fingerprint(region.consultatie)
        self.namen = [d.naam for d in self.regio.deelnemers]

    # -- shared parts ------------------------------------------------------------------

    def _style(self, deelnemer: Deelnemer | None) -> Huisstijl:
        if deelnemer and deelnemer.huisstijl:
            return self.styles[deelnemer.huisstijl]
        return DEFAULT_HUISSTIJL

    def _verdeelsleutel_rows(self) -> list[dict[str, str]]:
        return [
            {
                "gemeente": d.naam,
                "inwoners": fmt.getal(d.inwoners.aantal),
                "peildatum": fmt.datum(d.inwoners.peildatum),
                "aandeel": fmt.procent(self.sleutel[d.id].procent, self._decimals()),
            }
            for d in self.regio.deelnemers
        ]

    def _decimals(self) -> int:
        return self.region.financien.verdeelsleutel.decimalen if self.region.financien else 2

    def _bijlagen(self, bijlagen: list[Bijlage]) -> list[str]:
        out = []
        for b in bijlagen:
            if b.document and b.document in self.fingerprints:
                out.append(f"{b.titel} (vingerafdruk {self.fingerprints[b.document]})")
            else:
                out.append(b.titel)
        return out

    def _gemeente(
        self,
        d: Deelnemer,
        *,
        kenmerk: str,
        datum: date,
        collegebesluit: date | None,
        agendapunt: str,
        portefeuillehouder: str | None,
        posten: list[str],
        mask: bool,
    ) -> GemeenteView:
        regels: list[BijdrageRegel] = []
        if self.region.financien:
            by_id = {p.id: p for p in self.region.financien.begrotingsposten}
            for post_id in posten:
                post = by_id[post_id]
                share = bijdragen(post.bedrag, self.sleutel)[d.id]
                regels.append(
                    BijdrageRegel(
                        post.omschrijving,
                        post.soort,
                        post.jaar,
                        fmt.bedrag(post.bedrag),
                        fmt.bedrag(share, centen=True),
                    )
                )
        view = GemeenteView(
            naam=d.naam,
            officiele_naam=d.officiele_naam,
            portefeuillehouder=portefeuillehouder or d.portefeuillehouder,
            contactrol=d.contactrol,
            kenmerk=d.kenmerk(kenmerk, datum),
            datum=fmt.datum(datum),
            collegebesluit=fmt.datum(collegebesluit) if collegebesluit else "",
            agendapunt=agendapunt,
            inwoners=fmt.getal(d.inwoners.aantal),
            aandeel=fmt.procent(self.sleutel[d.id].procent, self._decimals()),
            bijdragen=regels,
        )
        return masked(view) if mask else view

    # -- documents ---------------------------------------------------------------------

    def _visie_chapters(self) -> list[tuple[str, str, int]]:
        """(key, title, number) of the regiovisie chapters that have content."""
        v = self.region.visie
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

    def _visie_place(self, item_id: str) -> str | None:
        """Where a regiovisie item stands: "regiovisie, hoofdstuk 4 (Randvoorwaarden), 'Effecten meten'"."""
        v = self.region.visie
        s = v.samenwerking
        lists = {
            "stand": v.uitdagingen,
            "missie": [*v.leerniveaus, *v.uitgangspunten],
            "doelen": v.doelen,
            "randvoorwaarden": v.randvoorwaarden,
            "samenwerking": [*s.hervormingsagenda, *s.principes, *s.onderdelen] if s else [],
        }
        for key, title, n in self._visie_chapters():
            for item in lists.get(key, []):
                if item.id == item_id:
                    return f"regiovisie, hoofdstuk {n} ({title}), '{item.titel}'"
            if key == "planning":
                for fase in v.planning:
                    if fase.id == item_id:
                        return f"regiovisie, hoofdstuk {n} ({title}), {fase.periode}"
        return None

    def regiovisie(self) -> Job:
        v = self.region.visie
        numbers = {key: n for key, _, n in self._visie_chapters()}
        inhoud = [("inleiding", "Inleiding")] + [
            (f"h-{key}", f"{n} {title}") for key, title, n in self._visie_chapters()
        ]
        if v.colofon:
            inhoud.append(("colofon", "Colofon"))
        context = {
            "regio": self.regio.naam,
            "visie": v,
            "nr": numbers,
            "inhoud": toc_block(inhoud),
            "pagina_einde": PAGE_BREAK,
            "anker": _anker,
            "datum": fmt.datum(v.datum) if v.datum else "",
            "tabellen": [_tabel(t) for t in v.zorggebruik.tabellen] if v.zorggebruik else [],
            "mijlpalen": [
                {"datum": fmt.datum(m.datum), "omschrijving": m.omschrijving, "bron": m.bron}
                for m in v.mijlpalen
            ],
            "verdeelsleutel": self._verdeelsleutel_rows() if self.region.financien else [],
            "verdeelregel": self.region.financien.verdeelsleutel.peildatum_regel
            if self.region.financien
            else "",
            "p": md_paragraphs,
            "gemeenten": fmt.opsomming(self.namen),
            "vingerafdruk": self.fingerprints["regiovisie"],
        }
        return self._regional(
            "regiovisie",
            "regiovisie.md.j2",
            "regiovisie",
            context,
            title=v.titel,
            subject=f"Regiovisie {self.regio.naam}",
            author=f"Gemeenten van de regio {self.regio.naam}",
            kenmerk=f"Vingerafdruk {self.fingerprints['regiovisie']}",
            datum=v.datum
            or (self.region.regeling.datum_versie if self.region.regeling else date(2025, 1, 1)),
        )

    def regeling(self) -> Job:
        regeling = self.region.regeling
        assert regeling is not None
        view = resolve_regeling(regeling, self.namen)
        context = {
            "regeling": view,
            "verdeelsleutel": self._verdeelsleutel_rows(),
            "methode": METHODE.format(
                decimalen=self._decimals(),
                eenheid=fmt.procent(Decimal(1).scaleb(-self._decimals()), self._decimals()),
            ),
            "bijdragen": self._bijdragen_tabel(),
            "bijdragen_artikel": self._cite_subject("verdeelsleutel", "volgens "),
            "stemverhouding": self._stemverhouding_rows(),
            "stemregel": self._stemregel(),
        }
        status = "Ontwerp" if regeling.status == "concept" else "Vastgesteld"
        return self._regional(
            "regeling",
            "regeling.md.j2",
            "regeling",
            context,
            title=regeling.titel,
            subject=f"{status} gemeenschappelijke regeling, versie {regeling.versie}",
            author=f"Colleges van burgemeester en wethouders van de regio {self.regio.naam}",
            kenmerk=f"{status} versie {regeling.versie}, vingerafdruk {view.vingerafdruk}",
            datum=regeling.datum_versie,
        )

    def _stemregel(self) -> str:
        bestuur = self.region.bestuur
        if bestuur is None:
            return ""
        regel = bestuur.stemverhouding
        if regel.soort == "gelijk":
            return f"Ieder lid van het algemeen bestuur heeft {regel.stemmen_per_lid} stem(men); iedere gemeente weegt even zwaar."
        cap = (
            f", met een plafond van {fmt.procent(Decimal(str(regel.maximaal_aandeel_procent)))} per gemeente"
            if regel.maximaal_aandeel_procent
            else ""
        )
        return f"De {regel.totaal_stemmen} stemmen zijn naar inwonertal verdeeld, met ten minste {regel.minimaal_stemmen} per gemeente{cap}; geen gemeente heeft alleen een meerderheid."

    def _cite_subject(self, subject: str, lead: str) -> Md | None:
        """Linked citation of the first article that regelt ``subject``, e.g. 'volgens artikel 27'."""
        regeling = self.region.regeling
        assert regeling is not None
        for *_, artikel, _ in iter_articles(regeling):
            if subject in artikel.regelt:
                return legal_text(
                    f"{lead}[[{artikel.id}]]", None, number_regeling(regeling), link=True
                )
        return None

    def wgr_toets(self) -> Job:
        from regiodocs.legal.wgr import wgr_toets

        regeling = self.region.regeling
        assert regeling is not None
        uitkomsten = wgr_toets(self.region)
        rows = [
            {
                "code": u.regel.code,
                "naam": u.regel.naam,
                "bron": u.regel.bron,
                "uitkomst": "voldaan" if u.voldaan else "niet voldaan",
                "waar": (fmt.opsomming(u.vindplaats) or "geen strijdigheid gevonden")
                if u.voldaan
                else "ontbreekt of onjuist: " + "; ".join(u.ontbreekt),
            }
            for u in uitkomsten
        ]
        failed = sum(1 for u in uitkomsten if not u.voldaan)
        context = {
            "regeling": regeling,
            "vingerafdruk": self.fingerprints["regeling"],
            "regels": rows,
            "samenvatting": f"{len(rows) - failed} van de {len(rows)} regels voldaan"
            + (f", {failed} niet" if failed else ""),
            "vorm": self.region.bestuur.vorm if self.region.bestuur else "openbaar-lichaam",
        }
        return self._regional(
            "wgr-toets",
            "wgr-toets.md.j2",
            "wgr-toets",
            context,
            title=f"Wgr-toets {regeling.citeertitel}",
            subject="Toets van de regeling aan de Wet gemeenschappelijke regelingen",
            author="regiodocs",
            kenmerk=f"Regeling versie {regeling.versie}, vingerafdruk {self.fingerprints['regeling']}",
            datum=regeling.datum_versie,
        )

    def reactienota(self) -> Job:
        c = self.region.consultatie
        assert c is not None
        labels = {
            "verwerkt": "verwerkt",
            "deels-verwerkt": "deels verwerkt",
            "niet-verwerkt": "niet verwerkt",
        }
        bronnen = []
        nummer = 0
        # Sources in date order (stable for equal dates); remarks numbered continuously.
        for bron in sorted(c.bronnen, key=lambda b: b.datum):
            rows = []
            for o in bron.opmerkingen:
                nummer += 1
                a = o.afhandeling
                rows.append(
                    {
                        "nummer": nummer,
                        "soort": o.soort,
                        "tekst": o.tekst,
                        "plaats": _plaats(o),
                        "afhandeling": labels[a.status] if a else "open",
                        "reden": a.reden if a else "nog niet afgehandeld",
                        "waar": self._verwijzing(a.verwijzing) if a and a.verwijzing else "-",
                    }
                )
            bronnen.append({"naam": bron.naam, "datum": _bron_datum(bron), "rows": rows})
        alle = [o for b in c.bronnen for o in b.opmerkingen]
        telling = [
            {
                "afhandeling": label,
                "aantal": sum(1 for o in alle if o.afhandeling and o.afhandeling.status == key),
            }
            for key, label in labels.items()
        ]
        telling.append(
            {"afhandeling": "open", "aantal": sum(1 for o in alle if o.afhandeling is None)}
        )
        context = {
            "consultatie": c,
            "p": md_paragraphs,
            "bronnen": bronnen,
            "telling": telling,
            "totaal": len(alle),
            "vingerafdruk": self.fingerprints["reactienota"],
        }
        return self._regional(
            "reactienota",
            "reactienota.md.j2",
            "reactienota",
            context,
            title=f"Reactienota: {c.onderwerp}",
            subject=c.onderwerp,
            author=f"Gemeenten van de regio {self.regio.naam}",
            kenmerk=f"Vingerafdruk {self.fingerprints['reactienota']}",
            datum=max(b.datum_tot or b.datum for b in c.bronnen),
        )

    def _verwijzing(self, text: str) -> str:
        """A [[id]] in a handling: an article of the regeling or a part of the regiovisie."""
        from regiodocs.legal.numbering import REFERENCE

        def one(key: str) -> str:
            if self.region.regeling and key in number_regeling(self.region.regeling):
                return citation_outside(self.region.regeling, key)
            return self._visie_place(key) or key

        return REFERENCE.sub(lambda m: one(m.group(1).strip()), text)

    def afweging(self, opgave: Opgave) -> Job:
        from regiodocs.governance.afweging import beoordeel

        kader = self.region.afwegingskader
        assert kader is not None
        advies = beoordeel(kader, opgave)
        answers = {a.vraag: a for a in opgave.antwoorden}
        rows = []
        for label, v in [
            *((f"P{i}", v) for i, v in enumerate(kader.poortvragen, start=1)),
            *((str(i), v) for i, v in enumerate(kader.vragen, start=1)),
        ]:
            a = answers.get(v.id)
            rows.append(
                {
                    "nummer": label,
                    "vraag": v.vraag,
                    "antwoord": a.antwoord if a else "-",
                    "motivatie": (a.motivatie or "-")
                    if a
                    else "niet nodig: de eerste vraag besliste al",
                }
            )
        namen = {d.id: d.naam for d in self.regio.deelnemers}
        buiten = [
            {
                "gemeente": namen.get(m.gemeente, m.gemeente),
                "reden": m.reden,
                "effect": m.effect_op_anderen
                + (f" (besproken: {m.besproken})" if m.besproken else ""),
            }
            for m in advies.niet_meedoen
        ]
        mee = [
            d.naam for d in self.regio.deelnemers if d.naam not in {b["gemeente"] for b in buiten}
        ]
        context = {
            "opgave": opgave,
            "kader": kader,
            "advies": advies,
            "rows": rows,
            "regio": self.regio.naam,
            "niet_meedoen": buiten,
            "deelnemers": fmt.opsomming(mee),
            "p": md_paragraphs,
        }
        return self._regional(
            "afweging",
            "afweging.md.j2",
            f"afweging-{opgave.id}",
            context,
            title=f"Afweging: {opgave.titel}",
            subject=f"Advies over regionale samenwerking: {advies.uitkomst}",
            author=f"Gemeenten van de regio {self.regio.naam}",
            kenmerk=f"Afwegingskader, opgave {opgave.id}",
            datum=self.region.regeling.datum_versie if self.region.regeling else date(2025, 1, 1),
        )

    def toekomstnotitie(self) -> Job:
        from regiodocs.governance.afweging import beoordeel

        notitie = self.region.toekomstnotitie
        assert notitie is not None
        kader = self.region.afwegingskader
        namen = {d.id: d.naam for d in self.regio.deelnemers}
        toegepast = []
        if kader:
            for opgave in self.region.opgaven:
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
            "regio": self.regio.naam,
            "gemeenten": fmt.opsomming(self.namen),
            "uitgangspunten": self.region.visie.uitgangspunten,
            "principes": _lettered(notitie.principes),
            "capaciteit": _lettered(notitie.capaciteit),
            "kader": kader,
            "toegepast": toegepast,
            "verdeelsleutel": self._verdeelsleutel_rows() if self.region.financien else [],
            "verdeelregel": self.region.financien.verdeelsleutel.peildatum_regel
            if self.region.financien
            else "",
            "p": md_paragraphs,
        }
        return self._regional(
            "toekomstnotitie",
            "toekomstnotitie.md.j2",
            "toekomstnotitie",
            context,
            title=notitie.titel,
            subject=notitie.ondertitel,
            author=f"Gemeenten van de regio {self.regio.naam}",
            kenmerk=notitie.kenmerk or notitie.datum,
            datum=fmt.maand_jaar(notitie.datum) or date(2025, 1, 1),
        )

    def _stemverhouding_rows(self) -> list[dict[str, str]]:
        from regiodocs.governance.stemverhouding import stemmen

        bestuur = self.region.bestuur
        ab = (
            next((o for o in bestuur.organen if o.soort == "algemeen-bestuur"), None)
            if bestuur
            else None
        )
        if bestuur is None or ab is None or ab.leden_per_deelnemer is None:
            return []
        result = stemmen(
            bestuur.stemverhouding,
            {d.id: d.inwoners.aantal for d in self.regio.deelnemers},
            ab.leden_per_deelnemer,
        )
        return [
            {
                "gemeente": d.naam,
                "stemmen": str(result[d.id].stemmen),
                "aandeel": fmt.procent(result[d.id].procent),
            }
            for d in self.regio.deelnemers
        ]

    def _bijdragen_tabel(self) -> list[dict[str, Any]]:
        if not self.region.financien:
            return []
        out = []
        for post in self.region.financien.begrotingsposten:
            split = bijdragen(post.bedrag, self.sleutel)
            out.append(
                {
                    "omschrijving": post.omschrijving,
                    "soort": post.soort,
                    "jaar": post.jaar,
                    "totaal": fmt.bedrag(post.bedrag, centen=True),
                    "per_gemeente": [
                        fmt.bedrag(split[d.id], centen=True) for d in self.regio.deelnemers
                    ],
                }
            )
        return out

    def _voorstel_context(
        self, voorstel: Raadsvoorstel, d: Deelnemer, mask: bool
    ) -> dict[str, Any]:
        data = voorstel.per_gemeente[d.id]
        gemeente = self._gemeente(
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
            "regio": self.regio.naam,
            "besluitpunten": [
                {"nummer": f"{nummers[p.id]}.", "tekst": p.tekst} for p in voorstel.gevraagd_besluit
            ],
            "argumenten": argumenten,
            "bijlagen": self._bijlagen(voorstel.bijlagen),
            "gelet_op": fmt.opsomming(list(voorstel.gelet_op)),
            "p": md_paragraphs,
            "participatie_samenvatting": self._consultatie_samenvatting()
            if any(b.document == "reactienota" for b in voorstel.bijlagen)
            else "",
        }

    def _consultatie_samenvatting(self) -> str:
        c = self.region.consultatie
        if c is None:
            return ""
        opmerkingen = [o for b in c.bronnen for o in b.opmerkingen]
        telling = {
            s: sum(1 for o in opmerkingen if o.afhandeling and o.afhandeling.status == s)
            for s in ("verwerkt", "deels-verwerkt", "niet-verwerkt")
        }
        open_ = sum(1 for o in opmerkingen if o.afhandeling is None)
        text = (
            f"In de consultatie zijn {len(opmerkingen)} reacties ontvangen van {len(c.bronnen)} "
            f"gemeenteraden, commissies en adviesorganen. Daarvan zijn er {telling['verwerkt']} verwerkt, "
            f"{telling['deels-verwerkt']} deels verwerkt en {telling['niet-verwerkt']} niet verwerkt"
        )
        return text + (f"; {open_} zijn nog in behandeling." if open_ else ".")

    def raadsvoorstel(self, voorstel: Raadsvoorstel, d: Deelnemer, mask: bool) -> Job:
        author = f"Het college van burgemeester en wethouders van {d.naam}"
        return self._voorstel_job("raadsvoorstel", "Raadsvoorstel", voorstel, d, mask, author)

    def raadsbesluit(self, voorstel: Raadsvoorstel, d: Deelnemer, mask: bool) -> Job:
        author = f"De raad van de gemeente {d.naam}"
        return self._voorstel_job("raadsbesluit", "Raadsbesluit", voorstel, d, mask, author)

    def _voorstel_job(
        self, kind: str, soort: str, voorstel: Raadsvoorstel, d: Deelnemer, mask: bool, author: str
    ) -> Job:
        """The raadsvoorstel or raadsbesluit of one proposal for one municipality."""
        data = voorstel.per_gemeente[d.id]
        meta = self._meta_per_gemeente(
            soort, voorstel.onderwerp, d, data.kenmerk, data.raadsvergadering, author
        )
        out = PurePosixPath(d.id, f"{data.raadsvergadering.isoformat()}-{kind}-{voorstel.id}")
        return Job(kind, f"{kind}.md.j2", out, self._voorstel_context(voorstel, d, mask), meta)

    def informatiebrief(self, brief: Informatiebrief, d: Deelnemer, mask: bool) -> Job:
        data = brief.per_gemeente[d.id]
        gemeente = self._gemeente(
            d,
            kenmerk=data.kenmerk,
            datum=data.datum,
            collegebesluit=None,
            agendapunt="",
            portefeuillehouder=data.portefeuillehouder,
            posten=[],
            mask=mask,
        )
        context = {
            "brief": brief,
            "gemeente": gemeente,
            "regio": self.regio.naam,
            "kern": [{"kop": k.kop, "tekst": md_paragraphs(k.tekst)} for k in brief.kern],
            "bijlagen": self._bijlagen(brief.bijlagen),
            "p": md_paragraphs,
        }
        meta = self._meta_per_gemeente(
            "Raadsinformatiebrief",
            brief.onderwerp,
            d,
            data.kenmerk,
            data.datum,
            f"Het college van burgemeester en wethouders van {d.naam}",
        )
        out = PurePosixPath(d.id, f"{data.datum.isoformat()}-raadsinformatiebrief-{brief.id}")
        return Job("raadsinformatiebrief", "raadsinformatiebrief.md.j2", out, context, meta)

    def _regional(
        self,
        kind: str,
        template: str,
        name: str,
        context: dict[str, Any],
        *,
        title: str,
        subject: str,
        author: str,
        kenmerk: str,
        datum: date,
    ) -> Job:
        """A document for the whole region: default house style, written to build/regio/."""
        meta = DocMeta(
            title=title,
            subject=subject,
            author=author,
            gemeente=None,
            kenmerk=kenmerk,
            datum=datum,
            huisstijl=DEFAULT_HUISSTIJL,
        )
        return Job(kind, template, PurePosixPath("regio", f"{self.regio.id}-{name}"), context, meta)

    def _meta_per_gemeente(
        self, soort: str, onderwerp: str, d: Deelnemer, kenmerk: str, datum: date, author: str
    ) -> DocMeta:
        return DocMeta(
            title=f"{soort}: {onderwerp}",
            subject=onderwerp,
            author=author,
            gemeente=d.officiele_naam,
            kenmerk=d.kenmerk(kenmerk, datum),
            datum=datum,
            huisstijl=self._style(d),
        )


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


def _plaats(o: Opmerking) -> str:
    """'amendement, blz. 28, bron: D.1' for a remark; empty for a plain remark without place."""
    parts: list[str] = [o.soort] if o.soort != "opmerking" else []
    if o.pagina:
        parts.append(f"blz. {o.pagina}")
    if o.kenmerk_bron:
        parts.append(f"bron: {o.kenmerk_bron}")
    if o.groep:
        parts.append(f"onder '{o.groep}'")
    return ", ".join(parts)


def _bron_datum(bron: Bron) -> str:
    if bron.datum_soort == "uiterlijk":
        return f"uiterlijk {fmt.datum(bron.datum)}"
    if bron.datum_tot:
        if bron.datum.year == bron.datum_tot.year:
            return f"{fmt.datum(bron.datum).rsplit(' ', 1)[0]} en {fmt.datum(bron.datum_tot)}"
        return f"{fmt.datum(bron.datum)} en {fmt.datum(bron.datum_tot)}"
    return fmt.datum(bron.datum)


def _anker(key: str) -> Md:
    """A heading identifier, '{#h-stand}': the bookmark the table of contents points at."""
    if not REFERENCE_KEY_PATTERN.fullmatch(key):
        raise ValueError(f"ongeldig anker '{key}'")
    return Md("{#" + key + "}")


def _cijfer(value: float | None, eenheid: str) -> str:
    if value is None:
        return "-"
    exact = Decimal(repr(value))
    text = fmt.decimaal(exact.quantize(Decimal(1)) if exact == exact.to_integral() else exact)
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


def reference_citation(region: Region, key: str) -> Md:
    """A [[id]] from outside the regeling: a regeling provision or a part of the regiovisie."""
    if region.regeling and key in number_regeling(region.regeling):
        return Md(
            legal_text(f"[[{key}]]", None, number_regeling(region.regeling), link=False)
            + " van de "
            + region.regeling.citeertitel
        )
    return Md(key)


__all__ = ["KINDS", "Job", "DocMeta", "plan_documents", "citation_outside"]
