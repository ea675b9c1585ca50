"""Collect the site's pages and the query parameters each understands, by following links."""

from collections import defaultdict, deque
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urljoin, urlsplit

STARTS = ("/de/", "/en/", "/de/suche/", "/en/search/")
# Files, not pages: served by WhiteNoise or the web server, never by a view.
SKIPPED = ("/static/", "/media/")


class PageParser(HTMLParser):
    """Collect a page's link targets and its form fields by the path each form is sent to."""

    def __init__(self, url: str):
        super().__init__()
        self.url = url
        self.links: list[str] = []
        self.fields: dict[str, set[str]] = defaultdict(set)
        self._action = url

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "form":
            self._action = urlsplit(urljoin(self.url, attrs.get("action") or self.url)).path
        if tag in {"input", "select", "textarea", "button"} and attrs.get("name"):
            self.fields[self._action].add(attrs["name"])


def crawl_site(client, starts=STARTS, limit: int = 500) -> dict[str, set[str]]:
    """Return every public path reachable from `starts`, each with the parameters it is sent."""
    seen, queue = set(starts), deque(starts)
    pages: dict[str, set[str]] = {}
    parameters: dict[str, set[str]] = defaultdict(set)
    while queue and len(pages) < limit:
        url = queue.popleft()
        response = client.get(url)
        if response.status_code != 200:
            continue
        pages[url] = parameters[url]
        if "html" not in response.get("Content-Type", ""):
            continue
        page = PageParser(url)
        page.feed(response.content.decode())
        for action, names in page.fields.items():
            parameters[action] |= names
        for href in page.links:
            parts = urlsplit(urljoin(url, href))
            if parts.netloc or "/admin/" in parts.path or parts.path.startswith(SKIPPED):
                continue
            parameters[parts.path] |= {name for name, _value in parse_qsl(parts.query)}
            # Query strings multiply pages without new templates: the bare path is enough.
            if parts.path not in seen:
                seen.add(parts.path)
                queue.append(parts.path)
    return pages
