"""One package that works anywhere: the wheel, installed in a fresh venv, builds a region in a
folder outside the checkout with its own templates; a project is found by regiodocs.toml.

The wheel test is also the lower-bound test: the venv gets every runtime dependency at the
lowest version pyproject.toml allows (``pkg==lower``), so the bounds there are proven, not
hoped for. It installs from the package index and takes about a minute; it is part of
``make test`` and CI on purpose (select it alone with ``pytest -m network``).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
import venv
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from conftest import ROOT
from docx import Document
from jsonschema import Draft202012Validator
from packaging.requirements import Requirement
from ruamel.yaml import YAML
from test_import import CVDR_XML

from regiodocs.cli import main
from regiodocs.project import load_project

SOURCES = ("src", "templates", "pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "LICENSE")


def _bin(env: Path, name: str) -> Path:
    folder = env / ("Scripts" if os.name == "nt" else "bin")
    return folder / (name + (".exe" if os.name == "nt" else ""))


def lower_bounds() -> dict[str, str]:
    """Every runtime dependency of pyproject.toml that applies here, at its lowest version."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins: dict[str, str] = {}
    for line in project["dependencies"]:
        requirement = Requirement(line)
        if requirement.marker is not None and not requirement.marker.evaluate():
            continue
        lows = [s.version for s in requirement.specifier if s.operator in (">=", "==", "~=")]
        assert len(lows) == 1, f"{line}: give exactly one lower bound (>=)"
        pins[requirement.name] = lows[0]
    return pins


