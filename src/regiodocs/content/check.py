"""Check stage: what the schema cannot see. Unique ids, references that resolve, per-municipality
data complete and in order, Ar citation style. Returns diagnostics; raises nothing.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import cast

from regiodocs import fmt
from regiodocs.content.facts import Facts
from regiodocs.content.load import SourceFile, display_path, load_yaml_file
from regiodocs.content.models.afwegingskader import Opgave
from regiodocs.content.models.besluiten import Raadsvoorstel
from regiodocs.content.models.regeling import BEKENDE_ONDERWERPEN, Regeling
from regiodocs.content.models.regio import Deelnemer
from regiodocs.content.models.taken import Taak
from regiodocs.content.region import Region
from regiodocs.diagnostics import ContentError, Diagnostic, YamlPath
from regiodocs.legal.numbering import (
    FORBIDDEN_CITATION,
    HANDWRITTEN_CITATION,
    REFERENCE,
    Address,
    VerwijzingFout,
    enacted_numbers,
    iter_articles,
    lid_numbers,
    parse_reference,
)
from regiodocs.output.fonts import fallback_message, is_shipped
from regiodocs.output.template import read_template, template_fonts


@dataclass
class _Findings:
    items: list[Diagnostic] = field(default_factory=list)

    def error(self, source: SourceFile, path: YamlPath, message: str, *, key: bool = False) -> None:
        self.items.append(source.diagnostic(path, message, key=key))

    def warn(self, source: SourceFile, path: YamlPath, message: str) -> None:
        self.items.append(source.diagnostic(path, message, warning=True))

    def unique(
        self, source: SourceFile, entries: Iterable[tuple[str, YamlPath]], what: str
    ) -> None:
        seen: dict[str, YamlPath] = {}
        for ident, path in entries:
            if ident in seen:
                line, _ = source.locate(seen[ident])
                self.error(
                    source,
                    path,
                    f"{what} '{ident}' komt al voor (regel {line}); ids moeten uniek zijn",
                )
            else:
                seen[ident] = path


def check_region(
    region: Region, *, wgr: bool = True, facts: Facts | None = None
) -> list[Diagnostic]:
    """All semantic findings (errors and warnings) for a validated region; with the Wgr-toets.

    The figures the checks compute (numbering, cost key, votes, Wgr outcomes) stay in
    ``facts`` for the documents.
    """
    facts = facts or Facts(region)
    found = _Findings()
    _check_regio(region, found)
    _check_visie(region, found)
    _check_bestuur_en_taken(region, found)
    _check_financien(region, facts, found)
    _check_peildatum(region, found)
    _check_regeling(region, facts, found)
    _check_besluiten(region, found)
    _check_consultatie(region, facts, found)
    _check_afwegingskader(region, found)
    _check_opgaven(region, found)
    _check_stemverhouding(region, facts, found)
    _check_tijdlijn(region, found)
    _check_wgrvorm(region, found)
    _check_toekomstnotitie(region, found)
    _check_overgang(region, facts, found)
    _check_shared_municipal_folders(region, found)
    if wgr and not any(d.severity == "fout" for d in found.items):
        from regiodocs.legal.wgr import voorstel_meldingen

        uitkomsten = facts.wgr
        for uitkomst in uitkomsten:
            found.items.extend(uitkomst.meldingen)
        found.items.extend(voorstel_meldingen(region, uitkomsten))
    return found.items


MIN_CONTRAST = 4.5


def contrast_op_wit(kleur: str) -> float:
    """WCAG 2.1 contrast ratio of a '#RRGGBB' colour against white (1.0 to 21.0)."""
    channels = [int(kleur.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return 1.05 / (luminance + 0.05)


def _check_regio(region: Region, found: _Findings) -> None:
    src = region.source("regio")
    regio = region.regio
    found.unique(
        src, ((d.id, ("deelnemers", i, "id")) for i, d in enumerate(regio.deelnemers)), "deelnemer"
    )
    found.unique(
        src,
        ((h.id, ("huisstijlen", i, "id")) for i, h in enumerate(regio.huisstijlen)),
        "huisstijl",
    )
    styles = {h.id for h in regio.huisstijlen}
    for i, h in enumerate(regio.huisstijlen):
        for veld in ("kleur_koppen", "kleur_accent"):
            kleur = getattr(h, veld)
            ratio = contrast_op_wit(kleur)
            if ratio < MIN_CONTRAST:
                found.error(
                    src,
                    ("huisstijlen", i, veld),
                    f"kleur {kleur} heeft een contrast van {ratio:.1f}:1 op wit; tekst vraagt "
                    f"ten minste {MIN_CONTRAST}:1 (WCAG 2.1, 1.4.3): kies een donkerder tint",
                )
    if regio.huisstijl and regio.huisstijl not in styles:
        found.error(src, ("huisstijl",), _unknown("huisstijl", regio.huisstijl, styles))
    for i, h in enumerate(regio.huisstijlen):
        if h.sjabloon is not None:
            path = region.raw.folder / h.sjabloon
            inside = path.resolve().is_relative_to(region.raw.folder.resolve())
            problem = (
                read_template(path)
                if inside
                else f"het sjabloon moet in de map van de regio staan ({region.raw.folder.name}/), "
                "bijvoorbeeld in huisstijl/"
            )
            if isinstance(problem, str):
                found.error(
                    src,
                    ("huisstijlen", i, "sjabloon"),
                    f"Word-sjabloon {display_path(path)}: {problem}",
                )
            else:  # the PDF takes its fonts from the template (output/pdf.py)
                for style, font in template_fonts(problem).items():
                    if not is_shipped(font):
                        found.warn(
                            src,
                            ("huisstijlen", i, "sjabloon"),
                            f"Word-sjabloon {display_path(path)}, stijl '{style}': "
                            + fallback_message(font),
                        )
        else:
            for veld in ("lettertype", "lettertype_koppen"):
                font = getattr(h, veld)
                if font is not None and not is_shipped(font):
                    found.warn(src, ("huisstijlen", i, veld), fallback_message(font))
    for i, d in enumerate(regio.deelnemers):
        if d.huisstijl and d.huisstijl not in styles:
            found.error(
                src, ("deelnemers", i, "huisstijl"), _unknown("huisstijl", d.huisstijl, styles)
            )
        dates = d.raadsvergaderingen
        if list(dates) != sorted(set(dates)):
            found.error(
                src,
                ("deelnemers", i, "raadsvergaderingen"),
                "raadsvergaderingen moeten oplopend en zonder dubbele data staan",
            )


def _visie_entries(region: Region) -> list[tuple[str, YamlPath]]:
    """Every id in visie.yaml with its path; they share one namespace (references use them)."""
    v = region.visie
    entries: list[tuple[str, YamlPath]] = []
    for name in (
        "uitdagingen",
        "leerniveaus",
        "uitgangspunten",
        "doelen",
        "randvoorwaarden",
        "planning",
        "mijlpalen",
    ):
        entries += [(item.id, (name, i, "id")) for i, item in enumerate(getattr(v, name))]
    if v.zorggebruik:
        entries += [
            (t.id, ("zorggebruik", "tabellen", i, "id"))
            for i, t in enumerate(v.zorggebruik.tabellen)
        ]
    if v.samenwerking:
        for name in ("hervormingsagenda", "principes", "onderdelen"):
            entries += [
                (p.id, ("samenwerking", name, i, "id"))
                for i, p in enumerate(getattr(v.samenwerking, name))
            ]
    return entries


def _check_visie(region: Region, found: _Findings) -> None:
    src = region.source("visie")
    v = region.visie
    found.unique(src, _visie_entries(region), "id")
    for t, tabel in enumerate(v.zorggebruik.tabellen if v.zorggebruik else []):
        for r, rij in enumerate(tabel.rijen):
            if len(rij.waarden) != len(tabel.kolommen):
                found.error(
                    src,
                    ("zorggebruik", "tabellen", t, "rijen", r, "waarden"),
                    f"deze rij heeft {len(rij.waarden)} waarden, maar de tabel heeft "
                    f"{len(tabel.kolommen)} kolommen ({', '.join(tabel.kolommen)}); "
                    "gebruik null voor een onbekende waarde",
                )
    uiterlijk = [i for i, m in enumerate(v.mijlpalen) if m.regeling_uiterlijk]
    for i in uiterlijk[1:]:
        found.error(
            src,
            ("mijlpalen", i, "regeling_uiterlijk"),
            "maar één mijlpaal kan de uiterlijke datum van de gemeenschappelijke regeling zijn",
        )


def visie_ids(region: Region) -> set[str]:
    return {ident for ident, _ in _visie_entries(region)}


def _check_bestuur_en_taken(region: Region, found: _Findings) -> None:
    organen: set[str] = set()
    if region.bestuur:
        src = region.source("bestuur")
        b = region.bestuur
        found.unique(src, ((o.id, ("organen", i, "id")) for i, o in enumerate(b.organen)), "orgaan")
        organen = {o.id for o in b.organen}
        bevoegdheden = [
            (bv.id, ("organen", i, "bevoegdheden", j, "id"))
            for i, o in enumerate(b.organen)
            for j, bv in enumerate(o.bevoegdheden)
        ]
        found.unique(src, bevoegdheden, "bevoegdheid")
        by_id = {o.id: o for o in b.organen}
        for i, o in enumerate(b.organen):
            seen_chain = [o.id]
            nxt = o.uit_midden_van
            while nxt in by_id and nxt not in seen_chain:
                seen_chain.append(nxt)
                nxt = by_id[nxt].uit_midden_van
            if nxt in seen_chain:
                found.error(
                    src,
                    ("organen", i, "uit_midden_van"),
                    f"kring in 'uit_midden_van': {' -> '.join([*seen_chain, nxt])}; een orgaan kan niet (via andere) uit zichzelf worden samengesteld",
                )
        for i, o in enumerate(b.organen):
            if o.uit_midden_van and o.uit_midden_van not in organen:
                found.error(
                    src,
                    ("organen", i, "uit_midden_van"),
                    _unknown("orgaan", o.uit_midden_van, organen),
                )
        for i, h in enumerate(b.huidige_overleggen):
            if h.opvolger and h.opvolger not in organen:
                found.error(
                    src,
                    ("huidige_overleggen", i, "opvolger"),
                    _unknown("orgaan", h.opvolger, organen),
                )
    if region.taken is None:
        return
    src = region.source("taken")
    found.unique(
        src, ((t.id, ("taken", i, "id")) for i, t in enumerate(region.taken.taken)), "taak"
    )
    artikelen = {a.id for *_, a, _ in iter_articles(region.regeling)} if region.regeling else set()
    for i, t in enumerate(region.taken.taken):
        if t.plaatsing == "regionaal" and not t.belegd_bij:
            found.error(
                src,
                ("taken", i),
                f"regionale taak '{t.id}' heeft geen orgaan dat haar draagt; vul 'belegd_bij' in",
            )
        if t.belegd_bij and region.bestuur and t.belegd_bij not in organen:
            found.error(src, ("taken", i, "belegd_bij"), _unknown("orgaan", t.belegd_bij, organen))
        if t.artikel and region.regeling and t.artikel not in artikelen:
            found.error(src, ("taken", i, "artikel"), _unknown("artikel", t.artikel, artikelen))


def _check_financien(region: Region, facts: Facts, found: _Findings) -> None:
    # The documents show each share even without financien.yaml (then with two decimals).
    sleutel = facts.sleutel
    for i, d in enumerate(region.regio.deelnemers):
        if sleutel[d.id].procent == 0:
            found.warn(
                region.source("regio"),
                ("deelnemers", i, "inwoners", "aantal"),
                f"het aandeel van {d.naam} in de verdeelsleutel rondt af op 0%: {d.naam} betaalt dan niets",
            )
    if region.financien is None:
        return
    src = region.source("financien")
    posten = region.financien.begrotingsposten
    found.unique(
        src, ((p.id, ("begrotingsposten", i, "id")) for i, p in enumerate(posten)), "begrotingspost"
    )
    taken = {t.id for t in region.taken.taken} if region.taken else set()
    for i, p in enumerate(posten):
        if p.taak and p.taak not in taken:
            found.error(src, ("begrotingsposten", i, "taak"), _unknown("taak", p.taak, taken))


def _check_peildatum(region: Region, found: _Findings) -> None:
    """The inwoners figures name their peildatum, and it is the one the cost key asks for each
    begrotingsjaar shared out (the rule of financien.yaml, the same words as the regeling)."""
    from regiodocs.legal.peildatum import VOORBEELD, lees_regel

    if region.financien is None:
        return
    src = region.source("financien")
    sleutel = region.financien.verdeelsleutel
    regel = lees_regel(sleutel.peildatum_regel)
    if regel is None:
        found.error(
            src,
            ("verdeelsleutel", "peildatum_regel"),
            f"regiodocs kan de peildatum '{sleutel.peildatum_regel}' niet lezen; schrijf "
            f"bijvoorbeeld '{VOORBEELD}'",
        )
        return
    regeling = region.regeling
    for *_, artikel, path in iter_articles(regeling) if regeling else []:
        if "verdeelsleutel" not in artikel.regelt:
            continue
        tekst = " ".join(lid.tekst for lid in artikel.leden)
        gedrukt = lees_regel(tekst, geheel=False)
        if gedrukt != regel:
            noemt = "noemt een andere peildatum" if gedrukt else "noemt geen peildatum"
            found.error(
                region.source("regeling"),
                (*path, "leden"),
                f"het artikel over de verdeelsleutel {noemt} dan financien.yaml "
                f"({_where(src, ('verdeelsleutel', 'peildatum_regel'))}: "
                f"'{sleutel.peildatum_regel}'); de inwonertallen volgen de regeling",
            )
    regio = region.source("regio")
    deelnemers = region.regio.deelnemers
    for i, d in enumerate(deelnemers):
        if not regel.valt_op(d.inwoners.peildatum):
            found.error(
                regio,
                ("deelnemers", i, "inwoners", "peildatum"),
                f"het inwonertal van {d.naam} heeft peildatum {fmt.datum(d.inwoners.peildatum)}; "
                f"de verdeelsleutel rekent met inwoners op {sleutel.peildatum_regel} "
                f"({_where(src, ('verdeelsleutel', 'peildatum_regel'))})",
            )
    te_oud = False
    for j, post in enumerate(region.financien.begrotingsposten):
        nodig = regel.voor(post.jaar)
        for i, d in enumerate(deelnemers):
            if d.inwoners.peildatum > nodig:
                found.error(
                    regio,
                    ("deelnemers", i, "inwoners", "peildatum"),
                    f"het inwonertal van {d.naam} is van {fmt.datum(d.inwoners.peildatum)}, na de "
                    f"peildatum {fmt.datum(nodig)} die de verdeelsleutel vraagt voor begrotingsjaar "
                    f"{post.jaar} (begrotingspost '{post.id}', {_where(src, ('begrotingsposten', j, 'jaar'))})",
                )
        ouder = sorted({d.inwoners.peildatum for d in deelnemers if d.inwoners.peildatum < nodig})
        if not ouder:
            continue
        te_oud = True
        if sleutel.raming is None:
            found.warn(
                src,
                ("begrotingsposten", j, "jaar"),
                f"de bijdragen voor begrotingspost '{post.id}' ({post.jaar}) zijn berekend met "
                f"inwonertallen op {fmt.opsomming([fmt.datum(p) for p in ouder])}; de "
                f"verdeelsleutel vraagt {fmt.datum(nodig)}. Werk de inwonertallen in regio.yaml "
                "bij, of zeg onder 'raming' bij de verdeelsleutel waarmee is gerekend (dat komt "
                "in de documenten)",
            )
    if sleutel.raming is not None and not te_oud:
        found.warn(
            src,
            ("verdeelsleutel", "raming"),
            "de inwonertallen liggen op de peildatum voor ieder begrotingsjaar; de 'raming' is "
            "niet meer nodig en zou de documenten iets onjuists laten zeggen",
        )


def _where(src: SourceFile, path: YamlPath) -> str:
    line, _ = src.locate(path)
    return f"{src.path.name}:{line}"


def _check_regeling(region: Region, facts: Facts, found: _Findings) -> None:
    regeling = region.regeling
    if regeling is None:
        return
    src = region.source("regeling")
    entries: list[tuple[str, YamlPath]] = []
    for h, hoofdstuk in enumerate(regeling.hoofdstukken):
        entries.append((hoofdstuk.id, ("hoofdstukken", h, "id")))
        entries += [
            (p.id, ("hoofdstukken", h, "paragrafen", i, "id"))
            for i, p in enumerate(hoofdstuk.paragrafen)
        ]
    for *_, artikel, path in iter_articles(regeling):
        entries.append((artikel.id, (*path, "id")))
        for i, subject in enumerate(artikel.regelt):
            if subject in BEKENDE_ONDERWERPEN:
                continue
            close = difflib.get_close_matches(subject, BEKENDE_ONDERWERPEN, n=1, cutoff=0.8)
            if close:
                found.warn(
                    src,
                    (*path, "regelt", i),
                    f"onbekend onderwerp '{subject}'; bedoelde u '{close[0]}'? Een eigen onderwerp mag, maar de Wgr-toets kijkt er niet naar",
                )
        found.unique(
            src,
            ((lid.id, (*path, "leden", i, "id")) for i, lid in enumerate(artikel.leden) if lid.id),
            f"lid in artikel '{artikel.id}'",
        )
        for i, lid in enumerate(artikel.leden):
            found.unique(
                src,
                (
                    (o.id, (*path, "leden", i, "onderdelen", j, "id"))
                    for j, o in enumerate(lid.onderdelen)
                    if o.id
                ),
                "onderdeel",
            )
    found.unique(src, entries, "id")
    _check_enacted_numbers(regeling, src, found)
    # An imported regeling is checked on its own, without regio.yaml around it.
    deelnemers = {d.id for d in region.regio.deelnemers} if region.regio is not None else set()
    for gemeente in regeling.vastgesteld if region.regio is not None else []:
        if gemeente not in deelnemers:
            found.error(src, ("vastgesteld", gemeente), _unknown("gemeente", gemeente, deelnemers))
    index = facts.numbering
    for *_, artikel, path in iter_articles(regeling):
        for i, lid in enumerate(artikel.leden):
            texts: list[tuple[str, YamlPath]] = [(lid.tekst, (*path, "leden", i, "tekst"))]
            for j, o in enumerate(lid.onderdelen):
                texts.append((o.tekst, (*path, "leden", i, "onderdelen", j, "tekst")))
                texts += [
                    (s.tekst, (*path, "leden", i, "onderdelen", j, "subonderdelen", k, "tekst"))
                    for k, s in enumerate(o.subonderdelen)
                ]
            for text, text_path in texts:
                _check_legal_text(text, text_path, index, src, found)
                _check_handwritten(text, text_path, src, found)
        if artikel.toelichting:
            _check_references(artikel.toelichting, (*path, "toelichting"), index, src, found)
            _check_handwritten(artikel.toelichting, (*path, "toelichting"), src, found)
        elif any(a.toelichting for *_, a, _ in iter_articles(regeling)):
            found.warn(
                src,
                (*path, "id"),
                f"artikel '{artikel.id}' heeft geen artikelsgewijze toelichting",
            )
    if not any(a.toelichting for *_, a, _ in iter_articles(regeling)):
        found.warn(src, ("hoofdstukken",), "de regeling heeft geen artikelsgewijze toelichting")
    _check_stale_toelichting(region, src, found)
    _check_parameters(region, src, found)


def _check_parameters(region: Region, src: SourceFile, found: _Findings) -> None:
    """Every ((naam)) in the text has a value (load_checked filled in the known ones)."""
    from regiodocs.legal.parameters import unknown_parameters

    assert region.regeling is not None
    for path, naam, known in unknown_parameters(region.regeling, region.bestuur):
        if naam == "stemmen-per-lid" and region.bestuur is not None:
            found.error(
                src,
                path,
                "((stemmen-per-lid)) geldt alleen bij gelijke stemmen, maar de stemverhouding in "
                f"bestuur.yaml is '{region.bestuur.stemverhouding.soort}': schrijf in dit lid "
                "hoe de stemmen verdeeld zijn (de stemtabel volgt uit bestuur.yaml)",
            )
            continue
        found.error(src, path, _unknown("waarde", f"(({naam}))", {f"(({k}))" for k in known}))


def _check_stale_toelichting(region: Region, src: SourceFile, found: _Findings) -> None:
    """A toelichting records the fingerprint of the article text it explains (``toelichting_bij``,
    like a beoordeling); when the article text changes, the toelichting may be out of date.

    Once any article records one, an explained article without one is reported too.
    """
    from regiodocs.legal.wgr import printed_articles

    try:
        gedrukt = printed_articles(region)
    except VerwijzingFout:
        return  # the text cannot be printed; the reference is reported as an error already
    bound = any(g.artikel.toelichting_bij for g in gedrukt)
    for g in gedrukt:
        artikel = g.artikel
        if not artikel.toelichting:
            continue
        if artikel.toelichting_bij is None:
            if bound:
                found.warn(
                    src,
                    (*g.path, "toelichting"),
                    f"de toelichting bij {g.nummer} noemt niet bij welke tekst van het artikel zij "
                    f"hoort; zet na het nalezen 'toelichting_bij: {g.vingerafdruk}'",
                )
        elif artikel.toelichting_bij != g.vingerafdruk:
            found.warn(
                src,
                (*g.path, "toelichting_bij"),
                f"de toelichting bij {g.nummer} is geschreven bij een andere tekst van het artikel "
                f"(vingerafdruk {artikel.toelichting_bij}, nu {g.vingerafdruk}) en kan verouderd "
                f"zijn; lees haar na en zet dan 'toelichting_bij: {g.vingerafdruk}'",
            )


def _check_handwritten(text: str, path: YamlPath, src: SourceFile, found: _Findings) -> None:
    match = HANDWRITTEN_CITATION.search(REFERENCE.sub("", text))
    if match:
        found.warn(
            src,
            path,
            f"verwijzing '{match.group(0)}' met de hand geschreven; gebruik [[id]], dan blijft zij kloppen als de nummering verandert",
        )


def _number_key(nummer: str) -> tuple[int, str]:
    digits = re.match(r"\d+", nummer)
    return (int(digits.group(0)) if digits else 0, nummer[digits.end() if digits else 0 :].lower())


def _check_enacted_numbers(regeling: Regeling, src: SourceFile, found: _Findings) -> None:
    """A recorded number ('nummer: 5a') must come after the number before it."""
    enacted = enacted_numbers(regeling)
    previous: str | None = None
    for *_, artikel, path in iter_articles(regeling):
        nummer = enacted.artikelen[artikel.id]
        if previous is not None and _number_key(nummer) <= _number_key(previous):
            found.error(
                src,
                (*path, "nummer"),
                f"artikelnummer {nummer} volgt op artikel {previous}; nummers lopen op (5, 5a, 6)",
            )
        previous = nummer
        leden = lid_numbers(artikel.leden)
        for i, lid in enumerate(artikel.leden):
            if lid.nummer is not None and len(artikel.leden) == 1:
                found.error(
                    src,
                    (*path, "leden", i, "nummer"),
                    "een artikel met één lid heeft geen lidnummer; laat 'nummer' weg",
                )
            elif i > 0 and _number_key(leden[i]) <= _number_key(leden[i - 1]):
                found.error(
                    src,
                    (*path, "leden", i, "nummer"),
                    f"lidnummer {leden[i]} volgt op lid {leden[i - 1]}; nummers lopen op (2, 2a, 3)",
                )
    chapter: str | None = None
    for h, hoofdstuk in enumerate(regeling.hoofdstukken):
        nummer = enacted.hoofdstukken[hoofdstuk.id]
        if chapter is not None and _number_key(nummer) <= _number_key(chapter):
            found.error(
                src,
                ("hoofdstukken", h, "nummer"),
                f"hoofdstuknummer {nummer} volgt op hoofdstuk {chapter}; nummers lopen op",
            )
        chapter = nummer


def _check_legal_text(
    text: str, path: YamlPath, index: Mapping[str, object], src: SourceFile, found: _Findings
) -> None:
    plain = REFERENCE.sub("", text)
    match = FORBIDDEN_CITATION.search(plain)
    if match:
        found.error(
            src,
            path,
            f"verwijzing '{match.group(0)}' met de hand geschreven; gebruik [[id]] zodat regiodocs 'artikel 7, tweede lid, onderdeel b' schrijft",
        )
    _check_references(text, path, index, src, found)


def _check_references(
    text: str,
    path: YamlPath,
    index: Mapping[str, object],
    src: SourceFile,
    found: _Findings,
    extra: set[str] | None = None,
) -> None:
    for match in REFERENCE.finditer(text):
        key = match.group(1).strip()
        if extra and key in extra:
            continue
        try:
            parse_reference(key, cast("Mapping[str, Address]", index))
        except VerwijzingFout as e:
            message = str(e)
            if e.unknown is not None:
                message = _unknown("verwijzing naar", e.unknown, set(index) | (extra or set()))
                if e.unknown != key:
                    message += f" (in '[[{key}]]')"
            found.error(src, path, message)


def _check_besluiten(region: Region, found: _Findings) -> None:
    deelnemers = {d.id: d for d in region.regio.deelnemers}
    posten = {p.id for p in region.financien.begrotingsposten} if region.financien else set()
    seen: dict[str, str] = {}
    for section in ("raadsvoorstellen", "informatiebrieven"):
        for n, doc in enumerate(getattr(region, section)):
            src = region.folder_source(section, n)
            if doc.id in seen:
                found.error(src, ("id",), f"id '{doc.id}' komt al voor in {seen[doc.id]}")
            seen[doc.id] = str(src.path)
            for gemeente in doc.per_gemeente:
                if gemeente not in deelnemers:
                    found.error(
                        src,
                        ("per_gemeente", gemeente),
                        _unknown("gemeente", gemeente, set(deelnemers)),
                        key=True,
                    )
            for gemeente in deelnemers:
                if gemeente not in doc.per_gemeente:
                    found.error(
                        src,
                        ("per_gemeente",),
                        f"gegevens voor gemeente '{gemeente}' ontbreken (vergaderdatum, kenmerk, ...)",
                    )
            for bijlage_i, bijlage in enumerate(doc.bijlagen):
                needed = {
                    "regeling": region.regeling,
                    "regiovisie": region.visie,
                    "reactienota": region.consultatie,
                    "wgr-toets": region.regeling,
                }
                if bijlage.document and needed.get(bijlage.document) is None:
                    found.error(
                        src,
                        ("bijlagen", bijlage_i, "document"),
                        f"bijlage '{bijlage.document}' kan niet gemaakt worden: de regio heeft die inhoud niet",
                    )
            if section == "raadsvoorstellen":
                _check_raadsvoorstel(doc, src, deelnemers, posten, found)


def _check_raadsvoorstel(
    doc: Raadsvoorstel,
    src: SourceFile,
    deelnemers: Mapping[str, Deelnemer],
    posten: set[str],
    found: _Findings,
) -> None:
    found.unique(
        src,
        ((p.id, ("gevraagd_besluit", i, "id")) for i, p in enumerate(doc.gevraagd_besluit)),
        "besluitpunt",
    )
    punten = [p.id for p in doc.gevraagd_besluit]
    for i, arg in enumerate(doc.argumenten):
        if arg.besluitpunt not in punten:
            found.error(
                src,
                ("argumenten", i, "besluitpunt"),
                _unknown("besluitpunt", arg.besluitpunt, set(punten)),
            )
    for i, punt in enumerate(doc.gevraagd_besluit):
        if not any(a.besluitpunt == punt.id for a in doc.argumenten):
            found.warn(src, ("gevraagd_besluit", i), f"besluitpunt '{punt.id}' heeft geen argument")
    for i, post in enumerate(doc.financiele_gevolgen.begrotingsposten):
        if post not in posten:
            found.error(
                src,
                ("financiele_gevolgen", "begrotingsposten", i),
                _unknown("begrotingspost", post, posten),
            )
    for gemeente, data in doc.per_gemeente.items():
        found.unique(
            src,
            (
                (lp.id, ("per_gemeente", gemeente, "lokale_paragrafen", i, "id"))
                for i, lp in enumerate(data.lokale_paragrafen)
            ),
            "lokale paragraaf",
        )
        deelnemer = deelnemers.get(gemeente)
        if deelnemer is None:
            continue
        if data.raadsvergadering not in deelnemer.raadsvergaderingen:
            dates = ", ".join(d.isoformat() for d in deelnemer.raadsvergaderingen)
            found.error(
                src,
                ("per_gemeente", gemeente, "raadsvergadering"),
                f"{data.raadsvergadering.isoformat()} is geen raadsvergadering van {deelnemer.naam}; bekend in regio.yaml: {dates}",
            )
        if data.collegebesluit >= data.raadsvergadering:
            found.error(
                src,
                ("per_gemeente", gemeente, "collegebesluit"),
                "het collegebesluit moet vóór de raadsvergadering liggen",
            )


def _check_consultatie(region: Region, facts: Facts, found: _Findings) -> None:
    if region.consultatie is None:
        return
    src = region.source("consultatie")
    bronnen = region.consultatie.bronnen
    found.unique(src, ((b.id, ("bronnen", i, "id")) for i, b in enumerate(bronnen)), "bron")
    found.unique(
        src,
        (
            (o.id, ("bronnen", i, "opmerkingen", j, "id"))
            for i, b in enumerate(bronnen)
            for j, o in enumerate(b.opmerkingen)
        ),
        "opmerking",
    )
    deelnemers = {d.id for d in region.regio.deelnemers}
    index = facts.numbering
    for i, bron in enumerate(bronnen):
        if bron.gemeente and bron.gemeente not in deelnemers:
            found.error(
                src, ("bronnen", i, "gemeente"), _unknown("gemeente", bron.gemeente, deelnemers)
            )
        for j, opmerking in enumerate(bron.opmerkingen):
            path: YamlPath = ("bronnen", i, "opmerkingen", j)
            if opmerking.afhandeling is None:
                found.warn(
                    src, path, f"opmerking '{opmerking.id}' heeft nog geen afhandeling (open)"
                )
            elif opmerking.afhandeling.verwijzing:
                _check_references(
                    opmerking.afhandeling.verwijzing,
                    (*path, "afhandeling", "verwijzing"),
                    index,
                    src,
                    found,
                    extra=visie_ids(region),
                )


def _check_afwegingskader(region: Region, found: _Findings) -> None:
    kader = region.afwegingskader
    if kader is None:
        return
    src = region.source("afwegingskader")
    entries = [(v.id, ("poortvragen", i, "id")) for i, v in enumerate(kader.poortvragen)]
    entries += [(v.id, ("vragen", i, "id")) for i, v in enumerate(kader.vragen)]
    found.unique(src, entries, "vraag")


def _check_opgaven(region: Region, found: _Findings) -> None:
    from regiodocs.governance.afweging import needed_questions, route

    kader = region.afwegingskader
    ids: dict[str, str] = {}
    for n, opgave in enumerate(region.opgaven):
        src = region.folder_source("opgaven", n)
        if opgave.id in ids:
            found.error(src, ("id",), f"opgave '{opgave.id}' komt al voor in {ids[opgave.id]}")
        ids.setdefault(opgave.id, str(src.path))
    deelnemers = {d.id: d for d in region.regio.deelnemers}
    taken = {t.id: (i, t) for i, t in enumerate(region.taken.taken)} if region.taken else {}
    for n, opgave in enumerate(region.opgaven):
        src = region.folder_source("opgaven", n)
        if kader is None:
            found.error(src, (), "er is geen afwegingskader.yaml om deze opgave mee te beoordelen")
            continue
        vragen = {v.id: v for v in (*kader.poortvragen, *kader.vragen)}
        seen: set[str] = set()
        for i, antwoord in enumerate(opgave.antwoorden):
            if antwoord.vraag not in vragen:
                found.error(
                    src, ("antwoorden", i, "vraag"), _unknown("vraag", antwoord.vraag, set(vragen))
                )
                continue
            if antwoord.vraag in seen:
                found.error(
                    src, ("antwoorden", i, "vraag"), f"vraag '{antwoord.vraag}' is al beantwoord"
                )
            seen.add(antwoord.vraag)
            if vragen[antwoord.vraag].motivatie_verplicht and not antwoord.motivatie:
                found.error(
                    src,
                    ("antwoorden", i),
                    f"het antwoord op '{antwoord.vraag}' heeft een motivatie nodig",
                )
        answers = {a.vraag: a.antwoord for a in opgave.antwoorden}
        missing = [v.id for v in needed_questions(kader, answers) if v.id not in seen]
        if missing:
            found.error(src, ("antwoorden",), f"geen antwoord op: {', '.join(missing)}")
            continue
        outcome = route(kader, answers)
        _check_keuze(opgave, outcome, src, found)
        _check_niet_meedoen(opgave, outcome, deelnemers, src, found)
        if opgave.taak is not None:
            if opgave.taak not in taken:
                if region.taken is None:
                    found.error(
                        src,
                        ("taak",),
                        f"taak '{opgave.taak}' kan niet worden gecontroleerd: de regio heeft geen taken.yaml",
                    )
                else:
                    found.error(src, ("taak",), _unknown("taak", opgave.taak, set(taken)))
                continue
            index, taak = taken[opgave.taak]
            _check_opgave_tegen_taak(region, opgave, outcome, index, taak, src, found)


def _check_keuze(opgave: Opgave, outcome: str, src: SourceFile, found: _Findings) -> None:
    if outcome == "lokaal":
        if opgave.keuze is not None:
            found.error(
                src,
                ("keuze",),
                "de uitkomst van het afwegingskader is lokaal (alle vragen nee); er valt niets "
                "samen voor te bereiden of uit te voeren: laat 'keuze' weg",
                key=True,
            )
    elif opgave.keuze is None:
        found.error(
            src,
            ("antwoorden",),
            "de antwoorden maken de opgave regionaal; leg de keuze vast: 'keuze: voorbereiding' "
            "(alleen de voorbereiding samen) of 'keuze: voorbereiding-en-uitvoering'",
        )


def _check_niet_meedoen(
    opgave: Opgave,
    outcome: str,
    deelnemers: Mapping[str, Deelnemer],
    src: SourceFile,
    found: _Findings,
) -> None:
    if opgave.niet_meedoen and outcome == "lokaal":
        found.error(
            src,
            ("niet_meedoen",),
            "niet meedoen kan alleen bij een regionale opgave; de uitkomst van het "
            "afwegingskader is lokaal",
            key=True,
        )
        return
    found.unique(
        src,
        ((m.gemeente, ("niet_meedoen", i, "gemeente")) for i, m in enumerate(opgave.niet_meedoen)),
        "gemeente",
    )
    for i, m in enumerate(opgave.niet_meedoen):
        if m.gemeente not in deelnemers:
            found.error(
                src,
                ("niet_meedoen", i, "gemeente"),
                _unknown("gemeente", m.gemeente, set(deelnemers)),
            )
    staying = {m.gemeente for m in opgave.niet_meedoen} & set(deelnemers)
    if deelnemers and len(staying) >= len(deelnemers) - 1:
        found.error(
            src,
            ("niet_meedoen",),
            f"{len(staying)} van de {len(deelnemers)} gemeenten doen niet mee; samenwerken "
            "vraagt ten minste twee gemeenten",
            key=True,
        )


def _check_opgave_tegen_taak(
    region: Region,
    opgave: Opgave,
    outcome: str,
    index: int,
    taak: Taak,
    src: SourceFile,
    found: _Findings,
) -> None:
    """The outcome of an opgave must agree with where taken.yaml places its task."""
    taken_src = region.source("taken")
    line, column = taken_src.locate(("taken", index, "plaatsing"))
    there = f"{taken_src.path}:{line}:{column}"
    if outcome == "lokaal" and taak.plaatsing == "regionaal":
        found.error(
            src,
            ("taak",),
            f"volgens het afwegingskader pakt iedere gemeente de opgave lokaal op, maar "
            f"taken.yaml belegt taak '{taak.id}' regionaal ({there}); pas de antwoorden of "
            "taken.yaml aan",
        )
    elif opgave.keuze == "voorbereiding-en-uitvoering" and taak.plaatsing in (
        "onderzoek",
        "lokaal",
    ):
        why = "wacht nog op onderzoek" if taak.plaatsing == "onderzoek" else "blijft lokaal"
        found.error(
            src,
            ("keuze",),
            f"de opgave komt uit als 'uitvoering samen', maar taak '{taak.id}' {why} volgens "
            f"taken.yaml ({there}, plaatsing: {taak.plaatsing}); kies 'voorbereiding' of pas "
            "taken.yaml aan",
        )


def _check_stemverhouding(region: Region, facts: Facts, found: _Findings) -> None:
    from regiodocs.governance.stemverhouding import StemverhoudingFout

    try:
        facts.stemmen  # noqa: B018 (computing the votes is the check)
    except StemverhoudingFout as exc:
        found.error(
            region.source("bestuur"),
            ("stemverhouding",),
            f"{exc} (art. 13, vierde lid, Wgr: een plafond moet dat voorkomen)",
        )


# A year written in a kenmerk: four digits (2025) or two digits between slashes (Z/25/).
_YEAR_IN_KENMERK = re.compile(r"(?<![0-9])(19[0-9]{2}|20[0-9]{2})(?![0-9])|(?<=/)([0-9]{2})(?=/)")


def _kenmerk_years(kenmerk: str) -> set[int]:
    years = set()
    for four, two in _YEAR_IN_KENMERK.findall(kenmerk):
        years.add(int(four) if four else 2000 + int(two))
    return years


def _check_kenmerk_jaar(
    kenmerk: str, datum: date, what: str, src: SourceFile, path: YamlPath, found: _Findings
) -> None:
    wrong = sorted(y for y in _kenmerk_years(kenmerk) if y != datum.year)
    if wrong:
        found.error(
            src,
            path,
            f"kenmerk '{kenmerk}' noemt het jaar {wrong[0]}, maar {what} is op "
            f"{fmt.datum(datum)}; het jaar in een kenmerk volgt uit de datum (schrijf "
            "{jaar} of {jj} in kenmerk_prefix in regio.yaml in plaats van een vast jaar)",
        )


def _check_tijdlijn(region: Region, found: _Findings) -> None:
    """Dates that must hold against each other: milestones, decisions, kenmerk years."""
    mijlpalen = {m.id: m for m in region.visie.mijlpalen}
    deelnemers = {d.id: d for d in region.regio.deelnemers}
    regeling = region.regeling
    for n, voorstel in enumerate(region.raadsvoorstellen):
        src = region.folder_source("raadsvoorstellen", n)
        for i, ident in enumerate(voorstel.voor):
            if ident not in mijlpalen:
                found.error(src, ("voor", i), _unknown("mijlpaal", ident, set(mijlpalen)))
        vorige: date | None = None
        for i, stap in enumerate(voorstel.voorgeschiedenis):
            if vorige and stap.datum < vorige:
                found.error(
                    src,
                    ("voorgeschiedenis", i, "datum"),
                    "de voorgeschiedenis moet in datumvolgorde staan: "
                    f"{fmt.datum(stap.datum)} ligt vóór de vorige stap ({fmt.datum(vorige)})",
                )
            vorige = stap.datum
            if stap.kenmerk:
                _check_kenmerk_jaar(
                    stap.kenmerk,
                    stap.datum,
                    f"deze {stap.soort}",
                    src,
                    ("voorgeschiedenis", i, "kenmerk"),
                    found,
                )
        if voorstel.per_gemeente:
            eerste, college = min(
                ((data.collegebesluit, g) for g, data in voorstel.per_gemeente.items()),
            )
            for i, stap in enumerate(voorstel.voorgeschiedenis):
                if stap.datum >= eerste:
                    found.error(
                        src,
                        ("voorgeschiedenis", i, "datum"),
                        f"deze stap ({fmt.datum(stap.datum)}) gaat aan het voorstel vooraf en moet "
                        f"vóór het eerste collegebesluit liggen ({college}, {fmt.datum(eerste)})",
                    )
        regeling_bijlage = regeling is not None and any(
            b.document == "regeling" for b in voorstel.bijlagen
        )
        for gemeente, data in voorstel.per_gemeente.items():
            path: YamlPath = ("per_gemeente", gemeente)
            vergadering = fmt.datum(data.raadsvergadering)
            for ident in voorstel.voor:
                m = mijlpalen.get(ident)
                if m and data.raadsvergadering >= m.datum:
                    found.error(
                        src,
                        (*path, "raadsvergadering"),
                        f"het besluit op {vergadering} komt te laat: het moet vallen vóór "
                        f"{fmt.datum(m.datum)}, de datum waarop {m.omschrijving} "
                        f"(mijlpaal '{m.id}' in visie.yaml, bron: {m.bron})",
                    )
            if (
                regeling_bijlage
                and regeling is not None
                and regeling.inwerkingtreding is not None
                and data.raadsvergadering >= regeling.inwerkingtreding
            ):
                found.error(
                    src,
                    (*path, "raadsvergadering"),
                    f"het besluit op {vergadering} over de regeling valt niet vóór haar "
                    f"inwerkingtreding op {fmt.datum(regeling.inwerkingtreding)} (regeling.yaml)",
                )
            d = deelnemers.get(gemeente)
            if d is not None:
                _check_kenmerk_jaar(
                    d.kenmerk(data.kenmerk, data.raadsvergadering),
                    data.raadsvergadering,
                    f"de raadsvergadering van {d.naam}",
                    src,
                    (*path, "kenmerk"),
                    found,
                )
    for n, brief in enumerate(region.informatiebrieven):
        src = region.folder_source("informatiebrieven", n)
        for gemeente, bdata in brief.per_gemeente.items():
            d = deelnemers.get(gemeente)
            if d is not None:
                _check_kenmerk_jaar(
                    d.kenmerk(bdata.kenmerk, bdata.datum),
                    bdata.datum,
                    f"de brief van {d.naam}",
                    src,
                    ("per_gemeente", gemeente, "kenmerk"),
                    found,
                )
    termijn = next((m for m in region.visie.mijlpalen if m.regeling_uiterlijk), None)
    if (
        regeling is not None
        and regeling.inwerkingtreding
        and termijn
        and regeling.inwerkingtreding > termijn.datum
    ):
        found.error(
            region.source("regeling"),
            ("inwerkingtreding",),
            f"de regeling treedt in werking op {fmt.datum(regeling.inwerkingtreding)}, na "
            f"{fmt.datum(termijn.datum)}: de regiovisie noemt die datum als uiterste termijn "
            f"({termijn.omschrijving}; bron: {termijn.bron}; mijlpaal '{termijn.id}' in visie.yaml)",
        )


def _check_toekomstnotitie(region: Region, found: _Findings) -> None:
    from regiodocs.fmt import maand_jaar

    notitie = region.toekomstnotitie
    if notitie is None:
        return
    src = region.source("toekomstnotitie")
    if maand_jaar(notitie.datum) is None:
        found.error(
            src,
            ("datum",),
            f"'{notitie.datum}' is geen maand met jaar; schrijf bijvoorbeeld 'oktober 2024'",
        )
    entries: list[tuple[str, YamlPath]] = []
    for name in ("principes", "capaciteit", "onderwerpen"):
        entries += [(item.id, (name, i, "id")) for i, item in enumerate(getattr(notitie, name))]
    found.unique(src, entries, "id")
    organen = [
        (o.id, ("governance", i, "organen", j, "id"))
        for i, lijn in enumerate(notitie.governance)
        for j, o in enumerate(lijn.organen)
    ]
    organen += [
        (o.id, ("afwijkingen", i, "organen", j, "id"))
        for i, af in enumerate(notitie.afwijkingen)
        for j, o in enumerate(af.organen)
    ]
    found.unique(
        src,
        [(lijn.id, ("governance", i, "id")) for i, lijn in enumerate(notitie.governance)],
        "lijn",
    )
    found.unique(src, organen, "overleg")


def _check_wgrvorm(region: Region, found: _Findings) -> None:
    """The Wgr-form advice: complete comparison, and an advice the region's facts support."""
    advies = region.wgrvorm
    if advies is None:
        return
    src = region.source("wgrvorm")
    found.unique(
        src, ((c.id, ("criteria", i, "id")) for i, c in enumerate(advies.criteria)), "criterium"
    )
    criteria = {c.id for c in advies.criteria}
    for i, v in enumerate(advies.vormen):
        for key in v.waarden:
            if key not in criteria:
                found.error(
                    src,
                    ("vormen", i, "waarden", key),
                    _unknown("criterium", key, criteria),
                    key=True,
                )
        for c in advies.criteria:
            if c.id not in v.waarden:
                found.error(
                    src,
                    ("vormen", i, "waarden"),
                    f"de vergelijking mist het criterium '{c.id}' voor {v.naam}",
                )
    vormen = [v.vorm for v in advies.vormen]
    if advies.advies not in vormen:
        found.error(
            src, ("advies",), f"het advies '{advies.advies}' staat niet bij de vergeleken vormen"
        )
        return
    if any(d.severity == "fout" for d in found.items):
        return
    from regiodocs.governance.wgrvorm import beoordeel

    uitkomst = next(u for u in beoordeel(region, advies) if u.vorm == advies.advies)
    if not uitkomst.past:
        found.error(
            src,
            ("advies",),
            f"het advies kiest '{advies.advies}', maar die vorm past niet bij de feiten van de "
            f"regio: {'; '.join(uitkomst.redenen)}",
        )
    if region.bestuur and region.bestuur.vorm != advies.advies:
        found.warn(
            src,
            ("advies",),
            f"het advies kiest '{advies.advies}', maar bestuur.yaml noemt de vorm "
            f"'{region.bestuur.vorm}'",
        )


