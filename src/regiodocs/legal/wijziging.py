"""Draft the amending regeling (wijzigingsregeling) from two versions of the regeling.

Both versions are read as their consolidated text (numbers in force, citations written out);
articles, chapters and paragraphs are paired by id. Every difference becomes an instruction
in the words of the Aanwijzingen voor de regelgeving (Ar 231-238): "vervalt", "komt te
luiden", "wordt ... vervangen door ...", "Na artikel 5 wordt een artikel ingevoegd", a move
("wordt geplaatst na"), a renumbering, or "Artikel 8 wordt als volgt gewijzigd: 1. ... 2. ...".

The instructions are drafted against a working copy of the old text and each one is applied
to it before the next is written, so every number an instruction names is the number at that
moment. At the end the instructions are replayed on a fresh copy of the old text; when the
result is not word for word the new text, drafting fails instead of producing a wrong
amendment. The numbers in force are kept (Ar 238): an inserted article is 5a when the new
version records ``nummer: 5a``; ``hints`` says which numbers to record to avoid renumbering.
"""

from __future__ import annotations

import difflib
import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any

from regiodocs import fmt
from regiodocs.content.facts import Facts
from regiodocs.content.load import load_yaml_file
from regiodocs.content.models.regeling import Regeling
from regiodocs.content.region import Region
from regiodocs.content.schema import validate_file
from regiodocs.diagnostics import UsageError
from regiodocs.documents.markdown import Md, escape
from regiodocs.documents.views.common import DEFAULT_HUISSTIJL, DocMeta, Job
from regiodocs.legal.numbering import letter, lid_numbers, lid_word, ordinal
from regiodocs.legal.opdrachten import NietToepasbaar, Op, Plaats, SubOp, toepassen
from regiodocs.legal.tekst import (
    Regel,
    TArtikel,
    Tekst,
    THoofdstuk,
    TLid,
    TParagraaf,
    article_lines,
    chapter_lines,
    consolidated,
    lid_lines,
    onderdeel_lines,
    paragraph_lines,
    plain,
    text_lines,
)
from regiodocs.tempdirs import temp_dir

# Above this many changes in one article the article is re-enacted whole (Ar 224 in small).
MAX_SUBOPDRACHTEN = 6
# A fragment replacement is quoted with at least this many words (Ar 231: a unit of meaning).
MIN_WORDS = 3

_TELWOORDEN = ["", "", "twee", "drie", "vier", "vijf", "zes", "zeven", "acht", "negen", "tien"]


class NietExact(UsageError):
    """The two versions cannot be expressed as exact instructions."""


@dataclass
class Instructie:
    letter: str
    zin: str  # the instruction sentence, plain text
    op: Op
    subzinnen: list[str] = field(default_factory=list)  # "1. In het eerste lid ..."
    citaat: list[Regel] = field(default_factory=list)  # quoted new text ("luidende:")
    oud: list[Regel] = field(default_factory=list)  # synopsis: the text before
    nieuw: list[Regel] = field(default_factory=list)  # synopsis: the text after


@dataclass
class Wijziging:
    citeertitel: str
    van: str
    naar: str
    instructies: list[Instructie] = field(default_factory=list)
    nieuwe_tekst: list[Regel] = field(default_factory=list)  # for re-enactment (herziening)
    hints: list[str] = field(default_factory=list)


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
    with temp_dir() as tmp:
        file = tmp / "regeling.yaml"
        file.write_bytes(shown.stdout)
        source = load_yaml_file(file, "regeling")
        source.path = Path(f"{spec}:{rel}")
        return validate_file(Regeling, source)  # type: ignore[no-any-return]


# --- wording -------------------------------------------------------------------------------


def _telwoord(n: int) -> str:
    return _TELWOORDEN[n] if n < len(_TELWOORDEN) else str(n)


def _reeks(nummers: list[str]) -> str:
    """'5', '5 en 6', '5 tot en met 8' (consecutive whole numbers) or '5, 5a en 7'."""
    if len(nummers) > 2 and all(n.isdigit() for n in nummers):
        values = [int(n) for n in nummers]
        if values == list(range(values[0], values[0] + len(values))):
            return f"{nummers[0]} tot en met {nummers[-1]}"
    return fmt.opsomming(nummers)


def _ordinals(first: int, last: int) -> str:
    """'tweede', 'tweede en derde', 'tweede tot en met vierde' (1-based)."""
    if first == last:
        return ordinal(first)
    if last == first + 1:
        return f"{ordinal(first)} en {ordinal(last)}"
    return f"{ordinal(first)} tot en met {ordinal(last)}"


def _letters(first: int, last: int) -> str:
    if first == last:
        return letter(first)
    if last == first + 1:
        return f"{letter(first)} en {letter(last)}"
    return f"{letter(first)} tot en met {letter(last)}"


def _lid_renumbering(first: int, last: int, shift: int) -> str:
    """'het derde lid tot vierde lid', 'het tweede en derde lid tot derde en vierde lid'."""
    return f"het {_ordinals(first, last)} lid tot {_ordinals(first + shift, last + shift)} lid"


def _onderdeel_relettering(first: int, last: int, shift: int) -> str:
    word = "onderdeel" if first == last else "de onderdelen"
    return f"{word} {_letters(first, last)} tot {_letters(first + shift, last + shift)}"


# A quoted phrase does not stop on these words: "artikel 4, eerste" becomes "artikel 4, eerste lid".
_DANGLING = {
    "de",
    "het",
    "een",
    "van",
    "in",
    "op",
    "aan",
    "te",
    "tot",
    "en",
    "of",
    "door",
    "artikel",
    "onderdeel",
    "lid",
    *(ordinal(n) for n in range(1, 21)),
}


def _fragment(old: str, new: str) -> tuple[str, str]:
    """The changed words, widened to a phrase (Ar 231) that occurs once in the old text."""
    a, b = old.split(" "), new.split(" ")
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    left = True
    while True:
        frag_old = " ".join(a[start : len(a) - end])
        frag_new = " ".join(b[start : len(b) - end])
        long_enough = len(a) - end - start >= MIN_WORDS
        dangling = end > 0 and a[len(a) - end - 1].strip(",.;:").lower() in _DANGLING
        if frag_old and long_enough and not dangling and old.count(frag_old) == 1:
            return frag_old, frag_new
        if start == 0 and end == 0:
            return frag_old, frag_new
        # Widen on both sides in turn, so the phrase grows around the change.
        if dangling and end > 0:
            end -= 1
            continue
        if start > 0 and (end == 0 or left):
            start -= 1
        else:
            end -= 1
        left = not left


def _quote(text: str) -> str:
    return f'"{text}"'


# --- one article -----------------------------------------------------------------------------


