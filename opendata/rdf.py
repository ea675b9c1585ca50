"""The vocabularies of the DCAT-AP.de catalogue, and its Turtle and JSON-LD written by rdflib."""

import json

from rdflib import Graph, Namespace
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, XSD

DCATDE = Namespace("http://dcat-ap.de/def/dcatde/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
PREFIXES = {
    "dcat": DCAT,
    "dcatde": DCATDE,
    "dct": DCTERMS,
    "foaf": FOAF,
    "rdf": RDF,
    "vcard": VCARD,
    "xsd": XSD,
}


def new_graph() -> Graph:
    """Return an empty graph that writes the catalogue's prefixes, and no others."""
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def to_turtle(graph: Graph) -> str:
    """Return the graph as Turtle."""
    return graph.serialize(format="turtle")


def to_jsonld(graph: Graph) -> str:
    """Return the graph as JSON-LD, with the prefixes as its context."""
    context = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    document = json.loads(graph.serialize(format="json-ld", context=context))
    # rdflib lists the nodes in the order of a set, which differs from process to process;
    # sorted, the same catalogue is always the same file.
    document["@graph"].sort(key=lambda node: node["@id"])
    return json.dumps(document, ensure_ascii=False, indent=2)
