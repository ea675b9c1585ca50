"""A small RDF description written as Turtle or JSON-LD, enough for a DCAT catalogue."""

import json
from dataclasses import dataclass, field

PREFIXES = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dcatde": "http://dcat-ap.de/def/dcatde/",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


@dataclass(frozen=True)
class IRI:
    """A resource named by an absolute IRI."""

    value: str


@dataclass(frozen=True)
class Literal:
    """A text in a language, or a value of an XML Schema datatype such as xsd:dateTime."""

    value: str
    language: str = ""
    datatype: str = ""


@dataclass
class Node:
    """A resource with its types and properties; without an IRI it is a blank node."""

    iri: str = ""
    types: list[str] = field(default_factory=list)
    properties: dict[str, list] = field(default_factory=dict)

    def add(self, prop: str, *values) -> "Node":
        """Add values to the property `prop` (a prefixed name), skipping empty ones."""
        kept = [value for value in values if value not in (None, "") and not _empty(value)]
        if kept:
            self.properties.setdefault(prop, []).extend(kept)
        return self


def _empty(value) -> bool:
    return isinstance(value, (IRI, Literal)) and not value.value


def _turtle_string(text: str) -> str:
    escaped = (
        text.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
    )
    return f'"{escaped}"'


def _turtle_iri(value: str) -> str:
    # Characters Turtle forbids in an IRI reference are percent-encoded.
    for char in '<>"{}|^`\\ ':
        value = value.replace(char, f"%{ord(char):02X}")
    return f"<{value}>"


def _turtle_value(value, indent: str) -> str:
    if isinstance(value, IRI):
        return _turtle_iri(value.value)
    if isinstance(value, Literal):
        text = _turtle_string(value.value)
        if value.language:
            return f"{text}@{value.language}"
        return f"{text}^^{value.datatype}" if value.datatype else text
    if isinstance(value, Node):
        if value.iri:
            return _turtle_iri(value.iri)
        inner = _turtle_body(value, indent + "    ")
        return f"[\n{inner}\n{indent}]"
    raise TypeError(f"Cannot write {value!r} as Turtle.")


def _turtle_body(node: Node, indent: str) -> str:
    lines = []
    if node.types:
        lines.append(f"{indent}a {', '.join(node.types)}")
    for prop, values in node.properties.items():
        objects = ", ".join(_turtle_value(value, indent) for value in values)
        lines.append(f"{indent}{prop} {objects}")
    return " ;\n".join(lines)


def _named_nodes(nodes: list[Node]) -> list[Node]:
    """Return every node with an IRI, reached from `nodes`, each once, in order of discovery."""
    seen, ordered, pending = set(), [], list(nodes)
    while pending:
        node = pending.pop(0)
        if node.iri and node.iri in seen:
            continue
        if node.iri:
            seen.add(node.iri)
            ordered.append(node)
        pending.extend(
            value
            for values in node.properties.values()
            for value in values
            if isinstance(value, Node)
        )
    return ordered


def to_turtle(nodes: list[Node]) -> str:
    """Return the description as Turtle."""
    header = "".join(f"@prefix {prefix}: <{iri}> .\n" for prefix, iri in PREFIXES.items())
    blocks = [
        f"{_turtle_iri(node.iri)}\n{_turtle_body(node, '    ')} ." for node in _named_nodes(nodes)
    ]
    return header + "\n" + "\n\n".join(blocks) + "\n"


def _json_value(value):
    if isinstance(value, IRI):
        return {"@id": value.value}
    if isinstance(value, Literal):
        if value.language:
            return {"@value": value.value, "@language": value.language}
        if value.datatype:
            return {"@value": value.value, "@type": value.datatype}
        return value.value
    if isinstance(value, Node):
        return {"@id": value.iri} if value.iri else _json_node(value)
    raise TypeError(f"Cannot write {value!r} as JSON-LD.")


def _json_node(node: Node) -> dict:
    data = {"@id": node.iri} if node.iri else {}
    if node.types:
        data["@type"] = node.types
    for prop, values in node.properties.items():
        data[prop] = [_json_value(value) for value in values]
    return data


def to_jsonld(nodes: list[Node]) -> str:
    """Return the description as JSON-LD, with the prefixes as its context."""
    document = {
        "@context": dict(PREFIXES),
        "@graph": [_json_node(node) for node in _named_nodes(nodes)],
    }
    return json.dumps(document, ensure_ascii=False, indent=2)
