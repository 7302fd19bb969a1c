"""Consistency across the municipalities' versions of a document.

1. Rendering each municipality's version with its per-municipality fields masked must give
   the same text five times (nothing outside the declared fields varies; a municipality's
   declared local paragraphs are left out of that comparison and named), and each real
   version must equal its masked version with the real values filled in (no template
   branches on a municipality's value).
2. Every document in build/ that names a fingerprint (regeling, regiovisie, reactienota) in
   its document properties must name the current one: a council must never receive an older
   text than the others.
"""

from __future__ import annotations

import difflib
import re
import zipfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from xml.etree import ElementTree

from regiodocs.content.models.besluiten import ANKERS
from regiodocs.content.pipeline import load_checked
from regiodocs.documents.markdown import Md, escape
from regiodocs.documents.plan import plan_documents
from regiodocs.documents.render import make_environment, render_document
from regiodocs.documents.views.common import PER_GEMEENTE_KINDS, placeholder_values

_START, _END = "⟦lokaal⟧", "⟦/lokaal⟧"
_LOCAL = re.compile(rf"\n*{_START}.*?{_END}\n*", re.DOTALL)
_BLANKS = re.compile(r"\n{3,}")


@dataclass
class ConsistencyReport:
    compared: int = 0
    documents_checked: int = 0
    problems: list[str] = field(default_factory=list)
    bewust: list[str] = field(default_factory=list)  # declared, named local differences


def check_consistency(
    content_dir: Path, template_dir: Path, build_dir: Path, region_id: str
) -> ConsistencyReport:
    checked = load_checked(content_dir, region_id)
    region = checked.region
    report = ConsistencyReport()
    env = make_environment(template_dir)
    groups: dict[str, list[tuple[str, str]]] = {}
    real_jobs = plan_documents(checked.facts, PER_GEMEENTE_KINDS)
    masked_jobs = plan_documents(checked.facts, PER_GEMEENTE_KINDS, mask=True)
    for real, masked_job in zip(real_jobs, masked_jobs, strict=True):
        # output is <gemeente>/<date>-<kind>-<id>: group by kind and document id
        gemeente, name = real.output.parts
        key = f"{real.kind}-{name.split(real.kind + '-', 1)[1]}"
        masked_text = render_document(env, masked_job)
        # A municipality's own paragraphs differ on purpose: they are rendered between markers
        # and cut out before comparing (named below); everything around them must be equal.
        common = masked_text
        lokaal = masked_job.context.get("lokaal", {})
        if any(lokaal.values()):
            marked = {k: Md(f"\n{_START}\n{v}\n{_END}\n" if v else "") for k, v in lokaal.items()}
            common = render_document(
                env, replace(masked_job, context={**masked_job.context, "lokaal": marked})
            )
            common = _BLANKS.sub("\n\n", _LOCAL.sub("\n\n", common))
        groups.setdefault(key, []).append((gemeente, common))
        filled = masked_text
        for placeholder, value in placeholder_values(real.context["gemeente"]).items():
            filled = filled.replace(escape(placeholder), escape(value))
        report.compared += 1
        if filled != render_document(env, real):
            report.problems.append(
                f"{key}: de versie van {gemeente} bevat tekst die afhangt van een gemeentewaarde (sjabloon maakt onderscheid per gemeente)"
            )
    for key, versions in sorted(groups.items()):
        first_gemeente, first_text = versions[0]
        for gemeente, text in versions[1:]:
            report.compared += 1
            if text != first_text:
                diff = next(
                    (
                        line
                        for line in difflib.unified_diff(
                            first_text.splitlines(), text.splitlines(), lineterm="", n=0
                        )
                        if line[:1] in "+-" and not line.startswith(("+++", "---"))
                    ),
                    "",
                )
                report.problems.append(
                    f"{key}: de versie van {gemeente} wijkt af van die van {first_gemeente} buiten de gemeentevelden ({diff.strip()[:120]})"
                )
    for voorstel in region.raadsvoorstellen:
        for gemeente, data in voorstel.per_gemeente.items():
            for lp in data.lokale_paragrafen:
                report.bewust.append(
                    f"raadsvoorstel-{voorstel.id}: de versie van {gemeente} verschilt hier, bewust: "
                    f"lokale paragraaf '{lp.id}' ({lp.titel}), aan het eind van "
                    f"'{ANKERS[lp.na]}'"
                )
    current = checked.facts.fingerprints
    others = [d.name for d in content_dir.iterdir() if d.is_dir()] if content_dir.is_dir() else []
    gemeenten = [d.id for d in region.regio.deelnemers]
    for path in region_outputs(build_dir, region.regio.id, gemeenten, others):
        if path.suffix == ".docx":
            report.documents_checked += 1
            for document, value in named_fingerprints(path).items():
                if document in current and value != current[document]:
                    report.problems.append(
                        f"{path}: noemt vingerafdruk {value} van de {document}, maar de huidige "
                        f"inhoud heeft {current[document]}; bouw opnieuw met 'make all'"
                    )
    return report


def named_fingerprints(docx: Path) -> dict[str, str]:
    """Document -> fingerprint, from a .docx's custom properties ('Vingerafdruk regeling').

    Fingerprints stay out of the council text; the properties carry them. A document's own
    fingerprint ('Vingerafdruk' alone) is named after the document kind in its file name.
    """
    try:
        with zipfile.ZipFile(docx) as package:
            root = ElementTree.fromstring(package.read("docProps/custom.xml"))
    except (OSError, KeyError, zipfile.BadZipFile, ElementTree.ParseError):
        return {}
    found = {}
    for prop in root:
        name = prop.get("name", "")
        value = "".join(prop.itertext()).strip()
        if name.startswith("Vingerafdruk "):
            found[name.removeprefix("Vingerafdruk ")] = value
        elif name == "Vingerafdruk":
            kind = next((k for k in _OWN_KINDS if docx.stem.endswith(f"-{k}")), None)
            if kind:
                found[kind] = value
    return found


_OWN_KINDS = ("regiovisie", "regeling", "reactienota")


def region_outputs(
    build_dir: Path, region_id: str, gemeenten: list[str], other_regions: list[str]
) -> list[Path]:
    """The files in build/ that belong to one region: its regional documents
    (build/regio/<region>-*) and the folders of its own municipalities.

    Regions build side by side into one build/; another region's documents name other
    fingerprints and are none of this region's business. ``other_regions`` keeps a region
    whose id extends this one ('utrecht' and 'utrecht-west') out of this region's files.
    """
    longer = [f"{r}-" for r in other_regions if r != region_id and r.startswith(f"{region_id}-")]
    found: list[Path] = []
    regio_dir = build_dir / "regio"
    if regio_dir.is_dir():
        found += [
            p
            for p in regio_dir.glob(f"{region_id}-*")
            if p.is_file() and not p.name.startswith(tuple(longer))
        ]
    for gemeente in gemeenten:
        folder = build_dir / gemeente
        if folder.is_dir():
            found += [p for p in folder.rglob("*") if p.is_file()]
    return sorted(found)
