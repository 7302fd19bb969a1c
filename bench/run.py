"""Benchmark (not a test): regiodocs as users run it, against naive pandoc on the same cores.

Every regiodocs figure is a whole command-line process (``regiodocs ...`` started fresh,
imports included), repeated at least five times, reported as min/median/max. The naive
baseline is measured in the same run: one ``pandoc`` process per document, from the same
Markdown and the same reference documents regiodocs uses, as many at a time as there are
cores. Scenarios for Utrecht West (a copy of content/ in a temporary folder, so the working
tree stays clean):

  naive        pandoc per document, all documents, N at a time (N = cores)
  cold         `regiodocs build all` into an empty build folder (no cache)
  no-op        `regiodocs build all` again, nothing changed
  clause edit  one sentence of one article changed, then `regiodocs build all`
  check        `regiodocs check`
  help         `regiodocs --help`

and, in the same run, the floors under those scenarios: what the parts regiodocs cannot do
without cost on their own (measured as processes too, not estimated). All of them run in
turn, one round after another, so a machine whose speed drifts (a virtual machine's does, by
a third within minutes here) weighs on each alike; every process's CPU time is recorded too.

  pandoc batch   the same documents through `pandoc lua batch.lua`, one process per core,
                 no Python: what any build that converts every document with pandoc pays
  pandoc regeling  pandoc for the regeling alone: what a clause edit pays for the .docx
  models         `python -c "import regiodocs.content.region"`: the interpreter and the
                 pydantic content models, which `check` and every build load

The national synthetic set (bench/generate.py: 42 regions, 342 municipalities) is built
region by region with `regiodocs build all --regio R` (each build uses every core), once
cold, and compared with naive pandoc over all its documents, with the peak memory of any
process, the documents per second of the first and second half (linear: about equal) and the
share of the cores' time the builds used (CPU time / wall time / cores).

Results go to build/bench-results.json (build/ is not committed).
Usage: python bench/run.py [--runs N] [--regions N]      (make bench)
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from generate import generate  # noqa: E402

REGIODOCS = str(Path(sys.executable).parent / "regiodocs")
# A parameter printed in article 9 ("ten minste twee keer per jaar"): one article changes.
# The clause edit: the number of AB meetings a year (printed in article 9 as "ten minste
# twee keer per jaar"), each run a number not used before, so no cache has that text yet.
CLAUSE = "ab-vergaderingen-per-jaar: {}"


def cli(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [REGIODOCS, *args], cwd=project, capture_output=True, text=True, env=_env()
    )
    if result.returncode != 0:
        raise SystemExit(f"regiodocs {' '.join(args)} faalde:\n{result.stderr}")
    return result


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k not in ("CI",)}


def children_cpu() -> float:
    """CPU seconds (user and system) of every finished child process, theirs included."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@dataclass
class Scenario:
    """One thing to time: ``action`` as a whole, after ``before`` (untimed)."""

    label: str
    action: Callable[[], Any]
    before: Callable[[], Any] | None = None
    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)

    def run_once(self) -> None:
        if self.before is not None:
            self.before()
        start, start_cpu = time.perf_counter(), children_cpu()
        self.action()
        self.wall.append(time.perf_counter() - start)
        self.cpu.append(children_cpu() - start_cpu)

    def row(self) -> dict[str, Any]:
        return {
            "scenario": self.label,
            "runs": len(self.wall),
            "min_s": round(min(self.wall), 3),
            "median_s": round(statistics.median(self.wall), 3),
            "max_s": round(max(self.wall), 3),
            "median_cpu_s": round(statistics.median(self.cpu), 3),
        }


def timed_in_turn(scenarios: list[Scenario], runs: int) -> list[dict[str, Any]]:
    """Every scenario ``runs`` times, in turn (round 1: each scenario once, in order; then
    round 2, ...), so a machine that gets faster or slower during the bench (a virtual
    machine does) weighs on every scenario alike and the ratios between them hold. The CPU
    time is that of the processes started (pandoc's included): CPU / wall / cores is how
    busy the cores were."""
    for n in range(runs):
        print(f"  ronde {n + 1} van {runs}", flush=True)
        for scenario in scenarios:
            scenario.run_once()
    rows = [scenario.row() for scenario in scenarios]
    for row in rows:
        print(
            f"  {row['scenario']:40s} min {row['min_s']:6.3f}  mediaan {row['median_s']:6.3f}  "
            f"max {row['max_s']:6.3f} s  (rekentijd {row['median_cpu_s']:6.3f} s)",
            flush=True,
        )
    return rows