@dataclass
class _Sub:
    op: SubOp
    relatief: str  # "In het eerste lid wordt ..." (inside "wordt als volgt gewijzigd")
    absoluut: str  # "In artikel 8, eerste lid, wordt ..." (a single instruction)
    citaat: list[Regel] = field(default_factory=list)


def _lid_where(nummer: str, single: bool, label: str, nieuw: bool) -> tuple[str, str]:
    """(relative, absolute) designation of a lid (by its number in force, '2a' included) or
    of the text of a one-lid article."""
    mark = " (nieuw)" if nieuw else ""
    if single:
        return "", f"artikel {nummer}"
    return f"het {lid_word(label)}{mark}", f"artikel {nummer}, {lid_word(label)}{mark}"


def _positional(leden: list[TLid]) -> bool:
    """Whether the leden are numbered 1, 2, 3 by position (no lettered or kept number)."""
    return lid_numbers(leden) == [str(i) for i in range(1, len(leden) + 1)]


def _text_change(
    old: str, new: str, rel: str, absolute: str, lid: int, onderdeel: int | None
) -> _Sub | None:
    """'In X wordt "..." vervangen door "..."', or None when the change is too large. Whole
    sentences added at the end of a lid: 'Aan X wordt een zin toegevoegd, luidende: ...'."""
    added = _added_sentences(old, new) if onderdeel is None else None
    if added is not None:
        return _sentences_added(old, new, added, rel, absolute, lid)
    frag_old, frag_new = _fragment(old, new)
    if len(frag_old.split()) * 5 > len(old.split()) * 3 and len(old.split()) > MIN_WORDS:
        return None  # most of the text changes: it is re-enacted instead
    op = SubOp("vervangen", lid, onderdeel, frag_old, frag_new)
    if frag_new:
        action = f"wordt {_quote(frag_old)} vervangen door {_quote(frag_new)}."
        alone = f"{_quote(frag_old)} wordt vervangen door {_quote(frag_new)}."
    else:
        action = f"vervalt {_quote(frag_old)}."
        alone = f"{_quote(frag_old)} vervalt."
    rel_in = f"In {rel}, " if "," in rel else f"In {rel} "
    abs_in = f"In {absolute}, " if "," in absolute else f"In {absolute} "
    return _Sub(op, f"{rel_in}{action}" if rel else alone, f"{abs_in}{action}")


_SENTENCE_END = (".", "!", "?")


def _added_sentences(old: str, new: str) -> str | None:
    """The whole sentences ``new`` adds after the last sentence of ``old``, or None."""
    if not old.endswith(_SENTENCE_END) or not new.startswith(old + " "):
        return None
    tail = new[len(old) + 1 :]
    if not tail[:1].isupper() or not tail.endswith(_SENTENCE_END):
        return None
    return tail


def _sentences_added(old: str, new: str, added: str, rel: str, absolute: str, lid: int) -> _Sub:
    """Ar 6.11 (toevoegen: at the end of the element named) and 6.9 (a whole sentence after
    the colon, without quotation marks): 'Aan artikel 4, eerste lid, wordt een zin
    toegevoegd, luidende: ...'."""
    count = 1 + len(re.findall(r"[.!?] (?=[A-Z])", added))
    what = "een zin" if count == 1 else f"{fmt.telwoord(count)} zinnen"
    verb = "wordt" if count == 1 else "worden"
    action = f"{verb} {what} toegevoegd, luidende: {added}"
    aan_abs = f"Aan {absolute}, " if "," in absolute else f"Aan {absolute} "
    relatief = (f"Aan {rel}, " if "," in rel else f"Aan {rel} ") + action if rel else f"Er {action}"
    return _Sub(SubOp("vervangen", lid, None, old, new), relatief, aan_abs + action)


def _article_subs(old: TArtikel, new: TArtikel, nummer: str) -> list[_Sub] | None:
    """The changes that turn ``old`` into ``new`` one after the other, or None to re-enact."""
    if (old.kop is None) != (new.kop is None):
        return None
    single = len(old.leden) == 1
    if single != (len(new.leden) == 1):
        return None
    subs: list[_Sub] = []
    if old.kop != new.kop:
        assert new.kop is not None
        subs.append(
            _Sub(
                SubOp("opschrift", kop=new.kop),
                f"Het opschrift komt te luiden: {new.kop}.",
                f"Het opschrift van artikel {nummer} komt te luiden: {new.kop}.",
            )
        )
    current = [TLid(lid.tekst, list(lid.onderdelen), lid.nummer) for lid in old.leden]
    renumbered_from: int | None = None  # leden from here on carry a new number (Ar 238 lid 7)
    # Leden are paired by their words; a recorded number alone is no change of text.
    matcher = difflib.SequenceMatcher(
        a=[repr(lid.inhoud()) for lid in old.leden],
        b=[repr(lid.inhoud()) for lid in new.leden],
        autojunk=False,
    )
    shift = 0
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        pairs = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for k in range(pairs):
            at = i1 + k + shift
            nieuw = renumbered_from is not None and at >= renumbered_from
            label = lid_numbers(current)[at]
            changed = _lid_subs(current[at], new.leden[j1 + k], at, label, nummer, single, nieuw)
            if changed is None:
                lid = TLid(
                    new.leden[j1 + k].tekst, new.leden[j1 + k].onderdelen, current[at].nummer
                )
                rel, absolute = _lid_where(nummer, single, label, nieuw)
                if single:
                    return None
                subs.append(
                    _Sub(
                        SubOp("lid-luidt", at, tekst_lid=lid),
                        f"{rel[0].upper()}{rel[1:]} komt te luiden:",
                        f"{absolute[0].upper()}{absolute[1:]}, komt te luiden:",
                        lid_lines(lid, f"{label}."),
                    )
                )
            else:
                subs += changed
            current[at] = TLid(
                new.leden[j1 + k].tekst, new.leden[j1 + k].onderdelen, current[at].nummer
            )
        for gone in range(i2 - i1 - pairs):  # leden that go, each from the same place
            at = i1 + pairs + shift + gone
            total = len(current)
            if not _positional(current):
                return None  # renumbering around a lettered lid: the article is re-enacted
            renum = (
                f", onder vernummering van {_lid_renumbering(at + 2, total, -1)}"
                if at + 1 < total
                else ""
            )
            subs.append(
                _Sub(
                    SubOp("lid-vervalt", at),
                    f"Het {ordinal(at + 1)} lid vervalt{renum}.",
                    f"In artikel {nummer} vervalt het {ordinal(at + 1)} lid{renum}.",
                )
            )
            del current[at]
            shift -= 1
            renumbered_from = at if renumbered_from is None else min(renumbered_from, at)
        for j in range(j1 + pairs, j2):  # leden that come
            at = i1 + pairs + shift
            lid = new.leden[j]
            total = len(current)
            labels = lid_numbers(current)
            if lid.nummer is not None and not lid.nummer.isdigit() and at > 0:
                # Inserted with a lettered number: the leden after it keep theirs (Ar 238,
                # second lid, 'tenzij daartegen overwegend bezwaar bestaat').
                after = lid_word(labels[at - 1])
                subs.append(
                    _Sub(
                        SubOp("lid-invoegen", at, tekst_lid=lid),
                        f"Na het {after} wordt een lid ingevoegd, luidende:",
                        f"In artikel {nummer} wordt na het {after} een lid ingevoegd, luidende:",
                        lid_lines(lid, f"{lid.nummer}."),
                    )
                )
                current.insert(at, lid)
                shift += 1
                continue
            if not _positional(current):
                return None
            if at == total:
                rel = "Er wordt een lid toegevoegd, luidende:"
                absolute = f"Aan artikel {nummer} wordt een lid toegevoegd, luidende:"
            else:
                renum = _lid_renumbering(at + 1, total, +1)
                rel = f"Onder vernummering van {renum} wordt een lid ingevoegd, luidende:"
                absolute = f"In artikel {nummer} wordt, onder vernummering van {renum}, een lid ingevoegd, luidende:"
            subs.append(
                _Sub(
                    SubOp("lid-invoegen", at, tekst_lid=lid),
                    rel,
                    absolute,
                    lid_lines(lid, f"{at + 1}."),
                )
            )
            current.insert(at, lid)
            shift += 1
            renumbered_from = at if renumbered_from is None else min(renumbered_from, at)
    return subs