def _check_overgang(region: Region, facts: Facts, found: _Findings) -> None:
    overgang = region.overgang
    if overgang is None:
        return
    src = region.source("overgang")
    huidige = {h.id for h in region.bestuur.huidige_overleggen} if region.bestuur else set()
    found.unique(
        src,
        ((t.overleg, ("overleggen", i, "overleg")) for i, t in enumerate(overgang.overleggen)),
        "overleg",
    )
    for i, t in enumerate(overgang.overleggen):
        if t.overleg not in huidige:
            found.error(
                src,
                ("overleggen", i, "overleg"),
                _unknown("overleg", t.overleg, huidige) + " in bestuur.yaml (huidige_overleggen)",
            )
    beschreven = {t.overleg for t in overgang.overleggen}
    for h in region.bestuur.huidige_overleggen if region.bestuur else []:
        if h.id not in beschreven:
            found.error(
                src,
                ("overleggen",),
                f"overleg '{h.id}' ({h.afkorting}) uit bestuur.yaml heeft hier geen beschrijving (wat)",
            )
    found.unique(
        src,
        ((o.id, ("onderwerpen", i, "id")) for i, o in enumerate(overgang.onderwerpen)),
        "onderwerp",
    )
    index = facts.numbering
    for i, o in enumerate(overgang.onderwerpen):
        if o.status == "geregeld" and not o.geregeld_in:
            found.error(
                src,
                ("onderwerpen", i, "status"),
                f"onderwerp '{o.id}' heet geregeld, maar noemt geen bepaling; vul 'geregeld_in' "
                "met [[id]] van de artikelen die het regelen",
            )
        for j, ref in enumerate(o.geregeld_in):
            path: YamlPath = ("onderwerpen", i, "geregeld_in", j)
            if not REFERENCE.fullmatch(ref.strip()):
                found.error(
                    src, path, f"verwacht een verwijzing als [[artikel-id]], gevonden '{ref}'"
                )
            else:
                _check_references(ref, path, index, src, found)