def naive_inputs(content: Path, region: str, work: Path) -> list[tuple[Path, Path]]:
    """The Markdown regiodocs hands to pandoc for every document of ``region``, and the
    reference document of its house style, written to ``work``: the naive baseline's input."""
    sys.path.insert(0, str(ROOT / "src"))
    from regiodocs.content.pipeline import load_checked
    from regiodocs.documents.plan import plan_documents
    from regiodocs.documents.render import make_environment, render_document
    from regiodocs.documents.views.common import EXTRA_KINDS, KINDS
    from regiodocs.output.house_style import build_reference_docx, pandoc_default_reference
    from regiodocs.output.write import find_pandoc

    checked = load_checked(content, region)
    jobs = plan_documents(checked.facts, KINDS + EXTRA_KINDS)
    env = make_environment(ROOT / "templates")
    default = pandoc_default_reference(find_pandoc())
    work.mkdir(parents=True, exist_ok=True)
    references: dict[Any, Path] = {}
    pairs = []
    for n, job in enumerate(jobs):
        style = job.meta.huisstijl
        if style not in references:
            references[style] = work / f"reference-{len(references)}.docx"
            references[style].write_bytes(build_reference_docx(default, style))
        source = work / f"doc-{n}.md"
        source.write_text(render_document(env, job), encoding="utf-8")
        pairs.append((source, references[style]))
    return pairs