def _lid_subs(
    old: TLid, new: TLid, at: int, label: str, nummer: str, single: bool, nieuw: bool
) -> list[_Sub] | None:
    """Changes inside one lid: its text, or its onderdelen one by one; None to re-enact it."""
    rel, absolute = _lid_where(nummer, single, label, nieuw)
    if old.onderdelen == new.onderdelen:
        sub = _text_change(old.tekst, new.tekst, rel, absolute, at, None)
        return [sub] if sub else None
    if old.tekst != new.tekst:
        return None
    subs: list[_Sub] = []
    current = list(old.onderdelen)
    matcher = difflib.SequenceMatcher(
        a=[repr(o) for o in old.onderdelen], b=[repr(o) for o in new.onderdelen], autojunk=False
    )
    shift = 0
    in_rel = f"In {rel} " if rel else ""
    in_abs = f"In {absolute}, " if "," in absolute else f"In {absolute} "
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        pairs = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for k in range(pairs):
            o_at = i1 + k + shift
            o_old, o_new = current[o_at], new.onderdelen[j1 + k]
            where_rel = f"{rel}, onderdeel {letter(o_at)}" if rel else f"onderdeel {letter(o_at)}"
            where_abs = f"{absolute}, onderdeel {letter(o_at)}"
            sub = (
                _text_change(o_old.tekst, o_new.tekst, where_rel, where_abs, at, o_at)
                if o_old.subs == o_new.subs
                else None
            )
            if sub is None:
                probe = TLid("", current[:o_at] + [o_new] + current[o_at + 1 :])
                sub = _Sub(
                    SubOp("onderdeel-luidt", at, o_at, tekst_onderdeel=o_new),
                    f"{where_rel[0].upper()}{where_rel[1:]} komt te luiden:",
                    f"{where_abs[0].upper()}{where_abs[1:]}, komt te luiden:",
                    onderdeel_lines(probe, o_at),
                )
            subs.append(sub)
            current[o_at] = o_new
        for gone in range(i2 - i1 - pairs):  # onderdelen that go, each from the same place
            o_at = i1 + pairs + shift + gone
            total = len(current)
            if o_at + 1 < total:
                tail = f", onder verlettering van {_onderdeel_relettering(o_at + 1, total - 1, -1)}"
            elif total > 1:
                tail = f", onder vervanging van de puntkomma aan het slot van onderdeel {letter(o_at - 1)} door een punt"
            else:
                tail = ""
            sentence = f"vervalt onderdeel {letter(o_at)}{tail}."
            subs.append(
                _Sub(
                    SubOp("onderdeel-vervalt", at, o_at),
                    f"{in_rel}{sentence}" if rel else sentence[0].upper() + sentence[1:],
                    f"{in_abs}{sentence}",
                )
            )
            del current[o_at]
            shift -= 1
        for j in range(j1 + pairs, j2):
            o_at = i1 + pairs + shift
            o_new = new.onderdelen[j]
            total = len(current)
            if o_at == total:
                tail = (
                    f", onder vervanging van de punt aan het slot van onderdeel {letter(o_at - 1)} door een puntkomma,"
                    if total
                    else ""
                )
                sentence = f"wordt{tail} een onderdeel toegevoegd, luidende:"
            else:
                sentence = f"wordt, onder verlettering van {_onderdeel_relettering(o_at, total - 1, +1)}, een onderdeel ingevoegd, luidende:"
            probe = TLid("", current[:o_at] + [o_new] + current[o_at:])
            subs.append(
                _Sub(
                    SubOp("onderdeel-invoegen", at, o_at, tekst_onderdeel=o_new),
                    f"{in_rel}{sentence}" if rel else f"Er {sentence}",
                    f"{in_abs}{sentence}",
                    onderdeel_lines(probe, o_at),
                )
            )
            current.insert(o_at, o_new)
            shift += 1
    return subs


# --- the whole regeling ----------------------------------------------------------------------


def _number_key(nummer: str) -> tuple[int, str]:
    digits = re.match(r"\d+", nummer)
    return (int(digits.group(0)) if digits else 0, nummer[digits.end() if digits else 0 :].lower())


