"""Command line: parse arguments, call one library function, print, exit 0/1/2.

Heavy modules (jinja2, python-docx, the writer) are imported inside the commands that use
them, so ``regiodocs --help`` and ``regiodocs check`` stay fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from regiodocs import cli_nl
from regiodocs.diagnostics import ContentError, Diagnostic, UsageError

cli_nl.install()

F = TypeVar("F", bound=Callable[..., Any])

DOCUMENT_TYPES = (
    "regiovisie",
    "raadsvoorstel",
    "raadsbesluit",
    "raadsinformatiebrief",
    "regeling",
    "wgr-toets",
    "reactienota",
    "afweging",
    "toekomstnotitie",
    "wgr-vorm",
    "overgang",
    "all",
)


def _project(ctx: click.Context) -> Any:
    """The project folder's settings (regiodocs.toml), read once per command line."""
    from regiodocs.project import load_project

    key = "regiodocs.project"
    if key not in ctx.meta:
        try:
            ctx.meta[key] = load_project()
        except UsageError as exc:
            raise click.UsageError(str(exc), ctx) from None
    return ctx.meta[key]


def _from_project(attr: str) -> Callable[[click.Context, click.Parameter, Any], Any]:
    """Option default taken from the project folder when the option is not given."""

    def resolve(ctx: click.Context, _param: click.Parameter, value: Any) -> Any:
        return value if value is not None else getattr(_project(ctx), attr)

    return resolve


def _region(ctx: click.Context, _param: click.Parameter, value: str | None) -> str:
    if value is not None:
        return value
    from regiodocs.project import default_region

    project = _project(ctx)
    try:
        return default_region(project, ctx.params.get("content_dir") or project.content_dir)
    except UsageError as exc:
        raise click.UsageError(str(exc), ctx) from None


def _common(func: F) -> F:
    func = click.option(
        "--content",
        "content_dir",
        type=click.Path(path_type=Path),
        default=None,
        callback=_from_project("content_dir"),
        help="Map met de inhoud (één submap per regio). Standaard: 'inhoud' uit "
        "regiodocs.toml, anders content/ in de projectmap.",
    )(func)
    func = click.option(
        "--regio",
        "region_id",
        default=None,
        callback=_region,
        help="Regio (submap van --content). Standaard: 'regio' uit regiodocs.toml, anders "
        "de enige regio.",
    )(func)
    return func


def _templates_option(func: F) -> F:
    return click.option(
        "--templates",
        "template_dir",
        type=click.Path(path_type=Path),
        default=None,
        callback=_from_project("template_dir"),
        help="Map met de sjablonen. Standaard: 'sjablonen' uit regiodocs.toml, anders "
        "templates/ in de projectmap, anders de meegeleverde.",
    )(func)


def _output_paths(func: F) -> F:
    """--templates and --build, for every command that writes documents."""
    func = click.option(
        "--build",
        "build_dir",
        type=click.Path(path_type=Path),
        default=None,
        callback=_from_project("build_dir"),
        help="Map voor de gemaakte documenten. Standaard: 'uitvoer' uit regiodocs.toml, "
        "anders build/ in de projectmap.",
    )(func)
    return _templates_option(func)


def _remember(key: str) -> Callable[[click.Context, click.Parameter, Any], None]:
    """Store an output setting for the whole command line (before or after the command)."""

    def store(ctx: click.Context, _param: click.Parameter, value: Any) -> None:
        if value:
            ctx.meta[f"regiodocs.{key}"] = value

    return store


def _output_settings(func: F) -> F:
    """--quiet, --verbose and --format, accepted before and after the command name."""
    func = click.option(
        "--format",
        type=click.Choice(["tekst", "json"]),
        default=None,
        expose_value=False,
        callback=_remember("format"),
        help="Uitvoer als tekst (standaard) of als JSON: meldingen met file, line, column, "
        "severity, code en message.",
    )(func)
    func = click.option(
        "-v",
        "--verbose",
        is_flag=True,
        expose_value=False,
        callback=_remember("verbose"),
        help="Meer details (gelezen bestanden, ongewijzigde documenten).",
    )(func)
    func = click.option(
        "-q",
        "--quiet",
        is_flag=True,
        expose_value=False,
        callback=_remember("quiet"),
        help="Alleen fouten en waarschuwingen tonen.",
    )(func)
    return func


