"""A region's whole content: one typed object the later stages read from."""

from __future__ import annotations

from dataclasses import dataclass, field

from regiodocs.content.load import RawRegion, SourceFile
from regiodocs.content.models.afwegingskader import Afwegingskader, Opgave
from regiodocs.content.models.besluiten import Informatiebrief, Raadsvoorstel
from regiodocs.content.models.bestuur import Bestuur
from regiodocs.content.models.common import Model
from regiodocs.content.models.consultatie import Consultatie
from regiodocs.content.models.financien import Financien
from regiodocs.content.models.overgang import Overgang
from regiodocs.content.models.regeling import Regeling
from regiodocs.content.models.regio import Regio
from regiodocs.content.models.taken import Taken
from regiodocs.content.models.toekomstnotitie import Toekomstnotitie
from regiodocs.content.models.visie import Visie
from regiodocs.content.models.wgrvorm import WgrVormAdvies

SECTION_MODELS: dict[str, type[Model]] = {
    "regio": Regio,
    "visie": Visie,
    "taken": Taken,
    "bestuur": Bestuur,
    "afwegingskader": Afwegingskader,
    "financien": Financien,
    "consultatie": Consultatie,
    "regeling": Regeling,
    "toekomstnotitie": Toekomstnotitie,
    "wgrvorm": WgrVormAdvies,
    "overgang": Overgang,
}
FOLDER_MODELS: dict[str, type[Model]] = {
    "raadsvoorstellen": Raadsvoorstel,
    "informatiebrieven": Informatiebrief,
    "opgaven": Opgave,
}


@dataclass
class Region:
    """Validated content of one region, with the source files kept for locating messages."""

    raw: RawRegion
    regio: Regio
    visie: Visie
    taken: Taken | None = None
    bestuur: Bestuur | None = None
    afwegingskader: Afwegingskader | None = None
    financien: Financien | None = None
    consultatie: Consultatie | None = None
    regeling: Regeling | None = None
    toekomstnotitie: Toekomstnotitie | None = None
    wgrvorm: WgrVormAdvies | None = None
    overgang: Overgang | None = None
    raadsvoorstellen: list[Raadsvoorstel] = field(default_factory=list)
    informatiebrieven: list[Informatiebrief] = field(default_factory=list)
    opgaven: list[Opgave] = field(default_factory=list)

    def source(self, section: str) -> SourceFile:
        return self.raw.singles[section]

    def folder_source(self, section: str, index: int) -> SourceFile:
        return self.raw.folders[section][index]
