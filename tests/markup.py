"""Read a page as a visitor sees it: the text of its elements, found by simple CSS selectors.

Tests assert on what a visitor notices, the visible text of an element, rather than on a word
anywhere in the HTML, where a CSS class, an attribute, the navigation or the language switcher
would contain it on every page.

Selectors are one or more simple selectors separated by spaces (descendants): a tag name, `.class`,
`#id`, `[attribute]`, `[attribute="value"]` and `[attribute^="prefix"]`, combined as in
`td.field-title` or `section[aria-labelledby="linked-heading"] a`.
"""

import re
from html.parser import HTMLParser

VOID = {
    "area",
    "base",
    "br",
    "col",
    "embed",
    "hr",
    "img",
    "input",
    "link",
    "meta",
    "source",
    "track",
    "wbr",
}
# Not shown as text: the contents of these never reach the reader (a progress bar's content is
# only the fallback for browsers without one).
HIDDEN = {"script", "style", "template", "head", "title", "progress", "meter"}
SIMPLE = re.compile(
    r"""(?P<tag>[a-zA-Z][\w-]*)|\.(?P<cls>[\w-]+)|\#(?P<id>[\w-]+)
    |\[(?P<attr>[\w-]+)(?:(?P<op>\^?=)(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\]]*)))?\]""",
    re.VERBOSE,
)


class Element:
    """An element of the page with its attributes and children (elements and text)."""

    def __init__(self, tag: str, attrs: dict[str, str], parent: "Element | None" = None):
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Element | str] = []

    def __repr__(self):
        return f"<{self.tag} {self.attrs}>"

    @property
    def classes(self) -> set[str]:
        return set(self.attrs.get("class", "").split())

    @property
    def text(self) -> str:
        """Return the element's visible text, with runs of whitespace made single spaces."""
        return " ".join(self._raw_text().split())

    def _raw_text(self) -> str:
        if self.tag in HIDDEN or "hidden" in self.attrs:
            return ""
        parts = []
        for child in self.children:
            parts.append(child if isinstance(child, str) else child._raw_text())
            # Block-ish boundaries separate words, as a browser would render them.
            if isinstance(child, Element) and child.tag in {"br", "li", "p", "td", "th", "dd"}:
                parts.append(" ")
        return "".join(parts)

    def descendants(self):
        for child in self.children:
            if isinstance(child, Element):
                yield child
                yield from child.descendants()

    def select(self, selector: str) -> list["Element"]:
        """Return the descendants matching `selector`, in document order."""
        steps = [_parse_simple(part) for part in selector.split()]
        found = [self]
        for step in steps:
            matches = []
            for scope in found:
                matches += [element for element in scope.descendants() if step(element)]
            # The same element may be reached from two nested scopes: keep it once, in order.
            seen, found = set(), []
            for element in matches:
                if id(element) not in seen:
                    seen.add(id(element))
                    found.append(element)
        return found

    def one(self, selector: str) -> "Element":
        """Return the only descendant matching `selector`; fail if there is none or several."""
        found = self.select(selector)
        assert len(found) == 1, f"{len(found)} elements match {selector!r}"
        return found[0]

    def texts(self, selector: str) -> list[str]:
        """Return the visible text of every descendant matching `selector`."""
        return [element.text for element in self.select(selector)]


def _parse_simple(selector: str):
    """Return a test of one element against a simple selector such as `a.kern-link[href]`."""
    tag, classes, id_, attributes = None, [], None, []
    position = 0
    while position < len(selector):
        match = SIMPLE.match(selector, position)
        if not match:
            raise ValueError(f"unsupported selector: {selector!r}")
        position = match.end()
        if match["tag"]:
            tag = match["tag"].lower()
        elif match["cls"]:
            classes.append(match["cls"])
        elif match["id"]:
            id_ = match["id"]
        else:
            values = (match["dq"], match["sq"], match["bare"])
            value = next((value for value in values if value is not None), None)
            attributes.append((match["attr"], value, match["op"] == "^="))

    def matches(element: Element) -> bool:
        if tag is not None and element.tag != tag:
            return False
        if id_ is not None and element.attrs.get("id") != id_:
            return False
        if not set(classes) <= element.classes:
            return False
        for name, value, prefix in attributes:
            if name not in element.attrs:
                return False
            actual = element.attrs[name]
            if value is not None and not (actual.startswith(value) if prefix else actual == value):
                return False
        return True

    return matches


class _Builder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        element = Element(tag, {name: value or "" for name, value in attrs}, self.current)
        self.current.children.append(element)
        if tag not in VOID:
            self.current = element

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(
            Element(tag, {name: value or "" for name, value in attrs}, self.current)
        )

    def handle_endtag(self, tag):
        # Close up to the matching open element; a stray end tag is ignored.
        element = self.current
        while element is not None and element.tag != tag:
            element = element.parent
        if element is not None and element.parent is not None:
            self.current = element.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(html) -> Element:
    """Return the page (a string, bytes or a response) as a tree of elements."""
    if hasattr(html, "content"):
        html = html.content
    if isinstance(html, bytes):
        html = html.decode()
    builder = _Builder()
    builder.feed(html)
    builder.close()
    return builder.root


def text_of(html, selector: str) -> str:
    """Return the visible text of the only element matching `selector`."""
    return parse(html).one(selector).text


def texts_of(html, selector: str) -> list[str]:
    """Return the visible text of every element matching `selector`."""
    return parse(html).texts(selector)


def description(html, selector: str = "dl") -> dict[str, str]:
    """Return the terms and descriptions of the description lists matching `selector`."""
    pairs = {}
    for dl in parse(html).select(selector):
        term = None
        for element in dl.descendants():
            if element.tag == "dt":
                term = element.text
            elif element.tag == "dd" and term is not None:
                pairs[term] = element.text
                term = None
    return pairs


def row_linking_to(html, href: str) -> Element:
    """Return the table row that holds a link to `href`."""
    rows = [row for row in parse(html).select("tr") if row.select(f'a[href="{href}"]')]
    assert len(rows) == 1, f"{len(rows)} table rows link to {href}"
    return rows[0]