def pandoc_batches(pandoc: str, pairs: list[tuple[Path, Path]], out: Path, cores: int) -> None:
    """The pandoc work of a build alone: ``pairs`` in one `pandoc lua` batch process per
    core, balanced as regiodocs balances them (longest documents first)."""
    from regiodocs.output.convert import _balanced
    from regiodocs.output.write import BATCH_SCRIPT

    out.mkdir(parents=True, exist_ok=True)
    groups = _balanced(
        list(range(len(pairs))), [source.stat().st_size for source, _ in pairs], cores
    )
    processes = []
    for g, group in enumerate(groups):
        listing = out / f"list-{g}.txt"
        listing.write_text(
            "".join(f"{pairs[n][0]}\t{pairs[n][1]}\t{out / f'{n}.docx'}\n" for n in group),
            encoding="utf-8",
        )
        processes.append(
            subprocess.Popen(
                [pandoc, "lua", str(BATCH_SCRIPT), str(listing)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
    if any(process.wait() != 0 for process in processes):
        raise SystemExit("pandoc lua faalde in de ondergrens-meting")


def naive(pandoc: str, pairs: list[tuple[Path, Path]], out: Path, cores: int) -> None:
    """One pandoc process per document, ``cores`` at a time."""
    out.mkdir(parents=True, exist_ok=True)

    def one(n: int) -> None:
        source, reference = pairs[n]
        subprocess.run(
            [
                pandoc,
                str(source),
                "--from=markdown-smart",
                "--to=docx",
                f"--reference-doc={reference}",
                f"--output={out / f'{n}.docx'}",
            ],
            check=True,
        )

    with ThreadPoolExecutor(max_workers=cores) as pool:
        list(pool.map(one, range(len(pairs))))


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def utrecht_west(work: Path, pandoc: str, cores: int, runs: int) -> dict[str, Any]:
    project = work / "uw"
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copytree(ROOT / "templates", project / "templates")
    shutil.copy(ROOT / "regiodocs.toml", project / "regiodocs.toml")
    pairs = naive_inputs(project / "content", "utrecht-west", work / "naive-in")
    print(f"Utrecht West: {len(pairs)} documenten, {cores} kernen, {runs} runs per scenario")
    regeling = project / "content/utrecht-west/regeling.yaml"
    state = {"n": 2}

    def change_clause() -> None:
        edit(regeling, CLAUSE.format(state["n"]), CLAUSE.format(state["n"] + 1))
        state["n"] += 1

    largest = max(pairs, key=lambda pair: pair[0].stat().st_size)  # the regeling
    assert "Gemeenschappelijke regeling" in largest[0].read_text(encoding="utf-8")[:400], largest
    # In this order in every round: the cold build leaves the built tree the next ones need.
    scenarios = [
        Scenario(
            f"naief: pandoc per document, {cores} tegelijk",
            lambda: naive(pandoc, pairs, work / "naive-out", cores),
            lambda: shutil.rmtree(work / "naive-out", ignore_errors=True),
        ),
        Scenario(
            "regiodocs build all, koud",
            lambda: cli(project, "build", "all"),
            lambda: shutil.rmtree(project / "build", ignore_errors=True),
        ),
        Scenario("regiodocs build all, niets gewijzigd", lambda: cli(project, "build", "all")),
        Scenario(
            "een zin van een artikel gewijzigd", lambda: cli(project, "build", "all"), change_clause
        ),
        Scenario("regiodocs check", lambda: cli(project, "check")),
        Scenario("regiodocs --help", lambda: cli(project, "--help")),
    ]
    # The floors: the parts regiodocs cannot do without, alone, as whole processes too.
    floors = [
        Scenario(
            f"ondergrens: pandoc lua, {cores} batches",
            lambda: pandoc_batches(pandoc, pairs, work / "floor-out", cores),
            lambda: shutil.rmtree(work / "floor-out", ignore_errors=True),
        ),
        Scenario(
            "ondergrens: pandoc, alleen de regeling",
            lambda: naive(pandoc, [largest], work / "floor-regeling", 1),
        ),
        Scenario(
            "ondergrens: Python en de inhoudsmodellen",
            lambda: subprocess.run(
                [sys.executable, "-c", "import regiodocs.content.region"], check=True
            ),
        ),
    ]
    rows = timed_in_turn(scenarios + floors, runs)
    change_clause()
    made = [
        line
        for line in cli(project, "build", "all").stdout.splitlines()
        if line.startswith("gemaakt: ")
    ]
    rows[3]["documents_rebuilt"] = len(made)
    baseline = rows[0]["median_s"]
    for row in rows:
        row["median_vs_naive"] = round(row["median_s"] / baseline, 3)
    return {
        "documents": len(pairs),
        "rows": rows[: len(scenarios)],
        "floors": rows[len(scenarios) :],
    }


def national(work: Path, pandoc: str, cores: int, regions_wanted: int) -> dict[str, Any]:
    content = generate(work / "national")
    project = content.parent
    shutil.copytree(ROOT / "templates", project / "templates")
    regions = sorted(p.name for p in content.iterdir() if p.is_dir())[:regions_wanted]
    print(f"Landelijke set: {len(regions)} regio's")
    pairs: list[tuple[Path, Path]] = []
    for region in regions:
        pairs += naive_inputs(content, region, work / "national-naive-in" / region)
    start = time.perf_counter()
    naive(pandoc, pairs, work / "national-naive-out", cores)
    naive_s = time.perf_counter() - start
    print(f"  naief: {len(pairs)} documenten in {naive_s:.1f} s", flush=True)
    per_region = []
    start_cpu = children_cpu()
    for region in regions:
        start = time.perf_counter()
        cli(
            project,
            "build",
            "all",
            "--regio",
            region,
            "--content",
            str(content),
            "--templates",
            str(project / "templates"),
            "--build",
            str(project / "build"),
        )
        per_region.append(time.perf_counter() - start)
    total = sum(per_region)
    busy = (children_cpu() - start_cpu) / (total * cores)  # share of the cores' time used
    half = len(regions) // 2
    docs_per_region = len(pairs) / len(regions)
    first = docs_per_region * half / sum(per_region[:half])
    second = docs_per_region * (len(regions) - half) / sum(per_region[half:])
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"  regiodocs koud: {total:.1f} s ({total / naive_s:.2f} van naief); "
        f"{first:.1f} en {second:.1f} documenten/s in de eerste en tweede helft; "
        f"piekgeheugen van een proces {peak:.0f} MiB; de {cores} kernen waren {busy:.0%} van de tijd "
        "bezig",
        flush=True,
    )
    return {
        "regions": len(regions),
        "documents": len(pairs),
        "naive_s": round(naive_s, 2),
        "cold_s": round(total, 2),
        "cold_vs_naive": round(total / naive_s, 3),
        "documents_per_s_first_half": round(first, 1),
        "documents_per_s_second_half": round(second, 1),
        "peak_process_mib": round(peak, 1),
        "cores_busy": round(busy, 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7, help="runs per scenario (at least 5)")
    parser.add_argument(
        "--regions", type=int, default=42, help="regions of the national set (0: skip)"
    )
    options = parser.parse_args()
    runs = max(5, options.runs)
    sys.path.insert(0, str(ROOT / "src"))
    from regiodocs.output.write import find_pandoc

    cores = os.cpu_count() or 1
    pandoc = find_pandoc()
    work = Path(tempfile.mkdtemp(prefix="regiodocs-bench-"))
    try:
        results: dict[str, Any] = {
            "machine": {
                "cores": cores,
                "python": platform.python_version(),
                "platform": platform.platform(),
                "processor": platform.processor() or platform.machine(),
                "pandoc": subprocess.run(
                    [pandoc, "--version"], capture_output=True, text=True
                ).stdout.splitlines()[0],
            },
            "date": time.strftime("%Y-%m-%d"),
            "utrecht_west": utrecht_west(work, pandoc, cores, runs),
        }
        if options.regions:
            results["national"] = national(work, pandoc, cores, options.regions)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    out = ROOT / "build" / "bench-results.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"geschreven: {out}")


if __name__ == "__main__":
    main()
