"""Resolve the regeling: numbers, list punctuation and citations, as a view for templates."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date

from regiodocs import fmt
from regiodocs.content.models.common import Model
from regiodocs.content.models.regeling import Artikel, Lid, Regeling
from regiodocs.documents.markdown import Md, escape, md_paragraphs
from regiodocs.legal.numbering import (
    REFERENCE,
    Address,
    cite_reference,
    enacted_numbers,
    iter_articles,
    letter,
    lid_numbers,
    number_regeling,
    paragraph_anchor,
    parse_reference,
)

_TRAILING = re.compile(r"[\s;:,.]+$")


def fingerprint(model: Model) -> str:
    """Short, stable fingerprint of a content model: 'A1B2-C3D4-E5F6'."""
    digest = hashlib.sha256(model.model_dump_json().encode("utf-8")).hexdigest()[:12].upper()
    return "-".join(digest[i : i + 4] for i in range(0, 12, 4))


@dataclass(frozen=True)
class Sub:
    label: str
    tekst: Md


@dataclass(frozen=True)
class OnderdeelView:
    label: str
    tekst: Md
    subonderdelen: list[Sub]


@dataclass(frozen=True)
class LidView:
    nummer: str  # "1." or "" for an article with one lid
    tekst: Md
    onderdelen: list[OnderdeelView]


@dataclass(frozen=True)
class ArtikelView:
    nummer: str
    kop: str | None
    anchor: str
    leden: list[LidView]
    toelichting: Md | None

    @property
    def opschrift(self) -> str:
        """'Artikel 7. Toetreding', or 'Artikel 7' for an article without heading."""
        return f"Artikel {self.nummer}. {self.kop}" if self.kop else f"Artikel {self.nummer}"

    @property
    def attr(self) -> Md:
        """Pandoc heading attribute, so the heading gets a bookmark citations link to."""
        return Md("{#" + self.anchor + "}")


@dataclass(frozen=True)
class ParagraafView:
    nummer: str
    titel: str
    artikelen: list[ArtikelView]
    hoofdstuk: str = ""

    @property
    def attr(self) -> Md:
        """Pandoc heading attribute: the bookmark a citation of the paragraph links to."""
        return Md("{#" + paragraph_anchor(self.hoofdstuk, self.nummer) + "}")


@dataclass(frozen=True)
class HoofdstukView:
    nummer: str
    titel: str
    artikelen: list[ArtikelView]
    paragrafen: list[ParagraafView]

    @property
    def attr(self) -> Md:
        return Md("{#hoofdstuk-" + str(self.nummer) + "}")


@dataclass(frozen=True)
class RegelingView:
    titel: str
    citeertitel: str
    status: str
    versie: str
    datum: str
    vingerafdruk: str
    aanhef_organen: str
    overwegingen: list[str]
    gelet_op: str
    hoofdstukken: list[HoofdstukView]
    algemene_toelichting: Md


def legal_text(text: str, here: Address | None, index: dict[str, Address], *, link: bool) -> Md:
    """Escape legal text and replace each [[id]] by its Ar citation (a link inside the regeling)."""
    text = " ".join(text.split())
    out: list[str] = []
    plain = ""  # the text as a reader sees it so far, to know where a sentence starts
    position = 0
    for match in REFERENCE.finditer(text):
        out.append(_escape_keep_spaces(text[position : match.start()]))
        plain += text[position : match.start()]
        reference = parse_reference(match.group(1), index)
        target = reference.targets[0]
        citation = cite_reference(reference, here)
        if not plain.strip() or plain.rstrip().endswith((".", "?", "!")):
            citation = citation[0].upper() + citation[1:]
        shown = escape(citation)
        out.append(f"[{shown}](#{target.anchor})" if link else shown)
        plain += citation
        position = match.end()
    out.append(_escape_keep_spaces(text[position:]))
    return Md("".join(out).strip())


def _escape_keep_spaces(piece: str) -> str:
    if not piece.strip():
        return " " if piece else ""
    lead = " " if piece[0].isspace() else ""
    trail = " " if piece[-1].isspace() else ""
    return lead + escape(piece) + trail


def _punctuate(text: Md, mark: str) -> Md:
    return Md(_TRAILING.sub("", text) + mark)


def _lid_view(
    lid: Lid, nummer: str, here: Address, index: dict[str, Address], link: bool = True
) -> LidView:
    onderdelen: list[OnderdeelView] = []
    last_o = len(lid.onderdelen) - 1
    for o_i, onderdeel in enumerate(lid.onderdelen):
        o_here = Address(
            here.hoofdstuk,
            here.artikel,
            here.lid,
            here.single_lid,
            letter(o_i),
            lid_label=here.lid_label,
        )
        end = "." if o_i == last_o else ";"
        subs: list[Sub] = []
        for s_i, sub in enumerate(onderdeel.subonderdelen, start=1):
            s_end = end if s_i == len(onderdeel.subonderdelen) else ";"
            subs.append(
                Sub(f"{s_i}°.", _punctuate(legal_text(sub.tekst, o_here, index, link=link), s_end))
            )
        tekst = legal_text(onderdeel.tekst, o_here, index, link=link)
        onderdelen.append(
            OnderdeelView(f"{letter(o_i)}.", _punctuate(tekst, ":" if subs else end), subs)
        )
    return LidView(nummer, legal_text(lid.tekst, here, index, link=link), onderdelen)


def artikel_view(
    artikel: Artikel,
    nummer: int,
    hoofdstuk: int,
    index: dict[str, Address],
    label: str | None = None,
    *,
    link: bool = True,
) -> ArtikelView:
    """One article with numbered leden and resolved citations; ``label`` overrides its number.

    ``link=False`` writes citations as plain text, for quoting the article elsewhere.
    """
    single = len(artikel.leden) == 1
    labels = lid_numbers(artikel.leden)
    leden = [
        _lid_view(
            lid,
            "" if single else f"{labels[i - 1]}.",
            Address(
                hoofdstuk,
                nummer,
                i,
                single,
                label=label,
                lid_label=labels[i - 1] if labels[i - 1] != str(i) else None,
            ),
            index,
            link,
        )
        for i, lid in enumerate(artikel.leden, start=1)
    ]
    toelichting = None
    if artikel.toelichting:
        here = Address(hoofdstuk, nummer, label=label)
        toelichting = Md(
            "\n\n".join(
                legal_text(p, here, index, link=link)
                for p in re.split(r"\n\s*\n", artikel.toelichting.strip())
                if p.strip()
            )
        )
    shown = label or str(nummer)
    return ArtikelView(shown, artikel.kop, f"artikel-{shown}", leden, toelichting)


def resolve_regeling(
    regeling: Regeling, deelnemers: list[str], index: dict[str, Address] | None = None
) -> RegelingView:
    """The regeling as templates show it; ``index`` is its numbering when already computed."""
    index = index if index is not None else number_regeling(regeling)
    enacted = enacted_numbers(regeling)
    numbers = {id(a): n for n, (_, _, _, a, _) in enumerate(iter_articles(regeling), start=1)}

    def view(a: Artikel, h: int) -> ArtikelView:
        return artikel_view(a, numbers[id(a)], h, index, enacted.artikelen[a.id])

    hoofdstukken: list[HoofdstukView] = []
    for h, hoofdstuk in enumerate(regeling.hoofdstukken, start=1):
        artikelen = [view(a, h) for a in hoofdstuk.artikelen]
        paragrafen = [
            ParagraafView(
                enacted.paragrafen[(hoofdstuk.id, par.id)],
                par.titel,
                [view(a, h) for a in par.artikelen],
                enacted.hoofdstukken[hoofdstuk.id],
            )
            for par in hoofdstuk.paragrafen
        ]
        hoofdstukken.append(
            HoofdstukView(
                enacted.hoofdstukken[hoofdstuk.id], hoofdstuk.titel, artikelen, paragrafen
            )
        )
    organen = {
        "college": "De colleges van burgemeester en wethouders",
        "raad": "De raden",
        "burgemeester": "de burgemeesters",
    }
    aanhef = fmt.opsomming(
        [
            organen[o] if i == 0 else organen[o].lower()
            for i, o in enumerate(regeling.aanhef.bestuursorganen)
        ]
    )
    aanhef += f" van de gemeenten {fmt.opsomming(deelnemers)}, ieder voor zover het zijn bevoegdheden betreft"
    return RegelingView(
        titel=regeling.titel,
        citeertitel=regeling.citeertitel,
        status=regeling.status,
        versie=regeling.versie,
        datum=fmt.datum(regeling.datum_versie),
        vingerafdruk=fingerprint(regeling),
        aanhef_organen=aanhef,
        overwegingen=[_TRAILING.sub("", o) for o in regeling.aanhef.overwegingen],
        gelet_op=fmt.opsomming(list(regeling.aanhef.gelet_op)),
        hoofdstukken=hoofdstukken,
        algemene_toelichting=md_paragraphs(regeling.algemene_toelichting),
    )


def citation_outside(regeling: Regeling, key: str, index: dict[str, Address] | None = None) -> str:
    """How another document cites a provision: 'artikel 7, tweede lid, van de <citeertitel>'.

    ``key`` may be any reference [[...]] holds: 'a en b' gives 'de artikelen 4 en 31 van de ...'.
    """
    index = index if index is not None else number_regeling(regeling)
    citation = cite_reference(parse_reference(key, index))
    # Ar: "artikel 7, tweede lid, van de ..." but "artikel 7 van de ..."
    return f"{citation}{',' if ',' in citation else ''} van de {regeling.citeertitel}"


def version_date(regeling: Regeling) -> date:
    return regeling.datum_versie
