"""The front half of the pipeline, shared by every command: load, schema, check."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from regiodocs.content.check import check_region
from regiodocs.content.facts import Facts
from regiodocs.content.load import FileCache, RawRegion, load_region
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
    return check_loaded(load_validated(content_dir, region_id, files), strict=strict, wgr=wgr)


def load_validated(content_dir: Path, region_id: str, files: FileCache | None = None) -> Region:
    """Load and validate a region (the first two stages); raise ContentError on any error."""
    return validate_loaded(load_region(content_dir, region_id, files), files)


def validate_loaded(raw: RawRegion, files: FileCache | None = None) -> Region:
    """The schema stage on loaded files, with the regeling's parameters filled in."""
    region = validate_region(raw, files)
    if region.regeling is not None:
        # Parametric provisions print their values: what the checks read is what is printed.
        region.regeling = with_parameters(region.regeling, region.bestuur)
    return region


def check_loaded(
    region: Region, facts: Facts | None = None, *, strict: bool = False, wgr: bool = True
) -> CheckedRegion:
    """The check stage on a validated region; raise ContentError on any error (or warning if
    strict). ``facts`` may already hold figures a view computed from the same region."""
    facts = facts or Facts(region)
    findings = check_region(region, wgr=wgr, facts=facts)
    failing = findings if strict else errors_only(findings)
    if failing:
        raise ContentError(findings)
    return CheckedRegion(region=region, warnings=findings, facts=facts)
