"""The Wgr-toets: what the Wet gemeenschappelijke regelingen requires of a regeling.

Each rule is named, cites its source, and is judged from structured content only: the
``regelt`` tags of the articles, bestuur.yaml and taken.yaml, never by reading free text.
A missing provision is reported at the regeling file; a wrong value at its own place.
Rules 1-14 apply to an openbaar lichaam; rule 15 guards the other forms.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from regiodocs.content.models.bestuur import Orgaan
from regiodocs.content.region import Region
from regiodocs.diagnostics import Diagnostic
from regiodocs.legal.numbering import cite, iter_articles, number_regeling


@dataclass(frozen=True)
class Regel:
    code: str
    naam: str
    bron: str


@dataclass
class Uitkomst:
    regel: Regel
    voldaan: bool
    vindplaats: list[str] = field(default_factory=list)  # e.g. "artikel 7"
    ontbreekt: list[str] = field(default_factory=list)  # what is missing, in words
    meldingen: list[Diagnostic] = field(default_factory=list)


class _Toets:
    """Helpers shared by the rules: which articles regelen what, and where to report."""

    def __init__(self, region: Region) -> None:
        self.region = region
        self.regeling = region.regeling
        self.bestuur = region.bestuur
        self.index = number_regeling(self.regeling) if self.regeling else {}
        self.by_subject: dict[str, list[str]] = {}
        if self.regeling:
            for *_, artikel, _ in iter_articles(self.regeling):
                for subject in artikel.regelt:
                    self.by_subject.setdefault(subject, []).append(artikel.id)

    def articles(self, subject: str) -> list[str]:
        return [cite(self.index[a]) for a in self.by_subject.get(subject, [])]

    def require(self, uitkomst: Uitkomst, subjects: dict[str, str]) -> None:
        """Each subject (regelt tag -> description) must be covered by at least one article."""
        for subject, description in subjects.items():
            found = self.articles(subject)
            uitkomst.vindplaats += found
            if not found:
                uitkomst.ontbreekt.append(description)
                uitkomst.meldingen.append(
                    self.missing(uitkomst.regel, f"{description} (regelt: {subject})")
                )

    def missing(self, regel: Regel, what: str) -> Diagnostic:
        if "regeling" in self.region.raw.singles:
            src = self.region.source("regeling")
            return src.diagnostic(
                ("hoofdstukken",),
                f"{regel.code} {regel.naam} ({regel.bron}): de regeling mist een bepaling over {what}",
            )
        src = self.region.source("regio")
        return src.diagnostic(
            (), f"{regel.code} {regel.naam} ({regel.bron}): de regio heeft geen regeling.yaml"
        )

    def wrong(
        self, uitkomst: Uitkomst, section: str, path: tuple[str | int, ...], message: str
    ) -> None:
        uitkomst.ontbreekt.append(message)
        uitkomst.meldingen.append(
            self.region.source(section).diagnostic(
                path,
                f"{uitkomst.regel.code} {uitkomst.regel.naam} ({uitkomst.regel.bron}): {message}",
            )
        )

    def orgaan(self, soort: str) -> tuple[int, Orgaan] | None:
        if not self.bestuur:
            return None
        return next(((i, o) for i, o in enumerate(self.bestuur.organen) if o.soort == soort), None)


RuleFn = Callable[[_Toets, Uitkomst], None]
RULES: list[tuple[Regel, RuleFn]] = []


def _rule(code: str, naam: str, bron: str) -> Callable[[RuleFn], RuleFn]:
    def register(fn: RuleFn) -> RuleFn:
        RULES.append((Regel(code, naam, bron), fn))
        return fn

    return register


@_rule("WGR-01", "Belang en taken", "art. 10, eerste lid, en art. 30 Wgr")
def _belang(t: _Toets, u: Uitkomst) -> None:
    t.require(u, {"belang": "het belang dat de regeling behartigt", "taken": "de taken"})
    if t.region.taken and t.regeling:
        taak_artikelen = set(t.by_subject.get("taken", []))
        for i, taak in enumerate(t.region.taken.taken):
            if taak.plaatsing == "regionaal" and taak.artikel not in taak_artikelen:
                t.wrong(
                    u,
                    "taken",
                    ("taken", i, "artikel"),
                    f"regionale taak '{taak.id}' staat niet in een artikel dat de taken regelt",
                )


@_rule(
    "WGR-02",
    "Openbaar lichaam met naam en vestigingsplaats",
    "art. 8, eerste lid, en art. 10, derde lid, Wgr",
)
def _openbaar_lichaam(t: _Toets, u: Uitkomst) -> None:
    t.require(
        u, {"openbaar-lichaam": "de instelling, naam en vestigingsplaats van het openbaar lichaam"}
    )
    if t.bestuur and not (t.bestuur.naam_openbaar_lichaam and t.bestuur.vestigingsplaats):
        t.wrong(u, "bestuur", (), "naam en vestigingsplaats van het openbaar lichaam ontbreken")


@_rule("WGR-03", "Overgedragen bevoegdheden", "art. 10, tweede lid, Wgr")
def _bevoegdheden(t: _Toets, u: Uitkomst) -> None:
    t.require(u, {"bevoegdheden": "de overgedragen bevoegdheden"})
    if t.bestuur and not any(
        b.overgedragen_door for o in t.bestuur.organen for b in o.bevoegdheden
    ):
        t.wrong(
            u,
            "bestuur",
            ("organen",),
            "geen enkele bevoegdheid noemt het bestuursorgaan dat haar overdraagt (overgedragen_door)",
        )


@_rule("WGR-04", "Bestuur: algemeen bestuur, dagelijks bestuur en voorzitter", "art. 12 Wgr")
def _bestuursorganen(t: _Toets, u: Uitkomst) -> None:
    t.require(u, {"bestuursorganen": "de bestuursorganen", "voorzitter": "de voorzitter"})
    for soort in ("algemeen-bestuur", "dagelijks-bestuur", "voorzitter"):
        if t.bestuur and t.orgaan(soort) is None:
            t.wrong(
                u, "bestuur", ("organen",), f"bestuur.yaml kent geen orgaan van de soort '{soort}'"
            )


@_rule("WGR-05", "Samenstelling algemeen bestuur en stemverhouding", "art. 13 Wgr")
def _samenstelling_ab(t: _Toets, u: Uitkomst) -> None:
    t.require(u, {"samenstelling-ab": "de samenstelling van het algemeen bestuur"})
    found = t.orgaan("algemeen-bestuur")
    if found and t.regeling:
        i, ab = found
        if ab.leden_per_deelnemer is None:
            t.wrong(
                u,
                "bestuur",
                ("organen", i),
                "het aantal leden per gemeente van het algemeen bestuur staat niet vast (leden_per_deelnemer)",
            )
        organen = t.regeling.aanhef.bestuursorganen
        if organen == ["college"] and ab.aangewezen_door != "college":
            t.wrong(
                u,
                "bestuur",
                ("organen", i, "aangewezen_door"),
                "in een collegeregeling wijst het college de leden van het algemeen bestuur aan (art. 13, zesde lid)",
            )
        if "raad" in organen and ab.aangewezen_door != "raad":
            t.wrong(
                u,
                "bestuur",
                ("organen", i, "aangewezen_door"),
                "in een regeling van de raden wijst de raad de leden van het algemeen bestuur aan (art. 13, eerste lid)",
            )
    if t.bestuur and t.bestuur.stemverhouding.soort == "gewogen":
        t.require(u, {"stemverhouding": "de gewogen stemverhouding"})


@_rule("WGR-06", "Voorzitter door en uit het algemeen bestuur", "art. 13, negende lid, Wgr")
def _voorzitter(t: _Toets, u: Uitkomst) -> None:
    found = t.orgaan("voorzitter")
    u.vindplaats += t.articles("voorzitter")
    if found:
        i, vz = found
        if vz.aangewezen_door != "algemeen-bestuur" or vz.uit_midden_van != "algemeen-bestuur":
            t.wrong(
                u,
                "bestuur",
                ("organen", i),
                "de voorzitter wordt door en uit het algemeen bestuur aangewezen (aangewezen_door en uit_midden_van: algemeen-bestuur)",
            )


@_rule(
    "WGR-07",
    "Dagelijks bestuur: voorzitter en ten minste twee leden, geen meerderheid in het AB",
    "art. 14 Wgr",
)
def _db(t: _Toets, u: Uitkomst) -> None:
    t.require(u, {"samenstelling-db": "de samenstelling van het dagelijks bestuur"})
    found, ab = t.orgaan("dagelijks-bestuur"), t.orgaan("algemeen-bestuur")
    if found:
        i, db = found
        if db.uit_midden_van != "algemeen-bestuur":
            t.wrong(
                u,
                "bestuur",
                ("organen", i, "uit_midden_van"),
                "de leden van het dagelijks bestuur komen uit het algemeen bestuur",
            )
        if db.aantal_leden is None:
            t.wrong(
                u,
                "bestuur",
                ("organen", i),
                "het aantal leden van het dagelijks bestuur staat niet vast (aantal_leden)",
            )
        elif db.aantal_leden < 3:
            t.wrong(
                u,
                "bestuur",
                ("organen", i, "aantal_leden"),
                f"het dagelijks bestuur telt {db.aantal_leden} leden; nodig zijn de voorzitter en ten minste twee anderen",
            )
        elif ab and ab[1].leden_per_deelnemer:
            ab_total = ab[1].leden_per_deelnemer * len(t.region.regio.deelnemers)
            if 2 * db.aantal_leden > ab_total:
                t.wrong(
                    u,
                    "bestuur",
                    ("organen", i, "aantal_leden"),
                    f"{db.aantal_leden} leden van het dagelijks bestuur vormen een meerderheid in een algemeen bestuur van {ab_total} (art. 14, derde lid)",
                )


@_rule(
    "WGR-08", "Informatie en verantwoording", "art. 16, 17, 19a Wgr (collegeregeling: art. 18, 19)"
)
def _informatie(t: _Toets, u: Uitkomst) -> None:
    t.require(
        u,
        {
            "informatie-verantwoording": "inlichtingen aan colleges en raden",
            "ontslag-vertrouwen": "verantwoording en ontslag van leden van het algemeen bestuur",
            "verantwoording-db": "verantwoording van het dagelijks bestuur aan het algemeen bestuur",
        },
    )


@_rule("WGR-09", "Openbare vergaderingen van het algemeen bestuur", "art. 22 Wgr")
def _vergaderingen(t: _Toets, u: Uitkomst) -> None:
    t.require(
        u,
        {
            "vergaderingen-ab": "de (openbare) vergaderingen van het algemeen bestuur, ten minste twee per jaar"
        },
    )


@_rule("WGR-10", "Wijziging, opheffing, toetreding en uittreding", "art. 9 Wgr")
def _toetreding(t: _Toets, u: Uitkomst) -> None:
    t.require(
        u,
        {
            "wijziging": "wijziging",
            "opheffing": "opheffing en liquidatie",
            "toetreding": "toetreding",
            "uittreding": "uittreding en de gevolgen daarvan",
        },
    )


@_rule(
    "WGR-11",
    "Zienswijzen, participatie en evaluatie (wet 2022)",
    "Wet versterking democratische legitimatie Wgr",
)
def _democratie(t: _Toets, u: Uitkomst) -> None:
    t.require(
        u,
        {
            "zienswijze-besluiten": "de besluiten waarover de raden een zienswijze geven",
            "participatie": "inwonerparticipatie",
            "evaluatie": "de evaluatie van de regeling",
        },
    )


@_rule("WGR-12", "Begroting en jaarrekening", "art. 33a, 34, 35 Wgr")
def _begroting(t: _Toets, u: Uitkomst) -> None:
    t.require(
        u,
        {
            "begroting": "de begroting (ontwerp aan de raden, vaststelling)",
            "jaarrekening": "de jaarrekening",
            "toezending-gs": "toezending aan Gedeputeerde Staten",
        },
    )


@_rule(
    "WGR-13",
    "Bestuurscommissies en deelneming alleen als de regeling het toestaat",
    "art. 25 en 31a Wgr",
)
def _commissies(t: _Toets, u: Uitkomst) -> None:
    if t.bestuur:
        for i, orgaan in enumerate(t.bestuur.organen):
            if orgaan.soort == "bestuurscommissie" and not t.articles("bestuurscommissies"):
                t.wrong(
                    u,
                    "bestuur",
                    ("organen", i),
                    f"bestuurscommissie '{orgaan.id}' zonder bepaling in de regeling die haar toestaat",
                )
    u.vindplaats += t.articles("bestuurscommissies") + t.articles("deelneming-rechtspersonen")


@_rule("WGR-14", "Inwerkingtreding en citeertitel", "art. 26 en 27 Wgr; Ar")
def _slot(t: _Toets, u: Uitkomst) -> None:
    t.require(
        u,
        {
            "inwerkingtreding": "de inwerkingtreding (niet vóór de bekendmaking)",
            "citeertitel": "de citeertitel",
        },
    )


@_rule("WGR-15", "Vormvereisten van het gekozen model", "art. 8 Wgr")
def _vorm(t: _Toets, u: Uitkomst) -> None:
    if not t.bestuur:
        return
    if t.bestuur.vorm == "bedrijfsvoeringsorganisatie" and t.region.taken:
        for i, taak in enumerate(t.region.taken.taken):
            if taak.plaatsing == "regionaal" and taak.soort == "beleid":
                t.wrong(
                    u,
                    "taken",
                    ("taken", i, "soort"),
                    f"een bedrijfsvoeringsorganisatie mag geen regionaal beleid voeren (taak '{taak.id}', art. 8, derde lid)",
                )
        if t.regeling and t.regeling.aanhef.bestuursorganen != ["college"]:
            t.wrong(
                u,
                "regeling",
                ("aanhef", "bestuursorganen"),
                "aan een bedrijfsvoeringsorganisatie nemen alleen colleges deel",
            )
    if t.bestuur.vorm == "centrumgemeente":
        for i, orgaan in enumerate(t.bestuur.organen):
            if orgaan.soort in ("algemeen-bestuur", "dagelijks-bestuur"):
                t.wrong(
                    u,
                    "bestuur",
                    ("organen", i, "soort"),
                    "een centrumgemeenteregeling heeft geen eigen algemeen of dagelijks bestuur",
                )


OPENBAAR_LICHAAM_ONLY = {f"WGR-{n:02d}" for n in range(1, 15)}


def wgr_toets(region: Region) -> list[Uitkomst]:
    """Judge every rule; rules 1-14 only when the region sets up an openbaar lichaam."""
    if region.bestuur is None and region.regeling is None:
        return []
    toets = _Toets(region)
    vorm = region.bestuur.vorm if region.bestuur else "openbaar-lichaam"
    uitkomsten = []
    for regel, fn in RULES:
        if regel.code in OPENBAAR_LICHAAM_ONLY and vorm != "openbaar-lichaam":
            continue
        uitkomst = Uitkomst(regel, voldaan=True)
        fn(toets, uitkomst)
        uitkomst.voldaan = not uitkomst.meldingen
        uitkomst.vindplaats = list(dict.fromkeys(uitkomst.vindplaats))
        uitkomsten.append(uitkomst)
    return uitkomsten