def _setting(key: str) -> Any:
    ctx = click.get_current_context(silent=True)
    return ctx.meta.get(f"regiodocs.{key}") if ctx else None


def _json_mode() -> bool:
    return bool(_setting("format") == "json")


def _info(text: str) -> None:
    """A line for people: left out with --quiet and in JSON mode."""
    if not _setting("quiet") and not _json_mode():
        click.echo(text)


def _count(n: int, singular: str, plural: str) -> str:
    """A count with its Dutch noun in the right number: '1 document', '0 documenten'."""
    return f"{n} {singular if n == 1 else plural}"


def _detail(text: str) -> None:
    """A line only --verbose shows."""
    if _setting("verbose") and not _setting("quiet") and not _json_mode():
        click.echo(text)


def _emit_json(ok: bool, diagnostics: list[Diagnostic], **extra: Any) -> None:
    errors = sum(1 for d in diagnostics if d.severity == "fout")
    document = {
        "ok": ok,
        "errors": errors,
        "warnings": len(diagnostics) - errors,
        "diagnostics": [d.as_json() for d in diagnostics],
        **extra,
    }
    import json

    click.echo(json.dumps(document, ensure_ascii=False, indent=2))


def _json_failure(code: str, message: str) -> None:
    """A problem without a place in the content (usage, build), in the JSON shape."""
    import json

    click.echo(
        json.dumps(
            {
                "ok": False,
                "errors": 1,
                "warnings": 0,
                "diagnostics": [
                    {
                        "file": None,
                        "line": None,
                        "column": None,
                        "severity": "error",
                        "code": code,
                        "yaml_path": "",
                        "message": message,
                    }
                ],
            },
            ensure_ascii=False,
            indent=2,
        )
    )


# More messages than this are summarised: 50,000 unknown keys must not scroll for minutes.
MAX_MESSAGES = 200


def _echo_capped(diagnostics: list[Any]) -> None:
    for diagnostic in diagnostics[:MAX_MESSAGES]:
        click.echo(str(diagnostic), err=True)
    if len(diagnostics) > MAX_MESSAGES:
        more = _count(len(diagnostics) - MAX_MESSAGES, "melding", "meldingen")
        click.echo(f"... en {more} meer", err=True)


def _report_content_error(exc: ContentError) -> None:
    if _json_mode():
        _emit_json(False, exc.diagnostics)
        return
    _echo_capped(exc.diagnostics)
    errors = sum(1 for d in exc.diagnostics if d.severity == "fout")
    warnings = len(exc.diagnostics) - errors
    click.echo(
        f"{_count(errors, 'fout', 'fouten')}, "
        f"{_count(warnings, 'waarschuwing', 'waarschuwingen')}; er is niets gebouwd of gewijzigd.",
        err=True,
    )


def _blocking_file(folder: Path) -> Path | None:
    """The first existing part of ``folder`` (itself or a parent) that is not a folder."""
    for part in (folder, *folder.parents):
        if part.exists() or part.is_symlink():
            return None if part.is_dir() else part
    return None


def _check_folder(folder: Path, option: str) -> None:
    blocking = _blocking_file(folder)
    if blocking == folder:
        raise UsageError(
            f"de uitvoermap {folder} is een bestand, geen map; verwijder of hernoem het, "
            f"of kies een andere map met {option}"
        )
    if blocking is not None:
        raise UsageError(
            f"de uitvoermap {folder} kan niet worden gemaakt: {blocking} is een bestand, "
            f"geen map; kies een andere map met {option}"
        )


def _check_output_file(output: Path, example: str) -> None:
    if output.is_dir():
        raise UsageError(
            f"het uitvoerbestand {output} is een map; geef een bestandsnaam, bijv. "
            f"{output / example}"
        )
    _check_folder(output.parent, "-o/--output")


