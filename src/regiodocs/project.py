"""The project folder: found by its marker file, as git finds its root, and its settings.

A project is a folder with ``regiodocs.toml``. Every command run in it or in a folder below
it takes its content, build and template folders and its default region from there, so an
installed regiodocs works in any region's own folder, not only inside this repository.
Without a marker the current folder is the project.

    # regiodocs.toml (all keys optional; paths relative to this file)
    regio = "utrecht-west"      # default for --regio
    inhoud = "content"          # default for --content
    uitvoer = "build"           # default for --build
    sjablonen = "templates"     # default for --templates; otherwise the packaged ones
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from regiodocs.diagnostics import UsageError

MARKER = "regiodocs.toml"
KEYS = {"regio", "inhoud", "uitvoer", "sjablonen"}


@dataclass(frozen=True)
class Project:
    root: Path
    marker: Path | None
    content_dir: Path
    build_dir: Path
    template_dir: Path
    region_id: str | None


def find_root(start: Path) -> Path | None:
    """The nearest folder at or above ``start`` that holds the marker file."""
    for folder in (start, *start.parents):
        if (folder / MARKER).is_file():
            return folder
    return None


def package_templates() -> Path:
    """The templates shipped inside the package (in a checkout: the repository's)."""
    packaged = Path(__file__).resolve().parent / "templates"  # package data, on disk
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "templates"  # editable install


def _shown(path: Path) -> Path:
    """Relative to the working folder where possible, so messages stay short."""
    try:
        return Path(os.path.relpath(path))
    except ValueError:  # another drive on Windows
        return path


def load_project(start: Path | None = None) -> Project:
    here = (start or Path.cwd()).resolve()
    root = find_root(here)
    settings: dict[str, object] = {}
    marker = None
    if root is not None:
        marker = root / MARKER
        import tomllib  # only when there is a marker to read

        try:
            settings = tomllib.loads(marker.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise UsageError(f"{_shown(marker)}: ongeldige TOML: {exc}") from None
        unknown = sorted(set(settings) - KEYS)
        if unknown:
            raise UsageError(
                f"{_shown(marker)}: onbekende instelling '{unknown[0]}'; "
                f"toegestaan: {', '.join(sorted(KEYS))}"
            )
        for key, value in settings.items():
            if not isinstance(value, str) or not value.strip():
                raise UsageError(f"{_shown(marker)}: '{key}' moet een tekst zijn")
    base = root or here

    def folder(key: str, default: str) -> Path:
        return _shown(base / str(settings.get(key, default)))

    if "sjablonen" in settings:
        templates = folder("sjablonen", "templates")
    elif (base / "templates").is_dir():
        templates = _shown(base / "templates")
    else:
        templates = package_templates()
    region = settings.get("regio")
    return Project(
        root=base,
        marker=marker,
        content_dir=folder("inhoud", "content"),
        build_dir=folder("uitvoer", "build"),
        template_dir=templates,
        region_id=str(region) if region is not None else None,
    )


def default_region(project: Project, content_dir: Path) -> str:
    """The region of regiodocs.toml, else the only region folder there is."""
    if project.region_id:
        return project.region_id
    regions = (
        sorted(p.name for p in content_dir.iterdir() if p.is_dir() and not p.name.startswith("."))
        if content_dir.is_dir()
        else []
    )
    if len(regions) == 1:
        return regions[0]
    if not regions:
        raise UsageError(f"geen regio gevonden in {content_dir}; begin er een met 'regiodocs init'")
    raise UsageError(
        f"meerdere regio's in {content_dir} ({', '.join(regions)}): kies er een met --regio "
        f"of zet 'regio = \"...\"' in {MARKER}"
    )