def test_every_runtime_dependency_has_a_lower_bound() -> None:
    pins = lower_bounds()
    assert {"pydantic", "python-docx", "pypandoc-binary", "ruamel.yaml", "click"} <= set(pins)
    assert pins["pydantic"] == "2.7"  # use_attribute_docstrings: field descriptions in 2.7


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the built wheel and every dependency at its lower bound."""
    base = tmp_path_factory.mktemp("wheel")
    source = base / "source"  # a copy, so setuptools' build/ never lands in the checkout
    for name in SOURCES:
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("*.pyc"))
        else:
            shutil.copy(ROOT / name, source / name)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(base / "dist")]
        + [str(source)],
        check=True,
    )
    wheel = next((base / "dist").glob("regiodocs-*.whl"))
    venv.create(base / "venv", with_pip=True)
    pins = [f"{name}=={version}" for name, version in lower_bounds().items()]
    subprocess.run(
        [str(_bin(base / "venv", "python")), "-m", "pip", "install", "-q"]
        + ["--disable-pip-version-check", "--only-binary", ":all:", str(wheel), *pins],
        check=True,
    )
    return base / "venv"


def _clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["CI"] = "1"
    return env


@pytest.mark.network
def test_installed_wheel_builds_a_region_outside_the_checkout(
    installed: Path, tmp_path: Path, built: Path
) -> None:
    outside = tmp_path / "regio-buiten"
    assert ROOT not in outside.parents
    regiodocs = str(_bin(installed, "regiodocs"))

    def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [regiodocs, *args], cwd=cwd, capture_output=True, text=True, env=_clean_env()
        )

    # 1. A new region from `init`, built with the templates inside the package.
    made = run(
        "init",
        "nieuw",
        "--naam",
        "Regio Buiten",
        "--gemeente",
        "Aa",
        "--gemeente",
        "Bee",
        cwd=tmp_path,
    )
    assert made.returncode == 0, made.stderr
    project = tmp_path / "nieuw"
    sub = project / "content"
    result = run("build", "regiovisie", cwd=sub)  # found from a folder below the marker
    assert result.returncode == 0, result.stderr + result.stdout
    doc = Document(str(project / "build/regio/regio-buiten-regiovisie.docx"))
    assert any("Regiovisie Regio Buiten" in p.text for p in doc.paragraphs)
    assert not (project / "templates").exists()

    # 2. The shipped Utrecht West content, copied out, with a marker and no templates: every
    #    document, and at the lowest versions the Markdown and HTML are the same bytes as
    #    those of the checkout's own build with the pinned versions (conftest's `built`).
    outside.mkdir()
    shutil.copytree(ROOT / "content/utrecht-west", outside / "content/utrecht-west")
    (outside / "regiodocs.toml").write_text('regio = "utrecht-west"\n', encoding="utf-8")
    result = run("build", "all", cwd=outside)
    assert result.returncode == 0, result.stderr + result.stdout
    regeling = Document(str(outside / "build/regio/utrecht-west-regeling.docx"))
    rows = [[c.text for c in r.cells] for t in regeling.tables for r in t.rows]
    assert ["Montfoort", "14.000", "1 januari 2024", "7,45%"] in rows

    def texts(folder: Path) -> dict[str, bytes]:
        found = sorted(p for suffix in ("md", "html") for p in folder.glob(f"*/*.{suffix}"))
        return {str(p.relative_to(folder)): p.read_bytes() for p in found}

    mine, reference = texts(outside / "build"), texts(built)
    assert len(reference) > 60 and sorted(mine) == sorted(reference)
    assert [name for name in mine if mine[name] != reference[name]] == []

    # The editor schemas at the lowest versions: every field keeps its own Dutch description
    # (pydantic 2.6 lost the ones written as attribute docstrings), and a real validator
    # passes the shipped content and refuses a negative inwonertal and month 13.
    result = run("schema", "--per-bestand", "editor", cwd=outside)
    assert result.returncode == 0, result.stderr
    schemas = {
        p.name.removesuffix(".schema.json"): json.loads(p.read_text("utf-8"))
        for p in sorted((outside / "editor").glob("*.schema.json"))
    }
    assert len(schemas) == len(list((ROOT / "schema").glob("*.schema.json")))

    def descriptions(schema: dict[str, Any]) -> dict[str, str]:
        parts = [("", schema), *schema.get("$defs", {}).items()]
        return {
            f"{part_name}.{field}": str(prop.get("description"))
            for part_name, part in parts
            for field, prop in part.get("properties", {}).items()
        }

    for name, schema in schemas.items():
        committed = json.loads((ROOT / f"schema/{name}.schema.json").read_text("utf-8"))
        assert descriptions(schema) == descriptions(committed), name
    financien = schemas["financien"]["$defs"]
    decimalen = financien["Verdeelsleutel"]["properties"]["decimalen"]["description"]
    assert decimalen.startswith("Aantal decimalen van de percentages.")  # attribute docstring
    assert financien["Begrotingspost"]["properties"]["jaar"]["description"].startswith(
        "Begrotingsjaar."
    )
    regio_schema = schemas["regio"]
    regio = YAML(typ="safe").load((ROOT / "content/utrecht-west/regio.yaml").read_text("utf-8"))
    regio = json.loads(json.dumps(regio, default=str))  # dates as text, as in an editor
    validator = Draft202012Validator(regio_schema)
    assert list(validator.iter_errors(regio)) == []
    regio["deelnemers"][1]["inwoners"]["aantal"] = -14000
    regio["deelnemers"][2]["inwoners"]["peildatum"] = "2027-13-01"
    assert len(list(validator.iter_errors(regio))) == 2

    # The importer (lxml) at the lowest versions reads an official XML regeling into the same
    # content as in the checkout (the YAML writer may fold long lines differently).
    (outside / "ons-water.xml").write_text(CVDR_XML, encoding="utf-8")
    result = run("import", "ons-water.xml", "-o", "ow.yaml", cwd=outside)
    assert result.returncode == 0, result.stderr + result.stdout
    here = CliRunner().invoke(
        main, ["import", str(outside / "ons-water.xml"), "-o", str(outside / "ow-hier.yaml")]
    )
    assert here.exit_code == 0, here.output
    imported, reference = (
        YAML(typ="safe").load((outside / name).read_text("utf-8"))
        for name in ("ow.yaml", "ow-hier.yaml")
    )
    assert imported["citeertitel"] == "Regeling Ons Water" and imported == reference

    # 3. The package is the installed one, not the checkout; python -m works there too.
    where = subprocess.run(
        [str(_bin(installed, "python")), "-c", "import regiodocs; print(regiodocs.__file__)"],
        cwd=outside,
        capture_output=True,
        text=True,
        env=_clean_env(),
    )
    assert Path(where.stdout.strip()).is_relative_to(installed)
    module = subprocess.run(
        [str(_bin(installed, "python")), "-m", "regiodocs", "check", "-q"],
        cwd=outside,
        capture_output=True,
        text=True,
        env=_clean_env(),
    )
    assert (module.returncode, module.stdout) == (0, "")


def _invoke(cwd: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    monkeypatch.chdir(cwd)
    return lambda *args: CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_project_is_found_from_a_subfolder_by_its_marker(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run = _invoke(tmp_path, monkeypatch)
    assert (
        run(
            "init", "--naam", "Kromme Rijn", "--gemeente", "Bunnik", "--gemeente", "Zeist"
        ).exit_code
        == 0
    )
    toml = (tmp_path / "regiodocs.toml").read_text(encoding="utf-8")
    assert 'regio = "kromme-rijn"' in toml
    regio = (tmp_path / "content/kromme-rijn/regio.yaml").read_text(encoding="utf-8")
    assert regio.startswith("# yaml-language-server: $schema=../../schema/regio.schema.json")
    assert "  - id: bunnik" in regio and "  - id: zeist" in regio
    regio_schema = (tmp_path / "schema/regio.schema.json").read_text(encoding="utf-8")
    assert '"bunnik"' in (tmp_path / "schema/raadsvoorstellen.schema.json").read_text("utf-8")
    assert "Id van dit onderdeel (Huisstijl)" in regio_schema
    deep = tmp_path / "content/kromme-rijn"
    project = load_project(deep)
    assert project.root == tmp_path.resolve()
    assert project.region_id == "kromme-rijn"
    run = _invoke(deep, monkeypatch)
    result = run("check")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Inhoud Kromme Rijn in orde: 2 gemeenten")


def test_init_never_overwrites(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run = _invoke(tmp_path, monkeypatch)
    assert run("init").exit_code == 0
    before = (tmp_path / "regiodocs.toml").read_bytes()
    again = run("init")
    assert again.exit_code == 2
    assert "regiodocs.toml bestaat al; regiodocs init overschrijft niets" in again.output
    assert (tmp_path / "regiodocs.toml").read_bytes() == before


def test_marker_settings_are_checked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "regiodocs.toml").write_text('regio = "x"\nuitvoeer = "b"\n', encoding="utf-8")
    run = _invoke(tmp_path, monkeypatch)
    result = run("check")
    assert result.exit_code == 2
    assert "regiodocs.toml: onbekende instelling 'uitvoeer'" in result.output
    (tmp_path / "regiodocs.toml").write_text('regio = "x\n', encoding="utf-8")
    result = run("check")
    assert result.exit_code == 2 and "regiodocs.toml: ongeldige TOML" in result.output


def test_several_regions_without_a_default_ask_which(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "regiodocs.toml").unlink()
    run = _invoke(project, monkeypatch)
    result = run("check")
    assert result.exit_code == 2
    assert (
        "meerdere regio's in content" in result.output
        and "kies er een met --regio" in result.output
    )
    assert run("check", "--regio", "utrecht-west").exit_code == 0
