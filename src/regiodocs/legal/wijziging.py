"""Draft the amending regeling (wijzigingsregeling) from two versions of the regeling.

Articles are compared by id, so moving text around never looks like a change. The drafted
regeling keeps the numbering of the regeling it amends: an inserted article gets the
number of its predecessor with a letter (5a), a removed article "vervalt". Per changed
article one instruction, the lightest that is exact: a text replacement, an inserted or
removed lid (with the renumbering formula), or "komt te luiden". Each instruction also
carries a structured operation, so ``apply`` can replay it on the old version; the tests
use that to prove the instructions yield the new text.
"""

from __future__ import annotations

import difflib
import re
import string
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Literal

from regiodocs import fmt
from regiodocs.content.load import load_yaml_file
from regiodocs.content.models.regeling import Artikel, Hoofdstuk, Lid, Regeling
from regiodocs.content.region import Region
from regiodocs.content.schema import validate_file
from regiodocs.diagnostics import UsageError
from regiodocs.documents.markdown import TAB, Md, escape
from regiodocs.documents.views.common import DEFAULT_HUISSTIJL, DocMeta, Job
from regiodocs.legal.numbering import Address, iter_articles, number_regeling, ordinal
from regiodocs.legal.regeling_view import ArtikelView, artikel_view, legal_text

Soort = Literal[
    "vervalt", "invoegen", "komt-te-luiden", "vervangen", "lid-invoegen", "lid-vervalt", "opschrift"
]


@dataclass
class Operatie:
    """What an instruction does, in a form ``apply`` can replay."""

    soort: Soort
    artikel: str  # article id (for 'invoegen': the new article's id)
    na: str | None = None  # 'invoegen': id of the article it follows
    lid: int | None = None  # 0-based lid index
    oud: str = ""
    nieuw: str = ""
    tekst: Artikel | Lid | None = None
    hoofdstuk: str | None = None


@dataclass
class Instructie:
    letter: str
    zin: Md  # the instruction sentence
    artikel: ArtikelView | None = None  # quoted article ("luidende:" / "komt te luiden:")
    lid: Md | None = None  # quoted lid
    oud: str = ""  # synopsis, plain text
    nieuw: str = ""
    operatie: Operatie | None = None


@dataclass
class Wijziging:
    citeertitel: str
    van: str
    naar: str
    instructies: list[Instructie] = field(default_factory=list)
    nieuwe_tekst: list[ArtikelView] = field(default_factory=list)  # for re-enactment