_OS_REASONS: dict[type[OSError], str] = {
    IsADirectoryError: "is een map, geen bestand",
    NotADirectoryError: "een deel van het pad is een bestand, geen map",
    PermissionError: "geen toegang (controleer de rechten)",
    FileNotFoundError: "bestaat niet",
}


def _os_message(exc: OSError) -> str:
    reason = next((r for kind, r in _OS_REASONS.items() if isinstance(exc, kind)), None)
    if reason is None:
        reason = "de schijf is vol" if exc.errno == 28 else (exc.strerror or str(exc))
    where = exc.filename if exc.filename is not None else "een bestand"
    return f"{where}: {reason}"


def _fail(code: str, message: str, exit_code: int) -> None:
    if _json_mode():
        _json_failure(code, message)
    else:
        click.echo(f"Fout: {message}", err=True)
    sys.exit(exit_code)


def _run(
    action: Callable[[], None],
    *,
    build_dir: Path | None = None,
    output: tuple[Path, str] | None = None,
) -> None:
    """Run a command body, turning user mistakes into messages and exit codes: 1 for the
    content, the templates or the file system, 2 for a wrong call. Never a traceback."""
    try:
        if build_dir is not None:
            _check_folder(build_dir, "--build")
        if output is not None:
            _check_output_file(*output)
        action()
    except ContentError as exc:
        _report_content_error(exc)
        sys.exit(1)
    except UsageError as exc:
        _fail("gebruik", str(exc), 2)
    except OSError as exc:
        _fail("bestand", _os_message(exc), 1)
    except Exception as exc:
        write = sys.modules.get("regiodocs.output.write")
        failure = getattr(write, "BuildFailure", None)
        if failure is not None and isinstance(exc, failure):
            _fail("build", str(exc), 1)
        raise


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="regiodocs")
@_output_settings
def main() -> None:
    """regiodocs: regionale bestuursdocumenten uit één bron van inhoud."""


@main.command()
@_common
@click.option("--strict", is_flag=True, help="Waarschuwingen tellen als fouten.")
@_output_settings
def check(content_dir: Path, region_id: str, strict: bool) -> None:
    """Controleer de inhoud van een regio (schema, verwijzingen, Wgr-regels)."""

    def action() -> None:
        from regiodocs.content.pipeline import load_checked

        checked = load_checked(content_dir, region_id, strict=strict)
        if not _json_mode():
            _echo_capped(checked.warnings)
        region = checked.region
        for source in [*region.raw.singles.values()] + [
            f for files in region.raw.folders.values() for f in files
        ]:
            _detail(f"gelezen: {source.path}")
        regeling = region.regeling
        articles = (
            sum(
                len(h.artikelen) + sum(len(p.artikelen) for p in h.paragrafen)
                for h in regeling.hoofdstukken
            )
            if regeling
            else 0
        )
        if _json_mode():
            _emit_json(
                True,
                checked.warnings,
                regio=region.regio.id,
                gemeenten=len(region.regio.deelnemers),
                artikelen=articles,
            )
        _info(
            f"Inhoud {region.regio.naam} in orde: "
            f"{_count(len(region.regio.deelnemers), 'gemeente', 'gemeenten')}, "
            f"{_count(len(region.raadsvoorstellen), 'raadsvoorstel', 'raadsvoorstellen')}, "
            f"{_count(articles, 'artikel', 'artikelen')} in de regeling, "
            f"{_count(len(checked.warnings), 'waarschuwing', 'waarschuwingen')}."
        )

    _run(action)


