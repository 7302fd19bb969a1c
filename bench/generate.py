"""Write a synthetic national content set: 42 youth-care regions, 342 municipalities.

Each region gets the Utrecht West texts (so documents are of the same size) with its own
invented municipalities: names, inhabitants between 6,000 and 250,000, meeting dates,
kenmerken and each municipality its own house style. Deterministic (fixed seed).
Usage: python bench/generate.py OUTPUT_DIR
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "content" / "utrecht-west"
REGIONS = 42
MUNICIPALITIES = 342
SYLLABLES = [
    "aa",
    "bur",
    "dam",
    "del",
    "dijk",
    "dorp",
    "ee",
    "gen",
    "ha",
    "hoven",
    "kerk",
    "lo",
    "meer",
    "molen",
    "oo",
    "rijk",
    "sloot",
    "ven",
    "veld",
    "wold",
    "zand",
    "zijl",
    "berg",
    "broek",
]


def _yaml() -> YAML:
    y = YAML()
    y.width = 4096
    y.representer.ignore_aliases = lambda *_: True  # regiodocs refuses anchors and aliases
    return y


def load(path: Path) -> Any:
    return YAML(typ="safe").load(path.read_text(encoding="utf-8"))


def name(chance: random.Random, used: set[str]) -> str:
    while True:
        word = "".join(chance.choice(SYLLABLES) for _ in range(chance.randint(2, 3)))
        word = word.capitalize()
        if word not in used:
            used.add(word)
            return word


def generate(output: Path) -> Path:
    chance = random.Random(342)
    if output.exists():
        shutil.rmtree(output)
    content = output / "content"
    sizes = [9] * (MUNICIPALITIES - 8 * REGIONS) + [8] * (REGIONS - (MUNICIPALITIES - 8 * REGIONS))
    used: set[str] = set()
    dumper = _yaml()
    for r, size in enumerate(sizes, start=1):
        region_id = f"regio-{r:02d}"
        folder = content / region_id
        shutil.copytree(SOURCE, folder)
        regio = load(SOURCE / "regio.yaml")
        source_people = regio["deelnemers"]
        source_styles = {style["id"]: style for style in regio["huisstijlen"]}
        regio["id"] = region_id
        regio["naam"] = (
            f"{name(chance, used)} {chance.choice(['Oost', 'West', 'Noord', 'Zuid', 'Midden'])}"
        )
        deelnemers, styles = [], []
        for g in range(size):
            naam = name(chance, used)
            gid = naam.lower()
            # Dates and colours of the Utrecht West municipality in the same position, so
            # every date and contrast rule holds as it does for the shipped content.
            model = source_people[g % len(source_people)]
            deelnemers.append(
                {
                    **model,
                    "id": gid,
                    "naam": naam,
                    "officiele_naam": f"gemeente {naam}",
                    "inwoners": {
                        "aantal": chance.randint(6000, 250000),
                        "peildatum": model["inwoners"]["peildatum"],
                        "bron": "synthetisch",
                    },
                    "huisstijl": gid,
                    "kenmerk_prefix": f"{naam[:3].upper()}-",
                }
            )
            style = source_styles.get(
                model.get("huisstijl", ""), next(iter(source_styles.values()))
            )
            styles.append(
                {**style, "id": gid, "lettertype": chance.choice(["Arial", "Calibri", "Verdana"])}
            )
        # The regional documents keep the region's own house style (regio.huisstijl).
        styles.append(source_styles[regio["huisstijl"]])
        regio["deelnemers"], regio["huisstijlen"] = deelnemers, styles
        dumper.dump(regio, (folder / "regio.yaml").open("w", encoding="utf-8"))
        ids = [d["id"] for d in deelnemers]
        for sub, dates in (("raadsvoorstellen", None), ("informatiebrieven", None)):
            for path in sorted((folder / sub).glob("*.yaml")):
                doc = load(path)
                models = list(doc["per_gemeente"].values())
                per: dict[str, Any] = {}
                for n, d in enumerate(deelnemers):
                    entry = dict(models[n % len(models)])
                    # Not four digits in a row: the check reads those as a year.
                    entry["kenmerk"] = f"{r:02d}.{n:02d}"
                    per[d["id"]] = entry
                doc["per_gemeente"] = per
                dumper.dump(doc, path.open("w", encoding="utf-8"))
            del dates
        _rename_municipalities(folder, [d["naam"] for d in deelnemers])
        consultatie = load(folder / "consultatie.yaml")
        for n, bron in enumerate(consultatie["bronnen"]):
            if bron.get("gemeente"):
                bron["gemeente"] = ids[n % len(ids)]
        dumper.dump(consultatie, (folder / "consultatie.yaml").open("w", encoding="utf-8"))
    return content


def _rename_municipalities(folder: Path, names: list[str]) -> None:
    """The texts name the region's own municipalities: the Utrecht West enumeration becomes
    the whole list, and each Utrecht West name the new municipality in its position."""
    source = [d["naam"] for d in load(SOURCE / "regio.yaml")["deelnemers"]]
    enumeration = ", ".join(source[:-1]) + " en " + source[-1]
    for path in sorted(folder.rglob("*.yaml")):
        if path.name == "regio.yaml":
            continue
        text = path.read_text(encoding="utf-8")
        text = text.replace(enumeration, ", ".join(names[:-1]) + " en " + names[-1])
        for old, new in zip(source, names, strict=False):
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "bench" / "data"
    print(f"geschreven: {generate(target)}")
