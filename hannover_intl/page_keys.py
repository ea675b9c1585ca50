"""The key of a cached page: its address with the query parameters its view reads, in order.

How a page declares the parameters it reads: it does not, the page cache watches. The request's
query is swapped for one that notes every parameter the view, its filterset, DRF or a template
asks for, and a page whose query holds a parameter nobody asked for is answered but not stored.
A list per page kept by hand falls behind when a filter is added, and one derived from the
filtersets misses what views and templates read themselves (`q`, `as_of`, the sitemap's `p`,
DRF's `format`, `page_size` and `lang`). Watching errs on the safe side: a parameter that went
unread keeps a page out of the cache; it never makes the cache serve a page rendered for other
parameters. Made-up parameters, the cheapest way to fill a cache, therefore take no room.
"""

import hashlib
from urllib.parse import urlencode

from django.http import QueryDict
from django.utils import translation

# The stored form of a page changed with issue 18 (it holds the headers of the whole middleware
# stack, the security headers included): a new prefix leaves pages an older release stored unread.
PREFIX = "page-cache:2:"


class ReadRecordingQueryDict(QueryDict):
    """A request's query that notes the name of every parameter asked for."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.read = set()

    def __getitem__(self, key):
        self.read.add(key)
        return super().__getitem__(key)

    def __contains__(self, key):
        self.read.add(key)
        return super().__contains__(key)

    def get(self, key, default=None):
        self.read.add(key)
        return super().get(key, default)

    def getlist(self, key, default=None):
        self.read.add(key)
        return super().getlist(key, default)

    def unread(self) -> set[str]:
        """Return the names of the parameters no one asked for."""
        # Iterating, copying or encoding the whole query (to keep it in a link) reads no name.
        return set(self.keys()) - self.read


def recording(query: QueryDict) -> ReadRecordingQueryDict:
    """Return an immutable copy of `query` that notes what is read from it."""
    copy = ReadRecordingQueryDict(mutable=True, encoding=query.encoding)
    for key, values in query.lists():
        copy.setlist(key, values)
    copy._mutable = False
    return copy


def canonical_query(query: QueryDict) -> str:
    """Return the query with its parameters sorted by name, each name's values as given."""
    # The values of a name keep their order: get() returns the last one.
    return urlencode([(key, value) for key, values in sorted(query.lists()) for value in values])


def page_key(request, *, negotiated: bool) -> str:
    """Return the cache key of the page at the request's address, in its language.

    `negotiated` adds the language LocaleMiddleware will choose from the cookie and
    Accept-Language, for addresses outside the language prefixes.
    """
    url = f"{request.scheme}://{request.get_host()}{request.path}?{canonical_query(request.GET)}"
    if negotiated:
        url += "|" + translation.get_language_from_request(request)
    return f"{PREFIX}{hashlib.sha256(url.encode()).hexdigest()}"
