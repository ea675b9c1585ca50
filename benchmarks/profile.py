"""Time one uncached request of every page type in-process, and profile the slow ones.

    python -m benchmarks.profile [--repeat N] [--only REGEX] [--profile REGEX]

Runs the WSGI application with the settings of the environment (make bench's production
settings on its database, say), the page cache off, and prints each page's median time of
one request. `--profile` prints pyinstrument's call tree of the pages whose name matches.
"""

import argparse
import io
import os
import re
import statistics
import sys
import time

os.environ["PAGE_CACHE_SECONDS"] = "0"
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hannover_intl.settings")

import django

django.setup()

from django.core.handlers.wsgi import WSGIHandler  # noqa: E402

from benchmarks.pages import api_urls, page_urls  # noqa: E402

BARE = "bare view (/healthz)"


def environ(url: str) -> dict:
    """Return the WSGI environment of an anonymous GET of `url` on 127.0.0.1."""
    path, _, query = url.partition("?")
    return {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "80",
        "HTTP_HOST": "127.0.0.1",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
    }


def request(application, url: str) -> int:
    """Answer a GET of `url` and read the whole body; return its size."""
    status = []
    body = application(environ(url), lambda s, headers, exc_info=None: status.append(s))
    try:
        size = sum(len(chunk) for chunk in body)
    finally:
        body.close()
    if not status[0].startswith("200"):
        raise RuntimeError(f"{url}: {status[0]}")
    return size


def median_ms(application, url: str, repeat: int) -> tuple[float, int]:
    """Return the median time of one request of `url` in milliseconds, and its size."""
    size = request(application, url)
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        request(application, url)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), size


def print_queries(application, url: str) -> None:
    """Print the time and the start of each query one request of `url` makes."""
    from django.db import connection

    timed = []

    def timer(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            timed.append(((time.perf_counter() - started) * 1000, sql))

    with connection.execute_wrapper(timer):
        request(application, url)
    for milliseconds, sql in timed:
        print(f"    {milliseconds:6.2f} ms  {sql[:150]}")
    print(f"    {sum(ms for ms, _sql in timed):6.2f} ms in {len(timed)} queries")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--only", default="", help="pages whose name matches this")
    parser.add_argument("--profile", default="", help="profile pages whose name matches this")
    parser.add_argument("--all", action="store_true", help="show the frames of libraries too")
    parser.add_argument("--flat", action="store_true", help="list functions by their own time")
    parser.add_argument("--sql", action="store_true", help="list each query of one request")
    args = parser.parse_args()
    application = WSGIHandler()
    urls = {BARE: "/healthz", **page_urls(), **api_urls()}
    for name, url in urls.items():
        if args.only and not re.search(args.only, name) and name != BARE:
            continue
        median, size = median_ms(application, url, args.repeat)
        print(f"{median:8.1f} ms  {size / 1024:7.1f} KB  {name:34} {url}", flush=True)
        if args.sql:
            print_queries(application, url)
        if args.profile and re.search(args.profile, name):
            from pyinstrument import Profiler

            profiler = Profiler(interval=0.0002)
            with profiler:
                for _ in range(args.repeat):
                    request(application, url)
            print(
                profiler.output_text(unicode=True, color=False, show_all=args.all, flat=args.flat)
            )


if __name__ == "__main__":
    main()
