"""The front half of the pipeline, shared by every command: load, schema, check."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from regiodocs.content.check import check_region
from regiodocs.content.facts import Facts
from regiodocs.content.load import FileCache, load_region
from regiodocs.content.region import Region
from regiodocs.content.schema import validate_region
from regiodocs.diagnostics import ContentError, Diagnostic, errors_only
from regiodocs.legal.parameters import with_parameters


@dataclass
class CheckedRegion:
    region: Region
    warnings: list[Diagnostic]
    facts: Facts  # what the checks computed, for the documents


def load_checked(
    content_dir: Path,
    region_id: str,
    *,
    strict: bool = False,
    wgr: bool = True,
    files: FileCache | None = None,
) -> CheckedRegion:
    """Load, validate and check a region; raise ContentError on any error (or warning if strict).

    ``wgr=False`` leaves the Wgr-toets out, for the command that reports on it; ``files``
    lets a resident process (the preview) re-read only the files that changed.
    """
    region = validate_region(load_region(content_dir, region_id, files), files)
    if region.regeling is not None:
        # Parametric provisions print their values: what the checks read is what is printed.
        region.regeling = with_parameters(region.regeling, region.bestuur)
    facts = Facts(region)
    findings = check_region(region, wgr=wgr, facts=facts)
    failing = findings if strict else errors_only(findings)
    if failing:
        raise ContentError(findings)
    return CheckedRegion(region=region, warnings=findings, facts=facts)