@main.command()
@click.argument("map", type=click.Path(path_type=Path, file_okay=False), default=Path("."))
@click.option(
    "--regio",
    "region_id",
    default=None,
    help="Id van de nieuwe regio (standaard uit --naam of de mapnaam).",
)
@click.option("--naam", default=None, help="Naam van de regio, bijv. 'Utrecht West'.")
@click.option(
    "--gemeente",
    "gemeenten",
    multiple=True,
    help="Naam van een deelnemende gemeente (herhaal per gemeente; standaard twee voorbeelden).",
)
def init(map: Path, region_id: str | None, naam: str | None, gemeenten: tuple[str, ...]) -> None:
    """Begin een nieuwe projectmap met één regio (voorbeeldbestanden met uitleg)."""

    def action() -> None:
        from regiodocs.scaffold import init_project

        made = init_project(map, region_id, naam, list(gemeenten))
        for path in made.written:
            _detail(f"geschreven: {path}")
        _info(
            f"Regio '{made.region_id}' aangemaakt in {made.folder}. Vervang de voorbeelden in "
            f"content/{made.region_id}/ en draai daar 'regiodocs check' en "
            "'regiodocs build regiovisie'."
        )

    _run(action)


@main.command()
@click.option(
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="Schrijf het schema naar een bestand (anders naar stdout).",
)
@click.option(
    "--per-bestand",
    "per_file",
    type=click.Path(path_type=Path),
    default=None,
    help="Schrijf ook één schema per inhoudsbestand in deze map.",
)
@click.option(
    "--regio",
    "region_id",
    default=None,
    help="Neem de ids van deze regio op (aanvulling en controle in de editor); met --per-bestand.",
)
@click.option(
    "--content",
    "content_dir",
    type=click.Path(path_type=Path),
    default=None,
    callback=_from_project("content_dir"),
    help="Map met de inhoud (standaard uit regiodocs.toml).",
)
def schema(
    output: Path | None, per_file: Path | None, region_id: str | None, content_dir: Path
) -> None:
    """Schrijf het JSON Schema van de inhoud (voor editors met YAML-ondersteuning).

    Met --regio kennen de schema's de ids van die regio: de editor vult verwijzingen,
    per_gemeente-sleutels en [[...]] aan en markeert ids die niet bestaan."""

    def action() -> None:
        from regiodocs.content.schema import file_schema, json_schema
        from regiodocs.output.write import write_text_atomic

        if per_file is not None:
            _check_folder(per_file, "--per-bestand")
        text = json_schema()
        if output is None and per_file is None:
            click.echo(text, nl=False)
        if output is not None:
            write_text_atomic(output, text)
            _info(f"schema geschreven naar {output}")
        if per_file is not None:
            from regiodocs.content.region import FOLDER_MODELS, SECTION_MODELS

            if region_id is None:
                for name in {**SECTION_MODELS, **FOLDER_MODELS}:
                    write_text_atomic(per_file / f"{name}.schema.json", file_schema(name))
                _info(f"schema per bestand geschreven naar {per_file}/")
                return
            from regiodocs.content.editor import editor_schema_text, region_ids
            from regiodocs.content.load import load_region
            from regiodocs.content.schema import validate_region

            ids = region_ids(validate_region(load_region(content_dir, region_id)))
            for name, model in {**SECTION_MODELS, **FOLDER_MODELS}.items():
                write_text_atomic(per_file / f"{name}.schema.json", editor_schema_text(model, ids))
            _info(f"schema per bestand met de ids van {region_id} geschreven naar {per_file}/")

    _run(action, output=(output, "regiodocs.schema.json") if output is not None else None)