class _Drafter:
    """Writes instructions against a working copy of the old text, applying each at once."""

    def __init__(self, old: Tekst, new: Tekst) -> None:
        self.old, self.new = old, new
        self.work = old.copy()
        self.out: list[Instructie] = []
        self.pending: list[tuple[str, str]] = []  # renumbering not yet written

    def make_room(self, nummers: list[str]) -> None:
        """Write the pending renumbering now if a number about to appear is still taken."""
        taken = {a.nummer for a in self.work.artikelen()}
        if not self.pending or not any(n in taken for n in nummers):
            return
        flush = list(self.pending)
        while True:  # only pairs whose new number is free once the others have moved
            moving = {o for o, _ in flush}
            ready = [(o, n) for o, n in flush if n not in taken or n in moving]
            if ready == flush:
                break
            flush = ready
        if flush:
            self.pending = [pair for pair in self.pending if pair not in flush]
            self.renumber_articles(flush)

    # lookups in the working copy, by id
    def article(self, art_id: str) -> TArtikel:
        return next(a for a in self.work.artikelen() if a.id == art_id)

    def chapter(self, ch_id: str) -> THoofdstuk:
        return next(h for h in self.work.hoofdstukken if h.id == ch_id)

    def has_article(self, art_id: str) -> bool:
        return any(a.id == art_id for a in self.work.artikelen())

    def emit(
        self,
        zin: str,
        op: Op,
        citaat: list[Regel] | None = None,
        oud: list[Regel] | None = None,
        nieuw: list[Regel] | None = None,
        subzinnen: list[str] | None = None,
    ) -> None:
        try:
            toepassen(self.work, op)
        except NietToepasbaar as e:
            raise NietExact(_NIET_EXACT + f" ({zin} {e})") from None
        self.out.append(
            Instructie("", zin, op, subzinnen or [], citaat or [], oud or [], nieuw or [])
        )

    # -- articles
    def change_article(self, art_id: str, target: TArtikel) -> None:
        current = self.article(art_id)
        if current.inhoud() == target.inhoud():
            return
        nummer = current.nummer
        before = article_lines(current)
        subs = _article_subs(current, target, nummer)
        after = article_lines(TArtikel(target.id, nummer, target.kop, target.leden))
        if subs is None or len(subs) > MAX_SUBOPDRACHTEN:
            quoted = TArtikel(target.id, nummer, target.kop, target.leden)
            self.emit(
                f"Artikel {nummer} komt te luiden:",
                Op("artikel-luidt", [nummer], inhoud=[quoted]),
                article_lines(quoted),
                before,
                after,
            )
            return
        op = Op("artikel-wijzigen", [nummer], sub=[s.op for s in subs])
        if len(subs) == 1:
            self.emit(subs[0].absoluut, op, subs[0].citaat, before, after)
            return
        citaat: list[Regel] = []
        subzinnen = []
        for n, s in enumerate(subs, start=1):
            subzinnen.append(f"{n}.\t{s.relatief}")
            citaat.append(("sub-opdracht", f"{n}.\t{s.relatief}"))
            citaat += s.citaat
        self.emit(
            f"Artikel {nummer} wordt als volgt gewijzigd:", op, citaat, before, after, subzinnen
        )

    def placement(self, art_id: str) -> tuple[Plaats, str]:
        """Where a new or moved article goes in the working copy, and how to say so."""
        for h, p, articles in self.new.containers():
            ids = [a.id for a in articles]
            if art_id not in ids:
                continue
            at = ids.index(art_id)
            container = self.work_container(h.id, p.id if p else None)
            here = [a.id for a in container]
            # After the predecessor that stands last in the working copy, or before the
            # follower that stands first there: the others may still be out of order.
            before = [i for i in ids[:at] if i in here and i != art_id]
            if before:
                nummer = self.article(max(before, key=here.index)).nummer
                return Plaats(na=nummer), f"na artikel {nummer}"
            after = [i for i in ids[at + 1 :] if i in here and i != art_id]
            if after:
                nummer = self.article(min(after, key=here.index)).nummer
                return Plaats(voor=nummer), f"voor artikel {nummer}"
            others = [a for a in container if a.id != art_id]
            if others:  # they all leave later: going first is going before them
                return Plaats(voor=others[0].nummer), f"voor artikel {others[0].nummer}"
            chapter = self.chapter(h.id)
            if p is None:
                return Plaats(hoofdstuk=chapter.nummer), f"in hoofdstuk {chapter.nummer}"
            par = next(x for x in chapter.paragrafen if x.id == p.id)
            return (
                Plaats(hoofdstuk=chapter.nummer, paragraaf=par.nummer),
                f"in paragraaf {par.nummer} van hoofdstuk {chapter.nummer}",
            )
        raise AssertionError(art_id)

    def work_container(self, ch_id: str, par_id: str | None) -> list[TArtikel]:
        h = self.chapter(ch_id)
        if par_id is None:
            return h.artikelen
        return next(p for p in h.paragrafen if p.id == par_id).artikelen

    def insert_articles(self, group: list[TArtikel]) -> None:
        self.make_room([a.nummer for a in group])
        plaats, where = self.placement(group[0].id)
        count = len(group)
        subject = "een artikel" if count == 1 else f"{_telwoord(count)} artikelen"
        verb = "wordt" if count == 1 else "worden"
        where = where[0].upper() + where[1:]
        citaat = [line for a in group for line in article_lines(a)]
        self.emit(
            f"{where} {verb} {subject} ingevoegd, luidende:",
            Op("artikelen-invoegen", plaats=plaats, inhoud=list(group)),
            citaat,
            [("opmerking", "(nieuw)")],
            citaat,
        )

    def delete_articles(self, ids: list[str]) -> None:
        nummers = [self.article(i).nummer for i in ids]
        before = [line for i in ids for line in article_lines(self.article(i))]
        zin = (
            f"Artikel {nummers[0]} vervalt."
            if len(ids) == 1
            else f"De artikelen {_reeks(nummers)} vervallen."
        )
        self.emit(
            zin, Op("artikelen-vervallen", nummers), [], before, [("opmerking", "(vervallen)")]
        )

    def move_article(self, art_id: str, target: TArtikel, renumbered: bool) -> None:
        if renumbered:
            self.make_room([target.nummer])
        current = self.article(art_id)
        plaats, where = self.placement(art_id)
        op = Op(
            "artikel-verplaatsen",
            [current.nummer],
            nieuw_nummer=target.nummer if renumbered else None,
            plaats=plaats,
        )
        if self._stays(op):
            # Already where it belongs: the others moved around it (two articles that swap
            # paragraphs, one moved in its container's place). "Wordt geplaatst in paragraaf
            # 2" for an article that stands there alone says nothing; only a new number does.
            if renumbered:
                self.renumber_articles([(current.nummer, target.nummer)])
            return
        renumber = f" vernummerd tot artikel {target.nummer} en" if renumbered else ""
        self.emit(
            f"Artikel {current.nummer} wordt{renumber} geplaatst {where}.",
            op,
            [],
            [("artikel", f"Artikel {current.nummer} (plaats)")],
            [("artikel", f"Artikel {target.nummer} ({where})")],
        )

    def _stays(self, op: Op) -> bool:
        """Whether a move leaves every article in the same container and order."""

        def order(t: Tekst) -> list[tuple[str, str | None, str]]:
            return [
                (h.id, p.id if p else None, a.id) for h, p, arts in t.containers() for a in arts
            ]

        trial = self.work.copy()
        try:
            toepassen(trial, replace(op, nieuw_nummer=None))
        except NietToepasbaar:
            return False
        return order(trial) == order(self.work)

    def renumber_articles(self, pairs: list[tuple[str, str]]) -> None:
        old = [o for o, _ in pairs]
        new = [n for _, n in pairs]
        zin = (
            f"Artikel {old[0]} wordt vernummerd tot artikel {new[0]}."
            if len(pairs) == 1
            else f"De artikelen {_reeks(old)} worden vernummerd tot de artikelen {_reeks(new)}."
        )
        self.emit(
            zin,
            Op("artikelen-vernummeren", vernummering=pairs),
            [],
            [("artikel", f"Artikel {o}") for o in old],
            [("artikel", f"Artikel {n}") for n in new],
        )