def _unknown(what: str, value: str, known: set[str]) -> str:
    import difflib

    close = difflib.get_close_matches(value, sorted(known), n=1, cutoff=0.6)
    hint = f"; bedoelde u '{close[0]}'?" if close else ""
    return f"{what} '{value}' bestaat niet{hint}"


def check_regeling_source(source: SourceFile) -> tuple[Regeling | None, list[Diagnostic]]:
    """Schema and regeling checks for a regeling file on its own (an imported one).

    The region around it is left empty: only the checks that read the regeling run.
    """
    from regiodocs.content.schema import validate_file

    try:
        regeling = validate_file(Regeling, source)
    except ContentError as exc:
        return None, exc.diagnostics
    region = region_for_regeling(source, regeling)
    found = _Findings()
    _check_regeling(region, Facts(region), found)
    return regeling, found.items


def region_for_regeling(source: SourceFile, regeling: Regeling) -> Region:
    """A region holding only this regeling, for the Wgr-toets of an imported text."""
    from regiodocs.content.load import RawRegion
    from regiodocs.content.models.regio import Regio
    from regiodocs.content.models.visie import Visie

    raw = RawRegion(
        region_id="import", folder=source.path.parent, singles={"regeling": source}, folders={}
    )
    return Region(raw=raw, regio=cast(Regio, None), visie=cast(Visie, None), regeling=regeling)