@main.command()
@click.argument("soort", type=click.Choice(DOCUMENT_TYPES))
@_common
@click.option("--gemeente", default=None, help="Alleen voor deze gemeente (id, bijv. woerden).")
@_output_paths
@click.option(
    "-j",
    "--jobs",
    "workers",
    type=click.IntRange(min=1),
    default=None,
    help="Aantal parallelle conversies (standaard: alle kernen).",
)
@_output_settings
def build(
    soort: str,
    content_dir: Path,
    region_id: str,
    gemeente: str | None,
    template_dir: Path,
    build_dir: Path,
    workers: int | None,
) -> None:
    """Maak documenten van SOORT (of alle: all) voor de regio, of voor één gemeente."""

    def action() -> None:
        from regiodocs.output import manifest

        kinds = tuple(t for t in DOCUMENT_TYPES if t != "all") if soort == "all" else (soort,)
        # Same inputs, same bytes: when build/ holds what these inputs make, stop here,
        # before loading content or starting pandoc (output/manifest.py).
        digest = manifest.inputs_digest(content_dir, template_dir, manifest.locate_pandoc())
        key = manifest.scope_key(region_id, kinds, gemeente)
        current = manifest.up_to_date(build_dir, key, digest)
        if current is not None:
            from regiodocs.tempdirs import remove_stale

            remove_stale(None, build_dir)  # what a killed build left, as a full build does
            _report_up_to_date(current)
            return

        from regiodocs.build import build as run_build
        from regiodocs.output.store import PartialSwitch
        from regiodocs.output.write import BuildFailure

        # Progress on a terminal only; quiet when piped and in CI.
        progress = (
            _progress_printer()
            if sys.stderr.isatty() and not os.environ.get("CI") and not _setting("quiet")
            else None
        )
        try:
            report = run_build(
                content_dir,
                template_dir,
                build_dir,
                region_id,
                kinds,
                gemeente,
                workers,
                progress,
                inputs_digest=digest,
            )
        except PartialSwitch as exc:
            _fail("build", str(exc), 1)
        except BuildFailure as exc:
            _fail("build", f"{exc}. Er is niets in {build_dir} gewijzigd.", 1)
        if progress:
            click.echo("", err=True)
        docx = [p for p in report.written if p.suffix == ".docx"]
        if _json_mode():
            _emit_json(
                True,
                [],
                gemaakt=[p.as_posix() for p in docx],
                ongewijzigd=[p.as_posix() for p in report.unchanged if p.suffix == ".docx"],
                pandoc_runs=report.pandoc_runs,
            )
        for notice in report.notices:
            click.echo(f"Let op: {notice}", err=True)
        for path in docx:
            _info(f"gemaakt: {path}")
        for path in report.removed:
            _info(f"verwijderd (wordt niet meer gemaakt): {path}")
        for path in report.unchanged:
            if path.suffix == ".docx":
                _detail(f"ongewijzigd: {path}")
        unchanged = sum(1 for p in report.unchanged if p.suffix == ".docx")
        _info(
            f"{_count(len(docx), 'document', 'documenten')} gemaakt, {unchanged} ongewijzigd; "
            f"{len(report.converted)} opnieuw opgemaakt met "
            f"{_count(report.pandoc_runs, 'pandoc-run', 'pandoc-runs')}, "
            f"{len(report.from_cache)} uit de cache."
        )

    _run(action, build_dir=build_dir)


def _report_up_to_date(outputs: list[Path]) -> None:
    """The summary of a build that found nothing to do."""
    docx = [p for p in outputs if p.suffix == ".docx"]
    if _json_mode():
        _emit_json(True, [], gemaakt=[], ongewijzigd=[p.as_posix() for p in docx], pandoc_runs=0)
    for path in docx:
        _detail(f"ongewijzigd: {path}")
    _info(
        f"0 documenten gemaakt, {len(docx)} ongewijzigd: de inhoud, de sjablonen en "
        "regiodocs zelf zijn niet veranderd sinds de vorige build."
    )


def _progress_printer() -> Callable[[int, int, str], None]:
    def show(done: int, total: int, current: str) -> None:
        click.echo(f"\r[{done}/{total}] {current[:60]:<60}", nl=False, err=True)

    return show


@main.command()
@_common
@_output_paths
def consistency(content_dir: Path, region_id: str, template_dir: Path, build_dir: Path) -> None:
    """Bewijs dat de versies per gemeente alleen in de gemeentevelden verschillen."""

    def action() -> None:
        from regiodocs.documents.consistency import check_consistency

        report = check_consistency(content_dir, template_dir, build_dir, region_id)
        for bewust in report.bewust:
            click.echo(bewust)
        for problem in report.problems:
            click.echo(f"inconsistent: {problem}", err=True)
        if report.problems:
            found = _count(len(report.problems), "inconsistentie", "inconsistenties")
            click.echo(f"{found} gevonden.", err=True)
            sys.exit(1)
        named = "noemt" if report.documents_checked == 1 else "noemen"
        click.echo(
            f"Consistent: {_count(report.compared, 'vergelijking', 'vergelijkingen')} tussen "
            f"gemeenteversies, {_count(report.documents_checked, 'document', 'documenten')} in "
            f"build/ {named} de actuele vingerafdrukken"
            + (
                f"; {_count(len(report.bewust), 'bewust verschil', 'bewuste verschillen')}: "
                "lokale paragrafen."
                if report.bewust
                else "."
            )
        )

    _run(action, build_dir=build_dir)