_NIET_EXACT = (
    "de verschillen laten zich niet als exacte wijzigingsopdrachten schrijven; "
    "stel de tekst opnieuw vast met --herziening"
)


def _article_events(old: Tekst, new: Tekst) -> list[tuple[str, str]]:
    """('keep' | 'from' | 'to', article id) in reading order of old and new merged."""

    def seq(t: Tekst) -> list[tuple[str, tuple[str, str | None]]]:
        return [(a.id, (h.id, p.id if p else None)) for h, p, arts in t.containers() for a in arts]

    a, b = seq(old), seq(new)
    events: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=[x for x, _ in a], b=[x for x, _ in b], autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                (art, c_old), (_, c_new) = a[i1 + k], b[j1 + k]
                events += [("keep", art)] if c_old == c_new else [("from", art), ("to", art)]
        else:
            events += [("from", x) for x, _ in a[i1:i2]] + [("to", x) for x, _ in b[j1:j2]]
    return events


def _instructions(old: Tekst, new: Tekst, order: str, deletions_first: bool) -> _Drafter:
    """``order``: where renumbering goes: 'split' (raised numbers first, lowered last),
    'first' or 'last' (all at once)."""
    d = _Drafter(old, new)
    old_arts = {a.id: a for a in old.artikelen()}
    new_arts = {a.id: a for a in new.artikelen()}
    old_ch = {h.id: h for h in old.hoofdstukken}
    new_ch = {h.id: h for h in new.hoofdstukken}
    kept_ch = [h for h in old.hoofdstukken if h.id in new_ch]
    if [h.id for h in kept_ch] != [h.id for h in new.hoofdstukken if h.id in old_ch]:
        raise NietExact(_NIET_EXACT + " (de volgorde van de hoofdstukken is veranderd)")
    old_container = {
        a.id: (h.id, p.id if p else None) for h, p, arts in old.containers() for a in arts
    }
    new_container = {
        a.id: (h.id, p.id if p else None) for h, p, arts in new.containers() for a in arts
    }
    events = _article_events(old, new)
    moved = {x for k, x in events if k == "to" and x in old_arts}

    # Chapters and paragraphs: renumbering and headings first, in one go (Ar 238: rare).
    pairs = [(h.nummer, new_ch[h.id].nummer) for h in kept_ch if h.nummer != new_ch[h.id].nummer]
    if pairs:
        old_n, new_n = [o for o, _ in pairs], [n for _, n in pairs]
        d.emit(
            f"Hoofdstuk {old_n[0]} wordt vernummerd tot hoofdstuk {new_n[0]}."
            if len(pairs) == 1
            else f"De hoofdstukken {_reeks(old_n)} worden vernummerd tot de hoofdstukken {_reeks(new_n)}.",
            Op("hoofdstukken-vernummeren", vernummering=pairs),
            [],
            [("hoofdstuk", f"Hoofdstuk {o}") for o in old_n],
            [("hoofdstuk", f"Hoofdstuk {n}") for n in new_n],
        )
    new_pars = {(h.id, p.id): p for h in new.hoofdstukken for p in h.paragrafen}
    old_pars = {(h.id, p.id): p for h in old.hoofdstukken for p in h.paragrafen}
    for h in kept_ch:
        kept = [p for p in h.paragrafen if (h.id, p.id) in new_pars]
        order_new = [p.id for p in new_ch[h.id].paragrafen if (h.id, p.id) in old_pars]
        if [p.id for p in kept] != order_new:
            raise NietExact(_NIET_EXACT + " (de volgorde van de paragrafen is veranderd)")
        par_pairs = [
            (p.nummer, new_pars[(h.id, p.id)].nummer)
            for p in kept
            if p.nummer != new_pars[(h.id, p.id)].nummer
        ]
        if par_pairs:
            chapter = d.chapter(h.id).nummer
            old_p, new_p = [o for o, _ in par_pairs], [n for _, n in par_pairs]
            d.emit(
                f"In hoofdstuk {chapter} wordt paragraaf {old_p[0]} vernummerd tot paragraaf {new_p[0]}."
                if len(par_pairs) == 1
                else f"In hoofdstuk {chapter} worden de paragrafen {_reeks(old_p)} vernummerd tot de paragrafen {_reeks(new_p)}.",
                Op("paragrafen-vernummeren", hoofdstuk=chapter, vernummering=par_pairs),
            )

    # Article renumbering: upward shifts before anything else, downward shifts at the end,
    # so no two articles ever share a number while the instructions are applied.
    relabel = [
        (old_arts[x].nummer, new_arts[x].nummer)
        for k, x in events
        if k == "keep" and old_arts[x].nummer != new_arts[x].nummer
    ]
    # A moved article is renumbered in its move ("wordt vernummerd tot artikel 29a en
    # geplaatst na ..."), unless its numbers clash with others; then with the others.
    # Every number some other article will take counts, including those of moved articles
    # handled later in this loop: an article that keeps its old number until its move
    # would otherwise block the one that is to take that number before the move comes.
    targets = (
        {n for _, n in relabel}
        | {a.nummer for a in new.artikelen() if a.id not in old_arts}
        | {new_arts[x].nummer for x in moved if old_arts[x].nummer != new_arts[x].nummer}
    )
    renumber_in_move: set[str] = set()
    for x in sorted(moved, key=lambda i: _number_key(old_arts[i].nummer)):
        o, n = old_arts[x].nummer, new_arts[x].nummer
        others = {a.nummer for a in old.artikelen() if a.id != x}
        if o == n:
            continue
        if n in others or o in targets:
            relabel.append((o, n))
        else:
            renumber_in_move.add(x)
    up = [(o, n) for o, n in relabel if _number_key(n) > _number_key(o)]
    down = [(o, n) for o, n in relabel if _number_key(n) < _number_key(o)]
    if order == "first":
        up, down = up + down, []
    elif order == "last":
        up, down = [], up + down
    if deletions_first:
        # Articles that go are struck first, so their numbers are free for the rest.
        gone = [x for k, x in events if k == "from" and x not in new_arts]
        if gone:
            d.delete_articles(gone)
        events = [(k, x) for k, x in events if not (k == "from" and x not in new_arts)]
    if up:
        d.renumber_articles(up)
    d.pending = down

    # Events of divisions: where each inserted or removed chapter or paragraph goes.
    def first_event(ids: set[str], kinds: tuple[str, ...]) -> int:
        return min((n for n, (k, x) in enumerate(events) if x in ids and k in kinds), default=-1)

    def last_event(ids: set[str]) -> int:
        return max((n for n, (_, x) in enumerate(events) if x in ids), default=-1)

    inserted_ch = {h.id for h in new.hoofdstukken if h.id not in old_ch}
    inserted_par = {k for k in new_pars if k not in old_pars and k[0] not in inserted_ch}
    removed_ch = {h.id for h in old.hoofdstukken if h.id not in new_ch}
    removed_par = {k for k in old_pars if k not in new_pars and k[0] not in removed_ch}
    covered: set[str] = set()  # articles quoted with an inserted division or removed with one
    before_event: dict[int, list[tuple[str, object]]] = {}
    after_event: dict[int, list[tuple[str, object]]] = {}
    for ch_id in inserted_ch:
        ids = {
            a.id for _, _, arts in [c for c in new.containers() if c[0].id == ch_id] for a in arts
        }
        before_event.setdefault(first_event(ids, ("to",)), []).append(("ch+", ch_id))
        covered |= {i for i in ids if i not in old_arts}
    for key in sorted(inserted_par):
        ids = {a.id for a in new_pars[key].artikelen}
        before_event.setdefault(first_event(ids, ("to",)), []).append(("par+", key))
        covered |= {i for i in ids if i not in old_arts}
    for ch_id in removed_ch:
        ids = {
            a.id for _, _, arts in [c for c in old.containers() if c[0].id == ch_id] for a in arts
        }
        after_event.setdefault(last_event(ids), []).append(("ch-", ch_id))
        covered |= {i for i in ids if i not in new_arts}
    for key in sorted(removed_par):
        ids = {a.id for a in old_pars[key].artikelen}
        after_event.setdefault(last_event(ids), []).append(("par-", key))
        covered |= {i for i in ids if i not in new_arts}
    headings: dict[int, list[tuple[str, object]]] = {}
    for h in kept_ch:
        if h.titel != new_ch[h.id].titel:
            ids = {
                a.id
                for _, _, arts in [c for c in old.containers() if c[0].id == h.id]
                for a in arts
            }
            headings.setdefault(first_event(ids, ("keep", "from")), []).append(("ch=", h.id))
        for p in h.paragrafen:
            if (h.id, p.id) in new_pars and p.titel != new_pars[(h.id, p.id)].titel:
                ids = {a.id for a in p.artikelen}
                headings.setdefault(first_event(ids, ("keep", "from")), []).append(
                    ("par=", (h.id, p.id))
                )

    def division(kind: str, key: object) -> None:
        if kind == "ch=":
            assert isinstance(key, str)
            chapter = d.chapter(key)
            titel = new_ch[key].titel
            d.emit(
                f"Het opschrift van hoofdstuk {chapter.nummer} komt te luiden: {titel}.",
                Op("hoofdstuk-opschrift", hoofdstuk=chapter.nummer, titel=titel),
                [],
                [("hoofdstuk", f"Hoofdstuk {chapter.nummer}. {chapter.titel}")],
                [("hoofdstuk", f"Hoofdstuk {chapter.nummer}. {titel}")],
            )
        elif kind == "par=":
            assert isinstance(key, tuple)
            chapter = d.chapter(key[0])
            par = next(p for p in chapter.paragrafen if p.id == key[1])
            titel = new_pars[key].titel
            d.emit(
                f"Het opschrift van paragraaf {par.nummer} van hoofdstuk {chapter.nummer} komt te luiden: {titel}.",
                Op(
                    "paragraaf-opschrift",
                    hoofdstuk=chapter.nummer,
                    paragraaf=par.nummer,
                    titel=titel,
                ),
                [],
                [("paragraaf", f"Paragraaf {par.nummer}. {par.titel}")],
                [("paragraaf", f"Paragraaf {par.nummer}. {titel}")],
            )
        elif kind == "ch+":
            assert isinstance(key, str)
            source = new_ch[key]
            content = THoofdstuk(
                source.id,
                source.nummer,
                source.titel,
                [a for a in source.artikelen if a.id not in old_arts],
                [
                    TParagraaf(
                        p.id, p.nummer, p.titel, [a for a in p.artikelen if a.id not in old_arts]
                    )
                    for p in source.paragrafen
                ],
            )
            d.make_room(
                [
                    a.nummer
                    for a in content.artikelen
                    + [a for p in content.paragrafen for a in p.artikelen]
                ]
            )
            order = [h.id for h in new.hoofdstukken]
            previous = [
                c for c in order[: order.index(key)] if any(h.id == c for h in d.work.hoofdstukken)
            ]
            following = [
                c
                for c in order[order.index(key) + 1 :]
                if any(h.id == c for h in d.work.hoofdstukken)
            ]
            if previous:
                na, voor = d.chapter(previous[-1]).nummer, None
                where = f"Na hoofdstuk {na}"
            else:
                na, voor = None, d.chapter(following[0]).nummer
                where = f"Voor hoofdstuk {voor}"
            lines = chapter_lines(content)
            d.emit(
                f"{where} wordt een hoofdstuk ingevoegd, luidende:",
                Op("hoofdstuk-invoegen", na=na, voor=voor, hoofdstuk_inhoud=content),
                lines,
                [("opmerking", "(nieuw)")],
                lines,
            )
        elif kind == "par+":
            assert isinstance(key, tuple)
            source_p = new_pars[key]
            content_p = TParagraaf(
                source_p.id,
                source_p.nummer,
                source_p.titel,
                [a for a in source_p.artikelen if a.id not in old_arts],
            )
            d.make_room([a.nummer for a in content_p.artikelen])
            chapter = d.chapter(key[0])
            order = [p.id for p in new_ch[key[0]].paragrafen]
            present = {p.id: p.nummer for p in chapter.paragrafen}
            previous = [present[p] for p in order[: order.index(key[1])] if p in present]
            following = [present[p] for p in order[order.index(key[1]) + 1 :] if p in present]
            if previous:
                na, voor, where = previous[-1], None, f"na paragraaf {previous[-1]} "
            elif following:
                na, voor, where = None, following[0], f"voor paragraaf {following[0]} "
            else:
                na, voor, where = None, None, ""
            lines = paragraph_lines(content_p)
            d.emit(
                f"In hoofdstuk {chapter.nummer} wordt {where}een paragraaf ingevoegd, luidende:",
                Op(
                    "paragraaf-invoegen",
                    hoofdstuk=chapter.nummer,
                    na=na,
                    voor=voor,
                    paragraaf_inhoud=content_p,
                ),
                lines,
                [("opmerking", "(nieuw)")],
                lines,
            )
        elif kind == "ch-":
            assert isinstance(key, str)
            chapter = d.chapter(key)
            d.emit(
                f"Hoofdstuk {chapter.nummer} vervalt.",
                Op("hoofdstuk-vervalt", hoofdstuk=chapter.nummer),
                [],
                chapter_lines(chapter),
                [("opmerking", "(vervallen)")],
            )
        elif kind == "par-":
            assert isinstance(key, tuple)
            chapter = d.chapter(key[0])
            par = next(p for p in chapter.paragrafen if p.id == key[1])
            d.emit(
                f"In hoofdstuk {chapter.nummer} vervalt paragraaf {par.nummer}.",
                Op("paragraaf-vervalt", hoofdstuk=chapter.nummer, paragraaf=par.nummer),
                [],
                paragraph_lines(par),
                [("opmerking", "(vervallen)")],
            )

    pos = 0
    while pos < len(events):
        for item in headings.get(pos, []) + before_event.get(pos, []):
            division(*item)
        kind, art = events[pos]
        if kind == "keep":
            d.change_article(art, new_arts[art])
        elif kind == "from" and art not in new_arts and art not in covered:
            group = [art]
            while (
                pos + 1 < len(events)
                and events[pos + 1][0] == "from"
                and events[pos + 1][1] not in new_arts
                and events[pos + 1][1] not in covered
                and old_container[events[pos + 1][1]] == old_container[art]
                and not headings.get(pos + 1)
                and not before_event.get(pos + 1)
                and not after_event.get(pos)
            ):
                pos += 1
                group.append(events[pos][1])
            d.delete_articles(group)
        elif kind == "to" and art in moved:
            d.move_article(art, new_arts[art], art in renumber_in_move)
            d.change_article(art, new_arts[art])
        elif kind == "to" and art not in old_arts and art not in covered:
            group_a = [new_arts[art]]
            while (
                pos + 1 < len(events)
                and events[pos + 1][0] == "to"
                and events[pos + 1][1] not in old_arts
                and events[pos + 1][1] not in covered
                and new_container[events[pos + 1][1]] == new_container[art]
                and not headings.get(pos + 1)
                and not before_event.get(pos + 1)
                and not after_event.get(pos)
            ):
                pos += 1
                group_a.append(new_arts[events[pos][1]])
            d.insert_articles(group_a)
        for item in after_event.get(pos, []):
            division(*item)
        pos += 1
    if d.pending:
        d.renumber_articles(d.pending)
    return d


