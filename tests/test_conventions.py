"""Command-line conventions: python -m, --quiet/--verbose, --format json; project files."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

from click.testing import Result
from conftest import ROOT, edit, line_of
from ruamel.yaml import YAML


def test_python_dash_m_runs_the_same_command_line(project: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "regiodocs", "check", "--content", str(project / "content")],
        capture_output=True,
        text=True,
        cwd=project,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Inhoud Utrecht West in orde: 5 gemeenten")
    usage = subprocess.run(
        [sys.executable, "-m", "regiodocs", "--help"], capture_output=True, text=True
    )
    assert usage.stdout.startswith("Gebruik: regiodocs ")


def test_quiet_prints_nothing_when_all_is_well(run: Callable[..., Result]) -> None:
    assert run("check").output.startswith("Inhoud Utrecht West in orde")
    quiet = run("--quiet", "check")
    assert (quiet.exit_code, quiet.output) == (0, "")
    assert run("check", "-q").output == ""


def test_quiet_still_reports_errors(project: Path, run: Callable[..., Result]) -> None:
    edit(project / "content/utrecht-west/regio.yaml", "aantal: 14000", "aantal: veel")
    result = run("check", "--quiet")
    assert result.exit_code == 1
    assert "verwacht een geheel getal, gevonden 'veel'" in result.output


def test_verbose_names_every_file_read(run: Callable[..., Result]) -> None:
    result = run("check", "--verbose")
    assert result.exit_code == 0
    read = [line for line in result.output.splitlines() if line.startswith("gelezen: ")]
    assert "gelezen: content/utrecht-west/regeling.yaml" in read
    assert any(line.startswith("gelezen: content/utrecht-west/raadsvoorstellen/") for line in read)


def test_check_as_json_gives_located_diagnostics(project: Path, run: Callable[..., Result]) -> None:
    regio = project / "content/utrecht-west/regio.yaml"
    edit(regio, "aantal: 14000", "aantal: 14.5")
    edit(regio, "naam: Montfoort", "naam: Montfoort\n    onbekend: x")
    result = run("check", "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert (report["ok"], report["errors"], report["warnings"]) == (False, 2, 0)
    by_code = {d["code"]: d for d in report["diagnostics"]}
    number = by_code["notatie"]
    assert number["file"] == "content/utrecht-west/regio.yaml"
    assert number["line"] == line_of(regio, "aantal: 14.5")
    assert number["column"] == 24
    assert number["severity"] == "error"
    assert number["yaml_path"] == "regio.deelnemers[1].inwoners.aantal"
    assert number["message"].startswith("verwacht een geheel getal, gevonden '14.5'")
    unknown = by_code["schema.extra_forbidden"]
    assert unknown["line"] == line_of(regio, "onbekend: x")
    assert set(unknown) == {"file", "line", "column", "severity", "code", "yaml_path", "message"}


def test_clean_check_and_usage_error_as_json(run: Callable[..., Result]) -> None:
    ok = json.loads(run("--format", "json", "check").stdout)
    assert ok["ok"] is True and ok["diagnostics"] == [] and ok["gemeenten"] == 5
    wrong = run("--format", "json", "check", "--regio", "nergens")
    assert wrong.exit_code == 2
    report = json.loads(wrong.stdout)
    assert report["diagnostics"][0]["code"] == "gebruik"
    assert "onbekende regio 'nergens'" in report["diagnostics"][0]["message"]


def test_build_as_json_lists_the_documents(project: Path, run: Callable[..., Result]) -> None:
    result = run("build", "raadsbesluit", "--gemeente", "woerden", "--format", "json")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["ok"] is True
    assert len(report["gemaakt"]) == 2
    for name in report["gemaakt"]:
        assert name.startswith("build/woerden/") and (project / name).is_file()


def test_licence_publiccode_and_changelog_are_shipped() -> None:
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert licence.lstrip().startswith("EUROPEAN UNION PUBLIC LICENCE v. 1.2")
    assert "15. Applicable Law" in licence
    publiccode = YAML(typ="safe").load((ROOT / "publiccode.yml").read_text(encoding="utf-8"))
    assert publiccode["legal"]["license"] == "EUPL-1.2"
    assert publiccode["name"] == "regiodocs"
    assert "nl" in publiccode["description"]
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "## Nog niet uitgebracht" in changelog


# The mandatory keys of publiccode.yml 0.4 (https://yml.publiccode.tools/schema.core.html).
PUBLICCODE_MANDATORY = (
    "publiccodeYmlVersion",
    "name",
    "url",
    "releaseDate",
    "platforms",
    "categories",
    "developmentStatus",
    "softwareType",
    "description",
    "legal",
    "maintenance",
    "localisation",
)
PUBLICCODE_CATEGORIES = {
    "document-management",
    "office",
    "productivity-suite",
    "workflow-management",
}


def test_publiccode_follows_the_0_4_standard() -> None:
    code = YAML(typ="safe").load((ROOT / "publiccode.yml").read_text(encoding="utf-8"))
    # Every mandatory key but url: the public repository does not exist yet (see the file).
    assert [key for key in PUBLICCODE_MANDATORY if key not in code] == ["url"]
    assert code["publiccodeYmlVersion"] == "0.4"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert code["softwareVersion"] == project["version"]
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## {project['version']} – {code['releaseDate']}" in changelog
    assert set(code["platforms"]) <= {"web", "windows", "mac", "linux", "ios", "android"}
    assert set(code["categories"]) <= PUBLICCODE_CATEGORIES  # from the standard's list
    assert code["developmentStatus"] in ("concept", "development", "beta", "stable", "obsolete")
    assert code["softwareType"] == "standalone/desktop"
    nl = code["description"]["nl"]
    assert len(nl["shortDescription"]) <= 150
    assert 150 <= len(nl["longDescription"]) <= 10000
    assert nl["features"]
    assert code["maintenance"]["type"] in ("internal", "contract", "community", "none")
    if code["maintenance"]["type"] in ("internal", "community"):
        assert all(contact["name"] for contact in code["maintenance"]["contacts"])
    assert isinstance(code["localisation"]["localisationReady"], bool)
    assert code["localisation"]["availableLanguages"] == ["nl"]
    pandoc = [d for d in code["dependsOn"]["open"] if d["name"] == "pandoc"][0]
    assert pandoc["optional"] is False
    pins = {line.split(">=")[0]: line for line in project["dependencies"]}
    assert pins["pypandoc-binary"].startswith("pypandoc-binary>=1.15")  # bundles pandoc 3.6
    assert pandoc["versionMin"] == "3.6"
    python = [d for d in code["dependsOn"]["open"] if d["name"] == "Python"][0]
    assert project["requires-python"] == f">={python['versionMin']}"