@main.command("wgr-toets")
@_common
@_output_paths
def wgr_toets_command(
    content_dir: Path, region_id: str, template_dir: Path, build_dir: Path
) -> None:
    """Toets de regeling aan de Wgr en schrijf het toetsrapport (ook als regels falen)."""

    def action() -> None:
        from regiodocs.build import build as run_build
        from regiodocs.content.pipeline import load_checked
        from regiodocs.legal.wgr import wgr_toets

        region = load_checked(content_dir, region_id, wgr=False).region
        uitkomsten = wgr_toets(region)
        if not uitkomsten:
            raise UsageError(f"regio '{region_id}' heeft geen regeling of bestuur om te toetsen")
        labels = {"voldaan": "voldaan     ", "niet voldaan": "NIET VOLDAAN"}
        for u in uitkomsten:
            status = labels.get(u.status, "TE BEOORDELEN")
            if u.status == "niet voldaan":
                where = "; ".join(u.ontbreekt)
            elif u.status == "juridisch te beoordelen":
                where = "; ".join(f"{p.plaats}: {p.vraag}" for p in u.punten if not p.afgetekend)
            else:
                where = ", ".join(u.vindplaats) or "geen strijdige bepaling gevonden"
                if u.afgetekend:
                    where += (
                        " (juridisch beoordeeld: " + ", ".join(p.plaats for p in u.afgetekend) + ")"
                    )
            click.echo(f"{u.regel.code} {status} {u.regel.naam} ({u.regel.bron}): {where}")
        for u in uitkomsten:
            for melding in u.meldingen:
                click.echo(str(melding), err=True)
        report = run_build(
            content_dir, template_dir, build_dir, region_id, ("wgr-toets",), wgr_errors=False
        )
        for path in report.written + report.unchanged:
            if path.suffix == ".docx":
                click.echo(f"rapport: {path}")
        if any(u.status == "niet voldaan" for u in uitkomsten):
            sys.exit(1)

    _run(action, build_dir=build_dir)


@main.command()
@_common
@click.option(
    "--van",
    "van",
    required=True,
    help="Oude versie: een git-revisie (bijv. HEAD~3 of een tag) of een bestand.",
)
@click.option(
    "--naar",
    "naar",
    default=None,
    help="Nieuwe versie (standaard: content/<regio>/regeling.yaml zoals die nu is).",
)
@click.option(
    "--herziening",
    is_flag=True,
    help="Stel de hele tekst opnieuw vast in plaats van wijzigingsopdrachten.",
)
@click.option(
    "--voorstel",
    "voorstel",
    default=None,
    help="Id van het raadsvoorstel over deze wijziging: schrijf per gemeente het "
    "raadsvoorstel en raadsbesluit, met de wijzigingen erin opgesomd.",
)
@_output_paths
def wijziging(
    content_dir: Path,
    region_id: str,
    van: str,
    naar: str | None,
    herziening: bool,
    voorstel: str | None,
    template_dir: Path,
    build_dir: Path,
) -> None:
    """Stel de wijzigingsregeling op (ARTIKEL I, II) met synopsis, uit twee versies van de regeling."""

    def action() -> None:
        from regiodocs.build import build_jobs
        from regiodocs.legal.wijziging import draft, load_version, wijziging_job
        from regiodocs.output.store import Scope

        checked_dir = content_dir / region_id
        naar_spec = naar or str(checked_dir / "regeling.yaml")
        from regiodocs.content.pipeline import load_checked
        from regiodocs.legal.parameters import with_parameters

        checked = load_checked(content_dir, region_id, wgr=False)
        region = checked.region
        # Parametric provisions ((naam)) print the values of the current bestuur.yaml.
        old = with_parameters(load_version(van, content_dir, region_id), region.bestuur)
        new = with_parameters(load_version(naar_spec, content_dir, region_id), region.bestuur)
        result = draft(old, new, old.versie, new.versie, herziening=herziening)
        if not herziening and not result.instructies:
            click.echo(
                "De twee versies van de regeling zijn inhoudelijk gelijk; er is niets te wijzigen."
            )
            return
        jobs = [wijziging_job(region, result, herziening)]
        if voorstel is not None:
            from regiodocs.legal.wijziging import voorstel_jobs

            jobs += voorstel_jobs(checked.facts, voorstel, result, herziening)
        report = build_jobs(jobs, template_dir, build_dir, Scope(region_id, ()))
        for i in result.instructies:
            click.echo(f"{i.letter}. {i.zin}")
            for sub in i.subzinnen:
                click.echo(f"   {sub.replace(chr(9), ' ')}")
        if result.hints:
            click.echo(
                "Let op: deze wijziging vernummert artikelen. Wilt u de geldende nummering "
                "behouden (Ar 238), neem dan in de nieuwe versie op:"
            )
            for hint in result.hints:
                click.echo(f"  {hint}")
        for path in report.written + report.unchanged:
            if path.suffix == ".docx":
                soort = next(
                    (k for k in ("raadsvoorstel", "raadsbesluit") if f"-{k}-" in path.name),
                    "wijzigingsregeling",
                )
                click.echo(f"{soort}: {path}")

    _run(action, build_dir=build_dir)