def _hints(old: Tekst, new: Tekst) -> list[str]:
    """The ``nummer:`` entries that keep every article's number in force (Ar 238): an
    inserted article takes the previous number with a letter; after a removed one the
    next article records its own number."""
    old_numbers = {a.id: a.nummer for a in old.artikelen()}
    hints: list[str] = []
    kept = "0"
    suffix = 0
    counted = "0"  # what regiodocs counts without a recorded number
    for a in new.artikelen():
        if a.id in old_numbers:
            kept, suffix = old_numbers[a.id], 0
            keep = kept
        else:
            keep = kept + letter(suffix)  # 2a ... 2z, 2aa, 2bb: never the same twice
            suffix += 1
        digits = re.match(r"\d+", counted)
        if keep != str(int(digits.group(0) if digits else "0") + 1):
            hints.append(f"artikel '{a.id}': nummer: {keep}")
        counted = keep
    return hints


def _same_ids(old: Tekst, new: Tekst) -> Tekst:
    """``new`` with the ids of old chapters, paragraphs and articles that were only renamed.

    Versions are paired by id, and ids are not part of the text: a chapter whose id changed
    but whose number and heading (or articles) did not would otherwise be "inserted" next to
    itself ("hoofdstuk 5 komt 2 keer voor") and an article with a new id struck and inserted
    again, word for word. A new id takes the old one when exactly one old item that has
    left matches it: a chapter or paragraph by number and heading or by its articles, an
    article by number and text."""
    new = new.copy()

    def rename(olds: list[Any], news: list[Any], same: Callable[[Any, Any], bool]) -> None:
        new_ids = {x.id for x in news}
        old_ids = {x.id for x in olds}
        gone = [x for x in olds if x.id not in new_ids]
        for item in news:
            if item.id in old_ids:
                continue
            matches = [x for x in gone if same(x, item)]
            if len(matches) == 1:
                item.id = matches[0].id
                gone.remove(matches[0])

    def ids(arts: list[TArtikel]) -> list[str]:
        return [a.id for a in arts]

    def division(a: Any, b: Any) -> bool:
        arts_a = ids(a.artikelen) + [
            i for p in getattr(a, "paragrafen", []) for i in ids(p.artikelen)
        ]
        arts_b = ids(b.artikelen) + [
            i for p in getattr(b, "paragrafen", []) for i in ids(p.artikelen)
        ]
        return bool((a.nummer, a.titel) == (b.nummer, b.titel) or (arts_a and arts_a == arts_b))

    rename(
        old.artikelen(),
        new.artikelen(),
        lambda a, b: (a.nummer, a.inhoud()) == (b.nummer, b.inhoud()),
    )
    rename(old.hoofdstukken, new.hoofdstukken, division)
    old_chapters = {h.id: h for h in old.hoofdstukken}
    for h in new.hoofdstukken:
        if h.id in old_chapters:
            rename(old_chapters[h.id].paragrafen, h.paragrafen, division)
    return new


