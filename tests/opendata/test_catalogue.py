"""The DCAT-AP.de catalogue in Turtle and JSON-LD, read back with rdflib."""

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, FOAF, RDF

from opendata.datasets import DATASETS

pytestmark = pytest.mark.django_db

# rdflib's own DCAT namespace warns whenever pytest looks at this module's names.
DCAT = Namespace("http://www.w3.org/ns/dcat#")
DCATDE = Namespace("http://dcat-ap.de/def/dcatde/")
BASE = "http://testserver/data/catalog"
LICENCE = URIRef("http://dcat-ap.de/def/licenses/dl-by-de/2.0")


def graph(client, url: str, content_type: str, rdf_format: str) -> Graph:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    return Graph().parse(data=response.content.decode("utf-8"), format=rdf_format)


@pytest.fixture
def turtle(client, content):
    return graph(client, "/data/catalog.ttl", "text/turtle", "turtle")


# rdflib's JSON-LD parser still uses its own deprecated ConjunctiveGraph.
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_turtle_and_jsonld_describe_the_same_catalogue(client, turtle):
    jsonld = graph(client, "/data/catalog.jsonld", "application/ld+json", "json-ld")
    assert len(turtle) > 200
    assert isomorphic(turtle, jsonld)


def test_catalogue_lists_every_dataset_with_titles_in_both_languages(turtle):
    catalog = URIRef(f"{BASE}#catalog")
    assert (catalog, RDF.type, DCAT.Catalog) in turtle
    datasets = set(turtle.objects(catalog, DCAT.dataset))
    assert datasets == {URIRef(f"{BASE}#{dataset.slug}") for dataset in DATASETS}
    measures = URIRef(f"{BASE}#measures")
    assert (measures, RDF.type, DCAT.Dataset) in turtle
    assert (measures, DCTERMS.title, Literal("Maßnahmen", lang="de")) in turtle
    assert (measures, DCTERMS.title, Literal("Measures", lang="en")) in turtle
    assert (measures, DCTERMS.license, LICENCE) in turtle
    assert (
        measures,
        DCATDE.politicalGeocodingLevelURI,
        URIRef("http://dcat-ap.de/def/politicalGeocoding/Level/municipality"),
    ) in turtle
    publisher = turtle.value(measures, DCTERMS.publisher)
    assert (publisher, FOAF.name, Literal("Landeshauptstadt Hannover", lang="de")) in turtle


def test_every_dataset_has_csv_and_api_distributions_and_cities_geojson(turtle):
    for dataset in DATASETS:
        node = URIRef(f"{BASE}#{dataset.slug}")
        distributions = list(turtle.objects(node, DCAT.distribution))
        formats = {str(turtle.value(d, DCTERMS["format"])).rsplit("/", 1)[1] for d in distributions}
        expected = {"CSV", "JSON"} | ({"GEOJSON"} if dataset.geojson else set())
        assert formats == expected, dataset.slug
        for distribution in distributions:
            assert (distribution, RDF.type, DCAT.Distribution) in turtle
            assert (distribution, DCTERMS.license, LICENCE) in turtle
            assert turtle.value(distribution, DCAT.accessURL) is not None
            assert turtle.value(distribution, DCAT.mediaType) is not None
    csv = URIRef(f"{BASE}#measures-csv")
    assert turtle.value(csv, DCAT.downloadURL) == URIRef("http://testserver/data/measures.csv")
    descriptions = {str(d) for d in turtle.objects(csv, DCTERMS.description)}
    assert any("title_en" in text and "progress" in text for text in descriptions)


def test_contributor_id_appears_once_it_is_set(client, content, settings):
    catalogue = graph(client, "/data/catalog.ttl", "text/turtle", "turtle")
    assert not list(catalogue.objects(None, DCATDE.contributorID))
    settings.OPEN_DATA_CONTRIBUTOR_ID = "http://dcat-ap.de/def/contributors/example"
    catalogue = graph(client, "/data/catalog.ttl", "text/turtle", "turtle")
    assert set(catalogue.objects(URIRef(f"{BASE}#goals"), DCATDE.contributorID)) == {
        URIRef("http://dcat-ap.de/def/contributors/example")
    }


def test_catalogue_address_sends_harvesters_to_their_format(client, content):
    response = client.get("/data/catalog", headers={"Accept": "application/ld+json"})
    assert response.status_code == 303
    assert response["Location"] == "/data/catalog.jsonld"
    assert client.get("/data/catalog")["Location"] == "/data/catalog.ttl"
