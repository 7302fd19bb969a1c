"""What every document view shares: the job a view produces, its Word metadata, and the
values that may differ between the municipalities' versions of a document.

Per-municipality values live only in ``GemeenteView``; ``masked`` replaces them with
placeholders, so the consistency check can prove that five versions differ only there.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from datetime import date
from pathlib import PurePosixPath
from typing import Any

from regiodocs import fmt
from regiodocs.content.facts import Facts
from regiodocs.content.models.besluiten import Bijlage
from regiodocs.content.models.regeling import Regeling
from regiodocs.content.models.regio import Deelnemer, Huisstijl
from regiodocs.governance.verdeelsleutel import bijdragen
from regiodocs.output.template import Sjabloon

DEFAULT_HUISSTIJL = Huisstijl(id="standaard")
KINDS = ("regiovisie", "regeling", "raadsvoorstel", "raadsbesluit", "raadsinformatiebrief")
EXTRA_KINDS = ("wgr-toets", "reactienota", "afweging", "toekomstnotitie", "wgr-vorm", "overgang")
PER_GEMEENTE_KINDS = ("raadsvoorstel", "raadsbesluit", "raadsinformatiebrief")
# The date regional documents carry when the region has no regeling to take it from.
FALLBACK_DATUM = date(2025, 1, 1)
# Under a signature without a name in the content: a line to sign on.
SIGNATURE_LINE = "." * 34


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
    # The house style's own Word template, when it has one (else generated from huisstijl).
    sjabloon: Sjabloon | None = None


@dataclass(frozen=True)
class Job:
    kind: str
    template: str
    output: PurePosixPath  # relative to build/, without suffix
    context: dict[str, Any]
    meta: DocMeta
    gemeente: str | None = None  # the municipality's id for its own documents


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
    # Name lines under the signatures: the official's name, or a line to sign on.
    burgemeester: str
    secretaris: str
    griffier: str
    bijdragen: list[BijdrageRegel] = field(default_factory=list)


# Placeholders are wrapped in private-use characters, which content can never contain (the
# text policy shows them as markers), so text like "⟦naam⟧" in the YAML stays literal.
PLACEHOLDER_OPEN, PLACEHOLDER_CLOSE = "\ue000", "\ue001"


def _placeholder(name: str) -> str:
    return f"{PLACEHOLDER_OPEN}{name}{PLACEHOLDER_CLOSE}"


def masked(view: GemeenteView) -> GemeenteView:
    """The same view with every per-municipality value replaced by a placeholder."""
    values: dict[str, Any] = {
        f.name: _placeholder(f.name) for f in fields(view) if f.name != "bijdragen"
    }
    values["bijdragen"] = [
        replace(b, bijdrage=_placeholder(f"bijdrage.{i}")) for i, b in enumerate(view.bijdragen)
    ]
    return GemeenteView(**values)


def placeholder_values(view: GemeenteView) -> dict[str, str]:
    """Placeholder -> real value, the inverse of ``masked`` for one municipality."""
    values = {
        _placeholder(f.name): str(getattr(view, f.name))
        for f in fields(view)
        if f.name != "bijdragen"
    }
    values.update({_placeholder(f"bijdrage.{i}"): b.bijdrage for i, b in enumerate(view.bijdragen)})
    return values


def house_style(facts: Facts, deelnemer: Deelnemer | None) -> Huisstijl:
    """A municipality's house style; for ``None`` the region's (regio.yaml ``huisstijl``)."""
    regio = facts.region.regio
    wanted = deelnemer.huisstijl if deelnemer else regio.huisstijl
    if wanted:
        return {h.id: h for h in regio.huisstijlen}[wanted]
    return DEFAULT_HUISSTIJL


def template_of(facts: Facts, style: Huisstijl) -> Sjabloon | None:
    """The Word template of a house style, when it names one."""
    return facts.sjablonen.get(style.id) if style.sjabloon else None


def verdeelsleutel_rows(facts: Facts) -> list[dict[str, str]]:
    return [
        {
            "gemeente": d.naam,
            "inwoners": fmt.getal(d.inwoners.aantal),
            "peildatum": fmt.datum(d.inwoners.peildatum),
            "aandeel": fmt.procent(facts.sleutel[d.id].procent, facts.decimalen),
        }
        for d in facts.region.regio.deelnemers
    ]


def versie_regel(regeling: Regeling) -> str:
    """'versie 0.4 van 16 november 2026': the one human line that identifies a text."""
    return f"versie {regeling.versie} van {fmt.datum(regeling.datum_versie)}"


def bijlagen_lines(facts: Facts, bijlagen: list[Bijlage]) -> list[str]:
    """Attachment titles; the regeling with its version in words. Fingerprints stay out of
    the text: they go to the document properties (``bijlage_eigenschappen``)."""
    regeling = facts.region.regeling
    out = []
    for b in bijlagen:
        if b.document == "regeling" and regeling is not None:
            out.append(f"{b.titel} ({versie_regel(regeling)})")
        else:
            out.append(b.titel)
    return out


def bijlage_eigenschappen(facts: Facts, bijlagen: list[Bijlage]) -> tuple[tuple[str, str], ...]:
    """Document properties naming the fingerprint of each attached regiodocs document."""
    return tuple(
        (f"Vingerafdruk {b.document}", facts.fingerprints[b.document])
        for b in bijlagen
        if b.document and b.document in facts.fingerprints
    )


def gemeente_view(
    facts: Facts,
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
    if facts.region.financien:
        by_id = {p.id: p for p in facts.region.financien.begrotingsposten}
        for post_id in posten:
            post = by_id[post_id]
            share = bijdragen(post.bedrag, facts.sleutel)[d.id]
            regels.append(
                BijdrageRegel(
                    post.omschrijving,
                    post.soort,
                    post.jaar,
                    fmt.bedrag(post.bedrag, centen=True),  # one amount format everywhere
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
        aandeel=fmt.procent(facts.sleutel[d.id].procent, facts.decimalen),
        burgemeester=(d.ondertekening and d.ondertekening.burgemeester) or SIGNATURE_LINE,
        secretaris=(d.ondertekening and d.ondertekening.secretaris) or SIGNATURE_LINE,
        griffier=(d.ondertekening and d.ondertekening.griffier) or SIGNATURE_LINE,
        bijdragen=regels,
    )
    return masked(view) if mask else view


def regional_job(
    facts: Facts,
    kind: str,
    name: str,
    context: dict[str, Any],
    *,
    title: str,
    subject: str,
    author: str,
    kenmerk: str | None,
    datum: date,
    eigenschappen: tuple[tuple[str, str], ...] = (),
) -> Job:
    """A document for the whole region: the region's house style, written to build/regio/."""
    meta = DocMeta(
        title=title,
        subject=subject,
        author=author,
        gemeente=None,
        kenmerk=kenmerk,
        datum=datum,
        huisstijl=(style := house_style(facts, None)),
        eigenschappen=eigenschappen,
        sjabloon=template_of(facts, style),
    )
    output = PurePosixPath("regio", f"{facts.region.regio.id}-{name}")
    return Job(kind, f"{kind}.md.j2", output, context, meta)


def municipal_meta(
    facts: Facts,
    soort: str,
    onderwerp: str,
    d: Deelnemer,
    kenmerk: str,
    datum: date,
    author: str,
    eigenschappen: tuple[tuple[str, str], ...] = (),
) -> DocMeta:
    """Metadata of one municipality's version: its house style, its kenmerk, its properties."""
    return DocMeta(
        eigenschappen=eigenschappen,
        title=f"{soort}: {onderwerp}",
        subject=onderwerp,
        author=author,
        gemeente=d.officiele_naam,
        kenmerk=d.kenmerk(kenmerk, datum),
        datum=datum,
        huisstijl=(style := house_style(facts, d)),
        sjabloon=template_of(facts, style),
    )
