"""Benchmark (not a test): the naive pipeline against regiodocs, for Utrecht West and for a
synthetic national set (42 regions, 342 municipalities), in one process run.

Scenarios: (a) naive baseline: one pandoc run per document, sequential, nothing reused
(for the national set on a sample of regions, extrapolated per document); (b) cold full
build; (c) no-op rebuild; (d) one article of one regeling edited; (e) one municipality's
meeting date edited. Regions of the national set are built in a process pool, one region
per process. Prints a table and writes bench/results.json.
Usage: python bench/run.py [--regions N]   (make bench)
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from generate import generate  # noqa: E402

from regiodocs.build import build  # noqa: E402
from regiodocs.documents.views.common import EXTRA_KINDS, KINDS  # noqa: E402
from regiodocs.output.write import find_pandoc  # noqa: E402

ALL = KINDS + EXTRA_KINDS
TEMPLATES = ROOT / "templates"


def _build_region(args: tuple[str, str, str, str, bool]) -> tuple[int, int]:
    content, build_dir, region, strategy, cache = args
    report = build(Path(content), TEMPLATES, Path(build_dir), region, ALL, workers=1, batch=strategy == "batch", use_cache=cache)  # type: ignore[arg-type]
    return len(report.converted) + len(report.from_cache), len(report.converted)


def _peak_children_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def timed(label: str, fn: Any, repeat: int = 1) -> dict[str, Any]:
    """Run a scenario ``repeat`` times and report the median wall time (all samples kept)."""
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        documents, rebuilt = fn()
        samples.append(time.perf_counter() - start)
    wall = sorted(samples)[len(samples) // 2]
    result = {
        "scenario": label, "wall_s": round(wall, 3), "samples_s": [round(x, 3) for x in samples],
        "documents": documents, "rebuilt": rebuilt,
        "documents_per_s": round(documents / wall, 1) if wall else None,
        "peak_rss_main_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "peak_rss_child_mb": round(_peak_children_mb(), 1),
    }
    print(f"  {label:38s} {wall:8.2f} s  {documents:5d} docs  {rebuilt:5d} rebuilt  {result['documents_per_s'] or 0:7.1f} docs/s")
    return result


def run_regions(content: Path, build_dir: Path, regions: list[str], strategy: str = "batch", cache: bool = True, processes: int = 1) -> tuple[int, int]:
    jobs = [(str(content), str(build_dir / r), r, strategy, cache) for r in regions]
    if processes == 1:
        results = [_build_region(j) for j in jobs]
    else:
        with ProcessPoolExecutor(max_workers=processes) as pool:
            results = list(pool.map(_build_region, jobs))
    return sum(r[0] for r in results), sum(r[1] for r in results)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--regions", type=int, default=42, help="aantal regio's van de landelijke set")
    parser.add_argument("--sample", type=int, default=2, help="regio's voor de naïeve meting van de landelijke set")
    options = parser.parse_args()
    cores = os.cpu_count() or 1
    work = Path(tempfile.mkdtemp(prefix="regiodocs-bench-"))
    pandoc = find_pandoc()
    results: dict[str, Any] = {
        "machine": {"cores": cores, "python": platform.python_version(), "platform": platform.platform(),
                    "pandoc": subprocess.run([pandoc, "--version"], capture_output=True, text=True).stdout.splitlines()[0]},
        "date": time.strftime("%Y-%m-%d"),
    }

    print("Utrecht West")
    uw = work / "uw"
    shutil.copytree(ROOT / "content", uw / "content")
    scenario = []
    # Median of three: a single cold build of 33 documents varies by +-0.05 s on this machine.
    scenario.append(timed("(a) naief: pandoc per document", lambda: run_regions(uw / "content", work / "uw-naive", ["utrecht-west"], "direct", False), repeat=3))
    scenario.append(timed("(b) regiodocs koud", lambda: _cold(uw, cores), repeat=3))
    scenario.append(timed("(c) niets gewijzigd", lambda: _one(uw, cores)))
    edit(uw / "content/utrecht-west/regeling.yaml", "ten minste twee keer per jaar", "ten minste drie keer per jaar")
    scenario.append(timed("(d) een artikel gewijzigd", lambda: _one(uw, cores)))
    edit(uw / "content/utrecht-west/raadsvoorstellen/01-regiovisie-vaststellen.yaml", "oudewater: {raadsvergadering: 2026-12-10,", "oudewater: {raadsvergadering: 2027-01-21,")
    scenario.append(timed("(e) een gemeente gewijzigd", lambda: _one(uw, cores)))
    baseline = scenario[0]["wall_s"]
    for s in scenario:
        s["ratio_to_naive"] = round(s["wall_s"] / baseline, 3)
    results["utrecht_west"] = scenario

    print(f"Landelijk ({options.regions} regio's)")
    national = generate(work / "national")
    regions = sorted(p.name for p in national.iterdir())[: options.regions]
    build_dir = work / "national-build"
    scenario = []
    sample = timed(f"(a) naief, steekproef {options.sample} regio's", lambda: run_regions(national, work / "national-naive", regions[: options.sample], "direct", False))
    scenario.append(sample)
    cold = timed("(b) regiodocs koud", lambda: run_regions(national, build_dir, regions, processes=cores))
    scenario.append(cold)
    scenario.append(timed("(c) niets gewijzigd", lambda: run_regions(national, build_dir, regions, processes=cores)))
    edit(national / regions[0] / "regeling.yaml", "ten minste twee keer per jaar", "ten minste drie keer per jaar")
    scenario.append(timed("(d) een artikel gewijzigd", lambda: run_regions(national, build_dir, regions, processes=cores)))
    voorstel = national / regions[1] / "raadsvoorstellen/01-regiovisie-vaststellen.yaml"
    first = voorstel.read_text(encoding="utf-8").split("per_gemeente:\n", 1)[1].splitlines()[0:6]
    agendapunt = next(line for line in first if "agendapunt:" in line)
    edit(voorstel, agendapunt, agendapunt.replace("agendapunt:", "agendapunt: '12' #"))
    scenario.append(timed("(e) een gemeente gewijzigd", lambda: run_regions(national, build_dir, regions, processes=cores)))
    per_doc = sample["wall_s"] / sample["documents"]
    naive_estimate = per_doc * cold["documents"]
    for s in scenario:
        s["ratio_to_naive"] = round(s["wall_s"] / (naive_estimate if s is not sample else sample["wall_s"]), 3)
    results["national"] = scenario
    results["national_naive_estimate_s"] = round(naive_estimate, 1)
    print(f"  naief landelijk (geschat uit de steekproef): {naive_estimate:.0f} s voor {cold['documents']} documenten")
    out = ROOT / "bench" / "results.json"
    out.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"geschreven: {out}")
    shutil.rmtree(work, ignore_errors=True)


def _cold(project: Path, cores: int) -> tuple[int, int]:
    shutil.rmtree(project / "build", ignore_errors=True)
    return _one(project, cores)


def _one(project: Path, cores: int) -> tuple[int, int]:
    report = build(project / "content", TEMPLATES, project / "build", "utrecht-west", ALL, workers=cores)
    return len(report.converted) + len(report.from_cache), len(report.converted)


if __name__ == "__main__":
    main()
