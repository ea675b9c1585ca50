"""The DCAT-AP.de catalogue of the portal's datasets, which GovData can harvest."""

from django.conf import settings
from django.db.models import Max
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, XSD

from .datasets import DATASETS, Dataset
from .fields import language_codes
from .rdf import DCATDE, VCARD, new_graph

EU = "http://publications.europa.eu/resource/authority/"
IANA = "https://www.iana.org/assignments/media-types/"
# The official key (Amtlicher Gemeindeschlüssel) of the Landeshauptstadt Hannover.
HANNOVER_GEOCODING = URIRef("http://dcat-ap.de/def/politicalGeocoding/municipalityKey/03241001")
MUNICIPALITY_LEVEL = URIRef("http://dcat-ap.de/def/politicalGeocoding/Level/municipality")
FORMAT_NAMES = {"csv": "CSV", "api": "JSON API", "geojson": "GeoJSON"}
CITY = gettext_lazy("City of Hannover")
LANGUAGES = [URIRef(f"{EU}language/DEU"), URIRef(f"{EU}language/ENG")]


def add(graph: Graph, subject, predicate, *values) -> None:
    """Add a statement about `subject` for each of `values` that is not empty."""
    for value in values:
        if value is not None and str(value):
            graph.add((subject, predicate, value))


def in_languages(text) -> list[Literal]:
    """Return a lazily translated text as one literal per language."""
    return [in_language_of(code, lambda: str(text)) for code in language_codes()]


def in_language_of(code: str, build) -> Literal:
    """Return the text `build()` makes in the language `code`, tagged with it."""
    with translation.override(code):
        return Literal(build(), lang=code)


def absolute(request, name: str, **kwargs) -> URIRef:
    """Return the absolute address of the URL named `name`."""
    return URIRef(request.build_absolute_uri(reverse(name, kwargs=kwargs or None)))


def page_in(request, code: str, name: str) -> URIRef:
    """Return the absolute address of a public page in the language `code`."""
    with translation.override(code):
        return absolute(request, name)


def date_time(value) -> Literal | None:
    """Return a moment as an xsd:dateTime in the portal's time zone, or None."""
    if value is None:
        return None
    text = timezone.localtime(value).isoformat(timespec="seconds")
    return Literal(text, datatype=XSD.dateTime)


def last_change(dataset: Dataset):
    """Return when a published row of `dataset` last changed."""
    return dataset.rows().order_by().aggregate(latest=Max("updated_at"))["latest"]


def column_list(dataset: Dataset) -> str:
    """Return the CSV columns with their meanings, in the active language."""
    described = [
        f"{name} ({meaning})" for column in dataset.columns for name, meaning in column.documented()
    ]
    return _("Columns: {columns}.").format(columns="; ".join(described))


def add_contact(graph: Graph, request, name: str) -> BNode:
    """Add the office that answers questions about the data, and return its blank node."""
    # A fixed blank node label keeps the JSON-LD the same from one request to the next.
    contact = BNode(name)
    graph.add((contact, RDF.type, VCARD.Organization))
    add(graph, contact, VCARD.fn, *in_languages(gettext_lazy("International Affairs Office")))
    graph.add((contact, VCARD.hasURL, page_in(request, "de", "site_page_contact")))
    return contact


def add_distribution(graph, dataset, base, *, kind, url, media_type, file_type, licence, modified):
    """Add a dcat:Distribution of `dataset` in one format, and return its IRI."""
    node = URIRef(f"{base}#{dataset.slug}-{kind}")
    graph.add((node, RDF.type, DCAT.Distribution))
    titles = (
        in_language_of(code, lambda: f"{dataset.title} ({FORMAT_NAMES[kind]})")
        for code in language_codes()
    )
    add(graph, node, DCTERMS.title, *titles)
    if kind == "csv":
        columns = [in_language_of(code, lambda: column_list(dataset)) for code in language_codes()]
        add(graph, node, DCTERMS.description, *columns)
    graph.add((node, DCAT.accessURL, url))
    if kind != "api":
        graph.add((node, DCAT.downloadURL, url))
    graph.add((node, DCTERMS["format"], URIRef(f"{EU}file-type/{file_type}")))
    graph.add((node, DCAT.mediaType, URIRef(f"{IANA}{media_type}")))
    graph.add((node, DCTERMS.license, licence))
    add(graph, node, DCATDE.licenseAttributionByText, *in_languages(CITY))
    add(graph, node, DCTERMS.modified, modified)
    return node