def draft(
    old: Regeling, new: Regeling, van: str = "oud", naar: str = "nieuw", *, herziening: bool = False
) -> Wijziging:
    """The wijzigingsregeling from ``old`` to ``new``; replaying it gives exactly ``new``."""
    old_text, as_written = consolidated(old), consolidated(new)
    result = Wijziging(new.citeertitel, van, naar, nieuwe_tekst=text_lines(as_written))
    if herziening:
        return result
    failure = NietExact(_NIET_EXACT)
    # Renamed ids paired first; the ids as written if that cannot be drafted exactly.
    strategies = [
        (t, o, f)
        for t in (_same_ids(old_text, as_written), as_written)
        for f in (False, True)
        for o in ("split", "first", "last")
    ]
    for new_text, order, deletions_first in strategies:
        try:
            result.instructies = _instructions(old_text, new_text, order, deletions_first).out
        except NietExact as e:
            failure = e
            continue
        for n, instructie in enumerate(result.instructies):
            instructie.letter = _letter(n)
        if text_lines(replay(old_text, result)) == text_lines(new_text):
            break
    else:
        raise failure
    if any(i.op.soort == "artikelen-vernummeren" for i in result.instructies):
        result.hints = _hints(old_text, new_text)
    return result


def replay(old: Tekst, wijziging: Wijziging) -> Tekst:
    """Apply the instructions one after the other to a copy of the old text."""
    work = old.copy()
    for instructie in wijziging.instructies:
        toepassen(work, instructie.op)
    return work


