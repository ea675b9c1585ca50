"""Every API endpoint and download answers in a fixed number of queries, however much data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db

# Each address with its pinned query count: for a list, the count of rows, the rows, then one
# query per prefetched relation; a filter may add one for its choices. A download reads its rows
# in chunks of opendata.downloads.CHUNK_SIZE, each with the prefetch queries again.
ENDPOINTS = {
    "/api/v1/goals/": 5,
    "/api/v1/goals/1/": 4,
    "/api/v1/areas-of-action/": 4,
    "/api/v1/areas-of-action/1/": 3,
    "/api/v1/measures/": 9,
    "/api/v1/measures/?theme=europe&sort=title": 10,
    "/api/v1/measures/1-1/": 8,
    "/api/v1/progress-reports/": 2,
    "/api/v1/progress-reports/?measure=1-1&status=in_progress&since=2020-01-01": 3,
    "/api/v1/partner-cities/": 5,
    "/api/v1/partner-cities/?kind=twin_city&sort=-since": 5,
    "/api/v1/partner-cities/hiroshima/": 4,
    "/api/v1/partnerships/": 4,
    "/api/v1/partnerships/?kind=twin_city&active=true": 4,
    "/api/v1/partnerships/1/": 3,
    "/api/v1/networks/": 4,
    "/api/v1/networks/?scope=european&status=member": 4,
    "/api/v1/networks/eurocities/": 3,
    "/api/v1/eu-projects/": 6,
    "/api/v1/eu-projects/?q=open&sort=-start": 6,
    "/api/v1/eu-projects/open-project/": 4,
    # The count, the rows, and one query for each of the seven kinds of link.
    "/api/v1/activities/": 9,
    "/api/v1/activities/?city=hiroshima&kind=delegation_incoming&event=false": 9,
    "/data/activities.csv": 8,
    # The city, then its activities.
    "/en/partner-cities/hiroshima/activities/feed/": 2,
    "/de/partnerstaedte/hiroshima/aktivitaeten/feed/": 2,
    "/data/goals.csv": 4,
    "/data/areas-of-action.csv": 3,
    "/data/measures.csv": 8,
    "/data/progress-reports.csv": 1,
    "/data/partner-cities.csv": 4,
    "/data/partnerships.csv": 3,
    "/data/networks.csv": 3,
    "/data/eu-projects.csv": 4,
    "/data/partner-cities.geojson": 4,
    # One query per dataset, for the time of its last change.
    "/data/catalog.ttl": 9,
    "/data/catalog.jsonld": 9,
    "/en/open-data/": 0,
    "/de/offene-daten/": 0,
    "/en/progress-reports/feed/": 1,
    # The sitemap index: one query per kind of object page (site pages, goals, areas, measures,
    # progress pages, reporting periods, cities, networks, projects, activities) for its count
    # and date.
    "/sitemap.xml": 10,
    # A section: its count and date, then its rows; the list pages need none.
    "/sitemap-pages.xml": 0,
    "/sitemap-measures.xml": 2,
    "/sitemap-progress.xml": 2,
    "/sitemap-cities.xml": 2,
    "/robots.txt": 0,
}


def query_counts(client) -> dict[str, int]:
    result = {}
    for url in ENDPOINTS:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
            # A download is streamed: its rows are read while it is sent.
            if response.streaming:
                b"".join(response.streaming_content)
        assert response.status_code == 200, (url, response.content[:300])
        result[url] = len(queries)
    return result


@pytest.mark.slow
def test_query_counts_are_pinned_and_do_not_grow_with_the_data(client, content, more_content):
    # One test for every address, so that the data is made once, not once an address; the
    # comparison of the dictionaries names every address whose count changed.
    more_content(3)
    assert query_counts(client) == ENDPOINTS
    assert max(ENDPOINTS.values()) <= 12
    more_content(4)
    assert query_counts(client) == ENDPOINTS
    for url in ENDPOINTS:
        if url.startswith("/api/"):
            data = client.get(url).json()
            if "count" in data:
                assert data["count"] > 0, f"{url}: a filter that finds nothing would prove little"
