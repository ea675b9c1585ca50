"""The DCAT-AP.de catalogue of the portal's datasets, which GovData can harvest."""

from django.conf import settings
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .datasets import DATASETS, Dataset
from .fields import language_codes
from .rdf import IRI, Literal, Node

EU = "http://publications.europa.eu/resource/authority/"
IANA = "https://www.iana.org/assignments/media-types/"
# The official key (Amtlicher Gemeindeschlüssel) of the Landeshauptstadt Hannover.
HANNOVER_GEOCODING = "http://dcat-ap.de/def/politicalGeocoding/municipalityKey/03241001"
MUNICIPALITY_LEVEL = "http://dcat-ap.de/def/politicalGeocoding/Level/municipality"
FORMAT_NAMES = {"csv": "CSV", "api": "JSON API", "geojson": "GeoJSON"}
CITY = gettext_lazy("City of Hannover")
LANGUAGES = {"de": f"{EU}language/DEU", "en": f"{EU}language/ENG"}


def in_languages(text) -> list[Literal]:
    """Return a lazily translated text as one literal per language."""
    literals = []
    for code in language_codes():
        with translation.override(code):
            literals.append(Literal(str(text), language=code))
    return literals


def in_language_of(code: str, build) -> Literal:
    """Return the text `build()` makes in the language `code`, tagged with it."""
    with translation.override(code):
        return Literal(build(), language=code)


def absolute(request, name: str, **kwargs) -> IRI:
    """Return the absolute address of the URL named `name`."""
    return IRI(request.build_absolute_uri(reverse(name, kwargs=kwargs or None)))


def page_in(request, code: str, name: str) -> IRI:
    """Return the absolute address of a public page in the language `code`."""
    with translation.override(code):
        return absolute(request, name)


def date_time(value) -> Literal | None:
    """Return a moment as an xsd:dateTime in the portal's time zone, or None."""
    if value is None:
        return None
    text = timezone.localtime(value).isoformat(timespec="seconds")
    return Literal(text, datatype="xsd:dateTime")


def last_change(dataset: Dataset):
    """Return when a published row of `dataset` last changed."""
    return dataset.rows().order_by().aggregate(latest=Max("updated_at"))["latest"]


def column_list(dataset: Dataset) -> str:
    """Return the CSV columns with their meanings, in the active language."""
    described = [
        f"{name} ({meaning})" for column in dataset.columns for name, meaning in column.documented()
    ]
    return _("Columns: {columns}.").format(columns="; ".join(described))


def distribution(dataset, base, *, kind, url, media_type, file_type, licence, modified):
    """Return a dcat:Distribution of `dataset` in one format."""
    node = Node(f"{base}#{dataset.slug}-{kind}", ["dcat:Distribution"])
    node.add(
        "dct:title",
        *(
            in_language_of(code, lambda: f"{dataset.title} ({FORMAT_NAMES[kind]})")
            for code in language_codes()
        ),
    )
    if kind == "csv":
        node.add(
            "dct:description",
            *(in_language_of(code, lambda: column_list(dataset)) for code in language_codes()),
        )
    node.add("dcat:accessURL", url)
    if kind != "api":
        node.add("dcat:downloadURL", url)
    node.add("dct:format", IRI(f"{EU}file-type/{file_type}"))
    node.add("dcat:mediaType", IRI(f"{IANA}{media_type}"))
    node.add("dct:license", licence)
    node.add("dcatde:licenseAttributionByText", *in_languages(CITY))
    node.add("dct:modified", modified)
    return node


def catalogue(request) -> list[Node]:
    """Return the catalogue with a dcat:Dataset per collection and a distribution per format."""
    base = request.build_absolute_uri(reverse("data:catalog"))
    licence = IRI(settings.OPEN_DATA_LICENCE["uri"])
    publisher = Node(f"{base}#publisher", ["foaf:Organization"])
    publisher.add("foaf:name", *in_languages(CITY))
    publisher.add("foaf:homepage", IRI("https://www.hannover.de/"))
    contact = Node("", ["vcard:Organization"])
    contact.add("vcard:fn", *in_languages(gettext_lazy("International Affairs Office")))
    contact.add("vcard:hasURL", page_in(request, "de", "site_page_contact"))

    datasets, changes = [], []
    for dataset in DATASETS:
        modified = last_change(dataset)
        changes.append(modified)
        node = Node(f"{base}#{dataset.slug}", ["dcat:Dataset"])
        node.add("dct:identifier", Literal(f"{base}#{dataset.slug}"))
        node.add("dct:title", *in_languages(dataset.title))
        node.add("dct:description", *in_languages(dataset.description))
        node.add("dct:publisher", publisher)
        if settings.OPEN_DATA_CONTRIBUTOR_ID:
            node.add("dcatde:contributorID", IRI(settings.OPEN_DATA_CONTRIBUTOR_ID))
        node.add("dcatde:politicalGeocodingURI", IRI(HANNOVER_GEOCODING))
        node.add("dcatde:politicalGeocodingLevelURI", IRI(MUNICIPALITY_LEVEL))
        node.add("dct:license", licence)
        node.add("dct:accessRights", IRI(f"{EU}access-right/PUBLIC"))
        node.add("dcat:theme", IRI(f"{EU}data-theme/GOVE"))
        node.add("dct:language", *(IRI(uri) for uri in LANGUAGES.values()))
        node.add("dcat:landingPage", page_in(request, "de", "opendata:index"))
        node.add("dcat:contactPoint", contact)
        node.add("dct:modified", date_time(modified))
        formats = [
            ("csv", absolute(request, "data:csv", slug=dataset.slug), "text/csv", "CSV"),
            ("api", absolute(request, dataset.api_url_name), "application/json", "JSON"),
        ]
        if dataset.geojson:
            url = absolute(request, "data:geojson", slug=dataset.slug)
            formats.append(("geojson", url, "application/geo+json", "GEOJSON"))
        for kind, url, media_type, file_type in formats:
            node.add(
                "dcat:distribution",
                distribution(
                    dataset,
                    base,
                    kind=kind,
                    url=url,
                    media_type=media_type,
                    file_type=file_type,
                    licence=licence,
                    modified=date_time(modified),
                ),
            )
        datasets.append(node)

    catalog = Node(f"{base}#catalog", ["dcat:Catalog"])
    catalog.add(
        "dct:title", *in_languages(gettext_lazy("Open data of 'Hannover – International City'"))
    )
    catalog.add(
        "dct:description",
        *in_languages(
            gettext_lazy(
                "The published content of the City of Hannover's action plan 'Hannover – "
                "International City': goals, Areas of Action, measures, progress reports, "
                "partner cities, networks and EU projects."
            )
        ),
    )
    catalog.add("dct:publisher", publisher)
    catalog.add("foaf:homepage", page_in(request, "de", "opendata:index"))
    catalog.add("dct:language", *(IRI(uri) for uri in LANGUAGES.values()))
    catalog.add("dct:license", licence)
    latest = max((change for change in changes if change), default=None)
    catalog.add("dct:modified", date_time(latest))
    catalog.add("dcat:dataset", *datasets)
    return [catalog]