def apply(old: Regeling, wijziging: Wijziging) -> Tekst:
    """The old regeling's text with the instructions applied."""
    return replay(consolidated(old), wijziging)


def regeling_text(regeling: Regeling | Tekst) -> list[Regel]:
    """The consolidated text, line by line, to compare two versions."""
    return text_lines(regeling if isinstance(regeling, Tekst) else consolidated(regeling))


def _letter(n: int) -> str:
    """A, B, ..., Z, AA, BB, ...: the instruction letters never run out."""
    return letter(n).upper()


# --- the document ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Alinea:
    stijl: str
    tekst: Md


_STIJL = {
    "hoofdstuk": "Aangehaald",
    "paragraaf": "Aangehaald",
    "artikel": "Aangehaald",
    "lid": "Aangehaald lid",
    "onderdeel": "Aangehaald onderdeel",
    "sub": "Aangehaald onderdeel",
    "sub-opdracht": "Instructie",
    "opmerking": "Aangehaald",
}


def _md_line(kind: str, text: str) -> Md:
    from regiodocs.documents.markdown import TAB

    parts = [escape(p) for p in text.split("\t")]
    body = TAB.join(parts)
    return Md(f"**{body}**" if kind in ("hoofdstuk", "paragraaf", "artikel") else body)


def alineas(lines: list[Regel]) -> list[Alinea]:
    return [Alinea(_STIJL[kind], _md_line(kind, text)) for kind, text in lines]


def marked(old: list[Regel], new: list[Regel]) -> tuple[Md, Md]:
    """Old and new text with the changed words marked: struck through in the old text,
    underlined in the new (a renvooi)."""
    a = plain(old).split()
    b = plain(new).split()
    left: list[str] = []
    right: list[str] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        old_words = escape(" ".join(a[i1:i2]))
        new_words = escape(" ".join(b[j1:j2]))
        if tag == "equal":
            left.append(old_words)
            right.append(new_words)
            continue
        if old_words:
            left.append(f"~~{old_words}~~")
        if new_words:
            right.append(f"[{new_words}]{{.underline}}")
    return Md(" ".join(left)), Md(" ".join(right))


def wijziging_job(region: Region, wijziging: Wijziging, herziening: bool) -> Job:
    """The document job for a drafted wijzigingsregeling."""
    assert region.regeling is not None
    namen = [d.naam for d in region.regio.deelnemers]
    titel = f"Regeling tot wijziging van de {wijziging.citeertitel}"
    organen = {
        "college": "De colleges van burgemeester en wethouders",
        "raad": "De raden",
        "burgemeester": "de burgemeesters",
    }
    aanhef = fmt.opsomming(
        [
            organen[o] if i == 0 else organen[o].lower()
            for i, o in enumerate(region.regeling.aanhef.bestuursorganen)
        ]
    )
    instructies = [
        {
            "letter": i.letter,
            "zin": i.zin,  # plain text: the renderer escapes it once
            "citaat": alineas(i.citaat),
            "synopsis": marked(i.oud, i.nieuw),
        }
        for i in wijziging.instructies
    ]
    context = {
        "wijziging": wijziging,
        "instructies": instructies,
        "nieuwe_tekst": alineas(wijziging.nieuwe_tekst),
        "herziening": herziening,
        "titel": titel,
        "aanhef": f"{aanhef} van de gemeenten {fmt.opsomming(namen)}, ieder voor zover het zijn bevoegdheden betreft",
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


# The raadsvoorstel and raadsbesluit about a wijziging end in this after the voorstel's id.
WIJZIGING_SUFFIX = "wijziging"


def voorstel_jobs(
    facts: Facts, voorstel_id: str, wijziging: Wijziging, herziening: bool = False
) -> list[Job]:
    """Per municipality of the raadsvoorstel ``voorstel_id``, its raadsvoorstel and
    raadsbesluit about the wijzigingsregeling, the changes of ARTIKEL I listed in both (a
    wijziging needs the same zienswijze and toestemming as the regeling, art. 1 Wgr).

    They are documents of their own, made from two versions of the regeling that the build
    plan does not know (``--van HEAD~1``): named ``...-<voorstel>-wijziging`` and of the kinds
    ``wijziging-raadsvoorstel`` and ``wijziging-raadsbesluit``, so ``make raadsvoorstel``
    neither overwrites them with the voorstel without its list of changes nor removes them as
    stale, and they do not overwrite the voorstel the build makes."""
    from regiodocs.documents.views.raadsbesluit import raadsbesluit
    from regiodocs.documents.views.raadsvoorstel import raadsvoorstel

    region = facts.region
    voorstellen = {v.id: v for v in region.raadsvoorstellen}
    if voorstel_id not in voorstellen:
        raise UsageError(
            f"onbekend raadsvoorstel '{voorstel_id}'; bekend: {', '.join(voorstellen) or 'geen'}"
        )
    voorstel = voorstellen[voorstel_id]
    samenvatting: dict[str, object] = {
        "titel": f"Regeling tot wijziging van de {wijziging.citeertitel}",
        "citeertitel": wijziging.citeertitel,
    }
    lines: list[dict[str, object]] = []
    if herziening:
        lines.append(
            {
                "letter": "",
                "zin": "De tekst van de regeling wordt in haar geheel opnieuw vastgesteld.",
            }
        )
    for i in wijziging.instructies:
        lines.append({"letter": f"{i.letter}.", "zin": i.zin})
        lines += [{"letter": "", "zin": sub.replace("\t", " ")} for sub in i.subzinnen]
    samenvatting["instructies"] = lines
    jobs: list[Job] = []
    for d in region.regio.deelnemers:
        if d.id not in voorstel.per_gemeente:
            continue
        for make in (raadsvoorstel, raadsbesluit):
            job = make(facts, voorstel, d, False)
            jobs.append(
                replace(
                    job,
                    kind=f"wijziging-{job.kind}",
                    output=job.output.with_name(f"{job.output.name}-{WIJZIGING_SUFFIX}"),
                    context={**job.context, "wijziging": samenvatting},
                )
            )
    return jobs


__all__ = [
    "Wijziging",
    "apply",
    "draft",
    "load_version",
    "regeling_text",
    "replay",
    "voorstel_jobs",
]