def load_version(spec: str, content_dir: Path, region_id: str) -> Regeling:
    """A regeling from a file path or from a git revision of content/<regio>/regeling.yaml."""
    path = Path(spec)
    if path.is_file():
        return validate_file(Regeling, load_yaml_file(path, "regeling"))  # type: ignore[no-any-return]
    rel = (content_dir / region_id / "regeling.yaml").as_posix()
    try:
        shown = subprocess.run(
            ["git", "show", f"{spec}:{rel}"], capture_output=True, check=True, timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        raise UsageError(f"'{spec}' is geen bestand en geen git-revisie met {rel}") from None
    with tempfile.TemporaryDirectory() as tmp:
        file = Path(tmp) / "regeling.yaml"
        file.write_bytes(shown.stdout)
        source = load_yaml_file(file, "regeling")
        source.path = Path(f"{spec}:{rel}")
        return validate_file(Regeling, source)  # type: ignore[no-any-return]


def _plain(md: str) -> str:
    return re.sub(r"\\(.)", r"\1", re.sub(r"\[([^\]]*)\]\(#[^)]*\)", r"\1", md))


def _lid_plain(view_lid: object) -> str:
    from regiodocs.legal.regeling_view import LidView

    assert isinstance(view_lid, LidView)
    parts = [view_lid.tekst] + [
        f"{o.label} {o.tekst}" + "".join(f" {s.label} {s.tekst}" for s in o.subonderdelen)
        for o in view_lid.onderdelen
    ]
    return _plain(" ".join(parts))


def article_plain(view: ArtikelView) -> str:
    """An article as one line of plain text, for comparison and the synopsis."""
    leden = [f"{lid.nummer} {_lid_plain(lid)}".strip() for lid in view.leden]
    return f"{view.opschrift} " + " ".join(leden)


def _labels_keeping_numbers(old: Regeling, new: Regeling) -> dict[str, str]:
    old_numbers = {a.id: str(n) for n, (*_, a, _) in enumerate(iter_articles(old), start=1)}
    labels: dict[str, str] = {}
    previous = "0"
    suffix = 0
    for *_, artikel, _ in iter_articles(new):
        if artikel.id in old_numbers:
            previous, suffix = old_numbers[artikel.id], 0
            labels[artikel.id] = previous
        else:
            labels[artikel.id] = previous + string.ascii_lowercase[suffix]
            suffix += 1
    return labels


def _views(regeling: Regeling, labels: dict[str, str] | None) -> dict[str, ArtikelView]:
    index = number_regeling(regeling, labels)
    out = {}
    for n, (h, _, _, artikel, _) in enumerate(iter_articles(regeling), start=1):
        label = (labels or {}).get(artikel.id)
        out[artikel.id] = artikel_view(artikel, n, h + 1, index, label, link=False)
    return out


def _fragment(old: str, new: str) -> tuple[str, str]:
    """The smallest differing run of words, widened until the old fragment is non-empty and
    occurs only once in the old text, so the instruction cannot be read two ways."""
    a, b = old.split(" "), new.split(" ")
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1

    def pieces() -> tuple[str, str]:
        return " ".join(a[start : len(a) - end]), " ".join(b[start : len(b) - end])

    while True:
        frag_old, frag_new = pieces()
        if frag_old and old.count(frag_old) == 1:
            return frag_old, frag_new
        if start == 0 and end == 0:
            return frag_old, frag_new
        if start > 0:
            start -= 1
        else:
            end -= 1


def draft(old: Regeling, new: Regeling, van: str = "oud", naar: str = "nieuw") -> Wijziging:
    labels = _labels_keeping_numbers(old, new)
    old_views, new_views = _views(old, None), _views(new, labels)
    old_articles = {a.id: a for *_, a, _ in iter_articles(old)}
    new_articles = {a.id: a for *_, a, _ in iter_articles(new)}
    old_order = [a.id for *_, a, _ in iter_articles(old)]
    new_order = [a.id for *_, a, _ in iter_articles(new)]
    # (position in the old numbering, tie-breaker) -> instruction, so A, B, C follow the text.
    keyed: list[tuple[tuple[float, int], Instructie]] = []

    old_chapters = {h.id: (n, h) for n, h in enumerate(old.hoofdstukken, start=1)}
    for hoofdstuk in new.hoofdstukken:
        if hoofdstuk.id in old_chapters and old_chapters[hoofdstuk.id][1].titel != hoofdstuk.titel:
            n, old_h = old_chapters[hoofdstuk.id]
            first = _first_article_position(old_h, old_order)
            zin = Md(f"Het opschrift van hoofdstuk {n} komt te luiden: {escape(hoofdstuk.titel)}.")
            keyed.append(
                (
                    (first - 0.5, 0),
                    Instructie(
                        "",
                        zin,
                        oud=old_h.titel,
                        nieuw=hoofdstuk.titel,
                        operatie=Operatie(
                            "opschrift", "", hoofdstuk=hoofdstuk.id, nieuw=hoofdstuk.titel
                        ),
                    ),
                )
            )

    for position, art_id in enumerate(old_order, start=1):
        if art_id not in new_articles:
            view = old_views[art_id]
            zin = Md(f"Artikel {view.nummer} vervalt.")
            keyed.append(
                (
                    (position, 0),
                    Instructie(
                        "",
                        zin,
                        oud=article_plain(view),
                        nieuw="(vervallen)",
                        operatie=Operatie("vervalt", art_id),
                    ),
                )
            )
            continue
        instructie = _compare(
            old_articles[art_id], new_articles[art_id], old_views[art_id], new_views[art_id]
        )
        if instructie:
            keyed.append(((position, 0), instructie))

    old_positions = {a: n for n, a in enumerate(old_order, start=1)}
    previous: str | None = None
    tie = 0
    for art_id in new_order:
        if art_id in old_positions:
            previous, tie = art_id, 0
            continue
        tie += 1
        view = new_views[art_id]
        where = f"Na artikel {new_views[previous].nummer}" if previous else "Voor artikel 1"
        zin = Md(f"{where} wordt een artikel ingevoegd, luidende:")
        position = old_positions[previous] if previous else 0
        keyed.append(
            (
                (position + 0.5, tie),
                Instructie(
                    "",
                    zin,
                    artikel=view,
                    oud="(nieuw)",
                    nieuw=article_plain(view),
                    operatie=Operatie("invoegen", art_id, na=previous, tekst=new_articles[art_id]),
                ),
            )
        )
        previous = art_id

    keyed.sort(key=lambda item: item[0])
    instructies = [i for _, i in keyed]
    for n, instructie in enumerate(instructies):
        instructie.letter = _letter(n)
    renumbered = _views(new, None)
    return Wijziging(new.citeertitel, van, naar, instructies, [renumbered[a] for a in new_order])


def _first_article_position(hoofdstuk: Hoofdstuk, old_order: list[str]) -> float:
    ids = [a.id for a in hoofdstuk.artikelen] + [
        a.id for p in hoofdstuk.paragrafen for a in p.artikelen
    ]
    return float(old_order.index(ids[0]) + 1) if ids else 0.0


def _letter(n: int) -> str:
    letters = string.ascii_uppercase
    return letters[n] if n < 26 else letters[n // 26 - 1] + letters[n % 26]


def _compare(
    old: Artikel, new: Artikel, old_view: ArtikelView, new_view: ArtikelView
) -> Instructie | None:
    if _content(old_view) == _content(new_view):
        return None  # same kop and text (the number may differ, the content does not)
    nummer = old_view.nummer
    old_leden = [_lid_plain(lid) for lid in old_view.leden]
    new_leden = [_lid_plain(lid) for lid in new_view.leden]
    whole = Instructie(
        "",
        Md(f"Artikel {nummer} komt te luiden:"),
        artikel=new_view,
        oud=article_plain(old_view),
        nieuw=article_plain(new_view),
        operatie=Operatie("komt-te-luiden", old.id, tekst=new),
    )
    if old.kop != new.kop:
        return whole
    ops = [
        op
        for op in difflib.SequenceMatcher(a=old_leden, b=new_leden, autojunk=False).get_opcodes()
        if op[0] != "equal"
    ]
    if len(ops) != 1:
        return whole
    tag, i1, i2, j1, j2 = ops[0]
    single_old, single_new = len(old_leden) == 1, len(new_leden) == 1
    if tag == "replace" and i2 - i1 == 1 and j2 - j1 == 1:
        o, n = old.leden[i1], new.leden[j1]
        if o.onderdelen != n.onderdelen or single_old != single_new:
            if single_old:
                return whole
            zin = Md(f"Artikel {nummer}, {ordinal(i1 + 1)} lid, komt te luiden:")
            return Instructie(
                "",
                zin,
                lid=_quoted_lid(new_view, j1),
                oud=old_leden[i1],
                nieuw=new_leden[j1],
                operatie=Operatie("komt-te-luiden", old.id, lid=i1, tekst=n),
            )
        old_text, new_text = _plain(old_view.leden[i1].tekst), _plain(new_view.leden[j1].tekst)
        frag_old, frag_new = _fragment(old_text, new_text)
        where = f"artikel {nummer}" if single_old else f"artikel {nummer}, {ordinal(i1 + 1)} lid,"
        zin = Md(escape(f'In {where} wordt "{frag_old}" vervangen door "{frag_new}".'))
        return Instructie(
            "",
            zin,
            oud=old_leden[i1],
            nieuw=new_leden[j1],
            operatie=Operatie("vervangen", old.id, lid=i1, oud=frag_old, nieuw=frag_new),
        )
    if tag == "insert" and j2 - j1 == 1 and not single_old:
        lid = new.leden[j1]
        if j1 == len(old_leden):
            zin = Md(f"Aan artikel {nummer} wordt een lid toegevoegd, luidende:")
        else:
            renumber = _renumbering(j1 + 1, len(old_leden), +1)
            zin = Md(
                f"In artikel {nummer} wordt, onder vernummering van {renumber}, {'voor het eerste lid' if j1 == 0 else f'na het {ordinal(j1)} lid'} een lid ingevoegd, luidende:"
            )
        return Instructie(
            "",
            zin,
            lid=_quoted_lid(new_view, j1),
            oud="(nieuw lid)",
            nieuw=new_leden[j1],
            operatie=Operatie("lid-invoegen", old.id, lid=j1, tekst=lid),
        )
    if tag == "delete" and i2 - i1 == 1 and not single_new:
        if i1 == len(old_leden) - 1:
            zin = Md(f"In artikel {nummer} vervalt het {ordinal(i1 + 1)} lid.")
        else:
            zin = Md(
                f"In artikel {nummer} vervalt het {ordinal(i1 + 1)} lid, onder vernummering van {_renumbering(i1 + 2, len(old_leden), -1)}."
            )
        return Instructie(
            "",
            zin,
            oud=old_leden[i1],
            nieuw="(vervallen)",
            operatie=Operatie("lid-vervalt", old.id, lid=i1),
        )
    return whole


def _renumbering(first: int, last: int, shift: int) -> str:
    """'het derde lid tot vierde lid' or 'het tweede tot en met vierde lid tot derde tot en met vijfde lid'."""
    if first == last:
        return f"het {ordinal(first)} lid tot {ordinal(first + shift)} lid"
    return f"het {ordinal(first)} tot en met {ordinal(last)} lid tot {ordinal(first + shift)} tot en met {ordinal(last + shift)} lid"


def _quoted_lid(view: ArtikelView, index: int) -> Md:
    lid = view.leden[index]
    lines = [f"{escape(lid.nummer)}{TAB}{lid.tekst}" if lid.nummer else lid.tekst]
    lines += [f"{escape(o.label)}{TAB}{o.tekst}" for o in lid.onderdelen]
    return Md("\n\n".join(lines))


def apply(old: Regeling, wijziging: Wijziging) -> Regeling:
    """Replay the instructions on the old regeling (to prove they are complete and exact)."""
    chapters = [h.model_copy(deep=True) for h in old.hoofdstukken]

    def lists() -> list[list[Artikel]]:
        return [h.artikelen for h in chapters] + [
            p.artikelen for h in chapters for p in h.paragrafen
        ]

    def locate(art_id: str) -> tuple[list[Artikel], int]:
        for articles in lists():
            for i, a in enumerate(articles):
                if a.id == art_id:
                    return articles, i
        raise KeyError(art_id)

    for instructie in wijziging.instructies:
        op = instructie.operatie
        assert op is not None
        if op.soort == "opschrift":
            for n, h in enumerate(chapters):
                if h.id == op.hoofdstuk:
                    chapters[n] = h.model_copy(update={"titel": op.nieuw})
            continue
        if op.soort == "invoegen":
            assert isinstance(op.tekst, Artikel)
            if op.na is None:
                (chapters[0].artikelen or chapters[0].paragrafen[0].artikelen).insert(0, op.tekst)
            else:
                articles, i = locate(op.na)
                articles.insert(i + 1, op.tekst)
            continue
        articles, i = locate(op.artikel)
        artikel = articles[i]
        if op.soort == "vervalt":
            del articles[i]
        elif op.soort == "komt-te-luiden" and op.lid is None:
            assert isinstance(op.tekst, Artikel)
            articles[i] = op.tekst
        else:
            leden = list(artikel.leden)
            assert op.lid is not None
            if op.soort == "komt-te-luiden":
                assert isinstance(op.tekst, Lid)
                leden[op.lid] = op.tekst
            elif op.soort == "vervangen":
                lid = leden[op.lid]
                assert lid.tekst.count(op.oud) >= 1 or op.oud in _plain(lid.tekst)
                leden[op.lid] = lid.model_copy(
                    update={"tekst": lid.tekst.replace(op.oud, op.nieuw, 1)}
                )
            elif op.soort == "lid-invoegen":
                assert isinstance(op.tekst, Lid)
                leden.insert(op.lid, op.tekst)
            elif op.soort == "lid-vervalt":
                del leden[op.lid]
            articles[i] = artikel.model_copy(update={"leden": leden})
    return old.model_copy(update={"hoofdstukken": chapters})


def _content(view: ArtikelView) -> str:
    """An article's heading and text without its number."""
    leden = [f"{lid.nummer} {_lid_plain(lid)}".strip() for lid in view.leden]
    return f"{view.kop or ''} " + " ".join(leden)


def regeling_text(regeling: Regeling) -> list[str]:
    """The articles as plain text without their numbers, to compare two versions' content."""
    return [_content(v) for v in _views(regeling, None).values()]


def wijziging_job(region: Region, wijziging: Wijziging, herziening: bool) -> Job:
    """The document job for a drafted wijzigingsregeling."""
    assert region.regeling is not None
    namen = [d.naam for d in region.regio.deelnemers]
    titel = f"Regeling tot wijziging van de {wijziging.citeertitel}"
    context = {
        "wijziging": wijziging,
        "herziening": herziening,
        "titel": titel,
        "aanhef": f"De colleges van burgemeester en wethouders van de gemeenten {fmt.opsomming(namen)}, ieder voor zover het zijn bevoegdheden betreft",
    }
    meta = DocMeta(
        title=titel,
        subject=f"Wijziging van versie {wijziging.van} naar versie {wijziging.naar}",
        author=f"Colleges van burgemeester en wethouders van de regio {region.regio.naam}",
        gemeente=None,
        kenmerk=f"Ontwerp wijziging {wijziging.van} naar {wijziging.naar}",
        datum=region.regeling.datum_versie,
        huisstijl=DEFAULT_HUISSTIJL,
    )
    return Job(
        "wijzigingsregeling",
        "wijzigingsregeling.md.j2",
        PurePosixPath("regio", f"{region.regio.id}-wijzigingsregeling"),
        context,
        meta,
    )


__all__ = ["Address", "Wijziging", "apply", "draft", "legal_text", "load_version", "regeling_text"]