@main.command("import")
@click.argument("bron", type=click.Path(path_type=Path, exists=True, dir_okay=False))
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    default=None,
    help="Schrijf de YAML naar dit bestand (anders naar stdout).",
)
@click.option(
    "--soort",
    type=click.Choice(["raadsregeling", "collegeregeling", "burgemeestersregeling", "gemengd"]),
    default=None,
    help="Wie de regeling treffen, als de aanhef dat niet noemt (gemengd: raad en college).",
)
def import_command(bron: Path, output: Path | None, soort: str | None) -> None:
    """Zet de gepubliceerde tekst van een bestaande regeling om in regeling.yaml.

    BRON is tekst geplakt van wetten.overheid.nl (.txt), de markdown-spiegel daarvan (.md),
    een Word-document (.docx) of de officiële XML (.xml, CVDR of BWB).
    """

    def action() -> None:
        from regiodocs.content.check import check_regeling_source, region_for_regeling
        from regiodocs.content.load import load_yaml_file
        from regiodocs.legal.importer import import_regeling
        from regiodocs.legal.wgr import wgr_toets
        from regiodocs.output.write import write_text_atomic

        result = import_regeling(bron, soort)
        if output is None:
            click.echo(result.yaml, nl=False)
            return
        write_text_atomic(output, result.yaml)
        click.echo(
            f"{output}: {result.artikelen} artikelen, {result.verwijzingen} verwijzingen omgezet naar [[id]]."
        )
        for part in result.weggelaten:
            click.echo(f"niet overgenomen: {part}")
        for aantekening in result.aantekeningen:
            plaats = f" ({aantekening.plaats})" if aantekening.plaats else ""
            click.echo(
                f"redactionele aantekening, regel {aantekening.regel}{plaats}: {aantekening.tekst}"
            )
        for melding in result.meldingen:
            click.echo(str(melding), err=True)
        click.echo(f"Getroffen door: {', '.join(result.organen)} (aanhef of --soort).")
        click.echo("Telling per artikel (vergelijk met de bron): artikel: leden, onderdelen")
        for nummer, leden, onderdelen in result.telling:
            click.echo(f"  artikel {nummer}: {leden} leden, {onderdelen} onderdelen")
        source = load_yaml_file(output, "regeling")
        regeling, findings = check_regeling_source(source)
        for finding in findings:
            click.echo(str(finding), err=True)
        if regeling is None:
            sys.exit(1)
        uitkomsten = wgr_toets(region_for_regeling(source, regeling))
        voldaan = [u for u in uitkomsten if u.voldaan]
        click.echo(
            f"Wgr-toets: {len(voldaan)} van de {len(uitkomsten)} regels voldaan; vul 'regelt' per artikel aan en draai de toets opnieuw."
        )
        for u in uitkomsten:
            if u.status == "juridisch te beoordelen":
                click.echo(f"  {u.regel.code} {u.regel.naam}: juridisch te beoordelen")
            elif not u.voldaan:
                click.echo(f"  {u.regel.code} {u.regel.naam}: {'; '.join(u.ontbreekt)}")

    _run(action, output=(output, "regeling.yaml") if output is not None else None)