def _check_shared_municipal_folders(region: Region, found: _Findings) -> None:
    """Municipal documents go to build/<gemeente>/<datum>-<soort>-<id>: when another region
    in content/ has a municipality with the same id and a decision document with the same id,
    the two builds would write the same files. Refused, located at this region's document."""
    mine = {d.id for d in region.regio.deelnemers}
    try:
        siblings = sorted(p for p in region.raw.folder.parent.iterdir() if p.is_dir())
    except OSError:
        return
    for other in siblings:
        if other.resolve() == region.raw.folder.resolve():
            continue
        shared = sorted(mine & _raw_ids(other / "regio.yaml", "deelnemers"))
        if not shared:
            continue
        documents_by_section: tuple[tuple[str, str, list[str]], ...] = (
            ("raadsvoorstellen", "raadsvoorstel", [v.id for v in region.raadsvoorstellen]),
            ("informatiebrieven", "raadsinformatiebrief", [b.id for b in region.informatiebrieven]),
        )
        for section, kind, documents in documents_by_section:
            theirs = {
                next(iter(_raw_ids(path, None)), None)
                for path in sorted((other / section).glob("*.yaml"))
            }
            for index, document_id in enumerate(documents):
                if document_id in theirs:
                    found.error(
                        region.folder_source(section, index),
                        ("id",),
                        f"{kind} '{document_id}' bestaat ook in regio '{other.name}', die ook "
                        f"gemeente '{shared[0]}' heeft: beide zouden in build/{shared[0]}/ "
                        "dezelfde bestanden schrijven; geef een van de twee een ander id",
                    )


def _raw_ids(path: Path, key: str | None) -> set[str]:
    """Ids from another region's file, read leniently (its own check reports its problems):
    the file's own id (key None) or the ids of the items under ``key``."""
    try:
        data = load_yaml_file(path, "x").data
    except (ContentError, OSError):
        return set()
    if not isinstance(data, dict):
        return set()
    if key is None:
        return {data["id"]} if isinstance(data.get("id"), str) else set()
    items = data.get(key)
    if not isinstance(items, list):
        return set()
    return {i["id"] for i in items if isinstance(i, dict) and isinstance(i.get("id"), str)}
