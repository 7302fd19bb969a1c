"""toekomstnotitie.yaml: a network region's note on the future of its cooperation.

Modelled on 'Regio Lekstroom: sterk met elkaar' (2024): why the municipalities cooperate,
how they agreed to work, the leading principles, steering and letting go, the governance
lines with the tasks of each body, and how capacity, culture, communication and costs are
organised. The shared principles (uitgangspunten) come from visie.yaml, the afwegingskader
and its opgaven from their own files, and the cost key is computed from regio.yaml and
financien.yaml: each fact lives once.
"""

from __future__ import annotations

from pydantic import Field

from regiodocs.content.models.common import Id, Model, Tekst, Visieonderdeel


class Mijlpaal(Model):
    jaar: Tekst = Field(description="Jaar of periode, bijv. '2015'.")
    tekst: Tekst
    """Wat er toen gebeurde."""


class Overleg(Model):
    """A body or role in one governance line, with its tasks."""

    id: Id
    naam: Tekst
    """Volledige naam, bijv. 'Bestuurlijk Platform Sociaal Domein Lekstroom'."""
    afkorting: Tekst | None = None
    """Afkorting, bijv. 'BPSDL'."""
    rol: Tekst
    """Wat het overleg of de functie in deze lijn is."""
    taken: list[Tekst] = Field(min_length=1)
    """De taken en verantwoordelijkheden, elk als één punt."""


class Lijn(Model):
    """One governance line (e.g. the content line and the organisation line)."""

    id: Id
    titel: Tekst
    """Naam van de lijn."""
    tekst: Tekst | None = None
    """Optionele toelichting op de lijn."""
    organen: list[Overleg] = Field(min_length=1)
    """De overleggen en functies in deze lijn, van bestuurlijk naar uitvoerend."""


class Afwijking(Model):
    """A deviating way of working next to the lines (e.g. for some youth topics)."""

    titel: Tekst
    """Kop."""
    tekst: Tekst
    """De afwijkende werkwijze."""
    organen: list[Overleg] = Field(default_factory=list)
    """De overleggen van die werkwijze."""


class Afspraken(Model):
    """The agreements on steering and letting go."""

    inleiding: Tekst
    """Waarom er explicieter wordt gestuurd."""
    sturen: list[Tekst] = Field(min_length=1)
    """Afspraken over sturen (bestuurlijk)."""
    loslaten: list[Tekst] = Field(min_length=1)
    """Afspraken over loslaten (bestuurlijk én ambtelijk)."""
    slot: Tekst | None = None
    """Optioneel: waar de versterking van de uitvoering vooral vandaan komt."""


class Toekomstnotitie(Model):
    titel: Tekst
    """Titel van de notitie."""
    ondertitel: Tekst
    """Ondertitel."""
    datum: Tekst = Field(description="Maand en jaar van de notitie, bijv. 'oktober 2024'.")
    kenmerk: Tekst | None = None
    """Optioneel: kenmerk of bijlagenummer waaronder de notitie is aangeboden."""
    inleiding: Tekst
    """Waarom de notitie er is en hoe zij tot stand kwam."""
    geschiedenis: list[Mijlpaal] = Field(min_length=1)
    """De stappen van de samenwerking tot nu toe."""
    vorm: Tekst
    """De huidige vorm van samenwerken (netwerk, overeenkomsten, besluitvorming)."""
    waarom: list[Tekst] = Field(min_length=1)
    """De redenen waarom de gemeenten vanaf het begin samen optrekken."""
    doel: Tekst
    """Het doel van de samenwerking."""
    werkafspraken_inleiding: Tekst
    """Het motto en de inleiding op de werkafspraken."""
    werkafspraken: list[Tekst] = Field(min_length=1)
    """De afspraken over de manier van regionaal samenwerken."""
    resultaten_inleiding: Tekst
    """Wat opvalt aan de resultaten."""
    resultaten: list[Tekst] = Field(min_length=1)
    """De belangrijkste opgaven die zijn opgepakt."""
    stip: Tekst
    """Waar de regio naartoe wil (de stip op de horizon)."""
    principes: list[Visieonderdeel] = Field(min_length=1)
    """De leidende bestuurlijke principes; ze worden a, b, c, ... genummerd."""
    sturen_en_loslaten: Afspraken
    """De afspraken over sturen en loslaten."""
    governance_inleiding: Tekst
    """Inleiding op de governance."""
    governance: list[Lijn] = Field(min_length=1)
    """De lijnen van de governance, elk met hun overleggen en taken."""
    afwijkingen: list[Afwijking] = Field(default_factory=list)
    """Afwijkende werkwijzen naast de lijnen."""
    capaciteit_inleiding: Tekst
    """Inleiding op de inzet van capaciteit."""
    capaciteit: list[Visieonderdeel] = Field(min_length=1)
    """Maatregelen voor de inzet van capaciteit; genummerd a, b, c, ..."""
    onderwerpen: list[Visieonderdeel] = Field(default_factory=list)
    """Verdere onderwerpen (backoffice, cultuur, communicatie, ...), elk een paragraaf."""
    financien: Tekst
    """Hoe de kosten worden gedragen; de verdeelsleutel rekent regiodocs uit."""
    financien_na: Tekst | None = None
    """Optioneel: tekst na de verdeelsleutel (inzet van mensen, subsidies)."""
    afsluiting: Tekst
    """Afsluiting."""