@main.command()
@click.argument("opgave")
@_common
@_output_paths
def afweging(
    opgave: str, content_dir: Path, region_id: str, template_dir: Path, build_dir: Path
) -> None:
    """Pas het afwegingskader toe op een opgave en schrijf de adviesnotitie."""

    def action() -> None:
        from regiodocs.build import build_jobs
        from regiodocs.content.pipeline import load_checked
        from regiodocs.documents.plan import plan_documents
        from regiodocs.governance.afweging import beoordeel
        from regiodocs.output.store import Scope

        checked = load_checked(content_dir, region_id)
        region = checked.region
        known = [o.id for o in region.opgaven]
        if opgave not in known:
            raise UsageError(f"onbekende opgave '{opgave}'; bekend: {', '.join(known) or 'geen'}")
        assert region.afwegingskader is not None
        chosen = next(o for o in region.opgaven if o.id == opgave)
        advies = beoordeel(region.afwegingskader, chosen)
        jobs = [
            j
            for j in plan_documents(checked.facts, ("afweging",))
            if j.output.name.endswith(f"-afweging-{opgave}")
        ]
        report = build_jobs(jobs, template_dir, build_dir, Scope(region_id, ()))
        click.echo(f"{chosen.titel}: {advies.uitkomst}. {advies.redenering}")
        for path in report.written + report.unchanged:
            if path.suffix == ".docx":
                click.echo(f"adviesnotitie: {path}")

    _run(action, build_dir=build_dir)


@main.command()
@_common
@_templates_option
@click.option(
    "--poort",
    "port",
    type=click.IntRange(0, 65535),
    default=8765,
    show_default=True,
    help="Poort op 127.0.0.1 (0 kiest een vrije poort).",
)
@click.option("--open", "open_browser", is_flag=True, help="Open het overzicht in de browser.")
def preview(
    content_dir: Path, region_id: str, template_dir: Path, port: int, open_browser: bool
) -> None:
    """Toon alle documenten in de browser; elke opgeslagen wijziging verschijnt meteen."""

    def action() -> None:
        import threading
        import webbrowser

        from regiodocs.content.load import region_folder
        from regiodocs.preview.server import serve

        region_folder(content_dir, region_id)  # unknown region: usage error before serving
        if not template_dir.is_dir():
            raise UsageError(f"sjablonenmap {template_dir} bestaat niet")
        try:
            server = serve(content_dir, template_dir, region_id, "127.0.0.1", port)
        except OSError as exc:
            raise UsageError(
                f"kan niet luisteren op 127.0.0.1:{port} ({exc.strerror}); kies een andere --poort"
            ) from None
        address = f"http://127.0.0.1:{server.server_address[1]}/"
        if server.session.errors:
            click.echo(
                f"Let op: de inhoud bevat nu "
                f"{_count(len(server.session.errors), 'melding', 'meldingen')}; "
                "het voorbeeld toont ze.",
                err=True,
            )
        click.echo(f"Voorbeeld van {region_id} op {address}  (stoppen: Ctrl-C)")
        sys.stdout.flush()
        if open_browser:
            webbrowser.open(address)
        stop = threading.Event()
        try:
            while not stop.wait(0.5):
                pass
        except KeyboardInterrupt:
            click.echo("\nVoorbeeld gestopt.")
        finally:
            server.stopping.set()
            server.shutdown()
            server.server_close()

    _run(action)


if __name__ == "__main__":
    main()

cli_nl.localise(main)