def add_dataset(graph: Graph, request, dataset: Dataset, base: str, publisher: URIRef, modified):
    """Add a dcat:Dataset with a distribution per format, and return its IRI."""
    node = URIRef(f"{base}#{dataset.slug}")
    licence = URIRef(settings.OPEN_DATA_LICENCE["uri"])
    graph.add((node, RDF.type, DCAT.Dataset))
    graph.add((node, DCTERMS.identifier, Literal(f"{base}#{dataset.slug}")))
    add(graph, node, DCTERMS.title, *in_languages(dataset.title))
    add(graph, node, DCTERMS.description, *in_languages(dataset.description))
    graph.add((node, DCTERMS.publisher, publisher))
    if settings.OPEN_DATA_CONTRIBUTOR_ID:
        graph.add((node, DCATDE.contributorID, URIRef(settings.OPEN_DATA_CONTRIBUTOR_ID)))
    graph.add((node, DCATDE.politicalGeocodingURI, HANNOVER_GEOCODING))
    graph.add((node, DCATDE.politicalGeocodingLevelURI, MUNICIPALITY_LEVEL))
    graph.add((node, DCTERMS.license, licence))
    graph.add((node, DCTERMS.accessRights, URIRef(f"{EU}access-right/PUBLIC")))
    graph.add((node, DCAT.theme, URIRef(f"{EU}data-theme/GOVE")))
    add(graph, node, DCTERMS.language, *LANGUAGES)
    graph.add((node, DCAT.landingPage, page_in(request, "de", "opendata:index")))
    # Each dataset has its own blank contact node, as the catalogue always had.
    graph.add((node, DCAT.contactPoint, add_contact(graph, request, f"{dataset.slug}-contact")))
    add(graph, node, DCTERMS.modified, date_time(modified))
    formats = [
        ("csv", absolute(request, "data:csv", slug=dataset.slug), "text/csv", "CSV"),
        ("api", absolute(request, dataset.api_url_name), "application/json", "JSON"),
    ]
    if dataset.geojson:
        url = absolute(request, "data:geojson", slug=dataset.slug)
        formats.append(("geojson", url, "application/geo+json", "GEOJSON"))
    for kind, url, media_type, file_type in formats:
        distribution = add_distribution(
            graph,
            dataset,
            base,
            kind=kind,
            url=url,
            media_type=media_type,
            file_type=file_type,
            licence=licence,
            modified=date_time(modified),
        )
        graph.add((node, DCAT.distribution, distribution))
    return node


def catalogue(request) -> Graph:
    """Return the catalogue with a dcat:Dataset per collection and a distribution per format."""
    graph = new_graph()
    base = request.build_absolute_uri(reverse("data:catalog"))
    publisher = URIRef(f"{base}#publisher")
    graph.add((publisher, RDF.type, FOAF.Organization))
    add(graph, publisher, FOAF.name, *in_languages(CITY))
    graph.add((publisher, FOAF.homepage, URIRef("https://www.hannover.de/")))

    catalog = URIRef(f"{base}#catalog")
    graph.add((catalog, RDF.type, DCAT.Catalog))
    title = gettext_lazy("Open data of 'Hannover – International City'")
    add(graph, catalog, DCTERMS.title, *in_languages(title))
    description = gettext_lazy(
        "The published content of the City of Hannover's action plan 'Hannover – "
        "International City': goals, Areas of Action, measures, progress reports, "
        "twin and cooperation cities, networks and EU projects."
    )
    add(graph, catalog, DCTERMS.description, *in_languages(description))
    graph.add((catalog, DCTERMS.publisher, publisher))
    graph.add((catalog, FOAF.homepage, page_in(request, "de", "opendata:index")))
    add(graph, catalog, DCTERMS.language, *LANGUAGES)
    graph.add((catalog, DCTERMS.license, URIRef(settings.OPEN_DATA_LICENCE["uri"])))

    changes = []
    for dataset in DATASETS:
        modified = last_change(dataset)
        changes.append(modified)
        node = add_dataset(graph, request, dataset, base, publisher, modified)
        graph.add((catalog, DCAT.dataset, node))
    latest = max((change for change in changes if change), default=None)
    add(graph, catalog, DCTERMS.modified, date_time(latest))
    return graph
