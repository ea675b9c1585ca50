"""Load benchmark: the site at a hundred times the plan, under gunicorn, against a bare view.

`make bench` runs this. It builds the `bench` PostgreSQL database with the plan and synthetic
content at BENCH_SCALE (100) times its size, collects the static files, starts gunicorn with the
production settings (2 workers) on a free loopback port, and measures every page type in both
languages, every API collection and the bare /healthz view with wrk, once with the page cache
off and once on. It prints a table and writes it to benchmarks/results.md.
"""

import datetime
import gzip
import json
import math
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlparse

import brotli

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DB_NAME = os.environ.get("BENCH_DB", "bench")
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
SCALE = int(os.environ.get("BENCH_SCALE", "100"))
DURATION = os.environ.get("BENCH_DURATION", "2s")
# The bare view is measured right before each page, so that each ratio compares like with like
# on a machine whose load changes from minute to minute.
BARE_DURATION = os.environ.get("BENCH_BARE_DURATION", "1s")
# Cached pages answer in milliseconds: a second gives thousands of samples.
CACHED_DURATION = os.environ.get("BENCH_CACHED_DURATION", "1s")
# Pages slower than this (seconds per request) are loaded with one connection per worker.
SLOW = 0.25
CONNECTIONS = os.environ.get("BENCH_CONNECTIONS", "8")
WORKERS = "2"
BARE = "bare view (/healthz)"
TARGETS = {"p95_ms": 50.0, "uncached_ratio": 0.25, "cached_ratio": 0.80, "home_kb": 200.0}

sys.path.insert(0, str(ROOT))


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S', time.gmtime())}] {message}", flush=True)


def run(*args: str, env=None, capture=False) -> str:
    """Run a command in the project folder, failing loudly; return its output if captured."""
    result = subprocess.run(args, cwd=ROOT, env=env, check=True, text=True, capture_output=capture)
    return result.stdout if capture else ""


def ensure_wrk() -> str:
    """Return the path of wrk, installing Debian's package if it is missing."""
    if not shutil.which("wrk"):
        log("installing wrk from Debian")
        if subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], check=False).returncode:
            run("apt-get", "update", "-q")
            run("apt-get", "install", "-y", "-q", "wrk")
    return shutil.which("wrk")


def ensure_postgres() -> None:
    """Start the local PostgreSQL cluster if it is not running, as CI does."""
    if subprocess.run(["pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q"]).returncode == 0:
        return
    version = sorted(os.listdir("/etc/postgresql"))[-1]
    run("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start")
    for _ in range(30):
        if subprocess.run(["pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q"]).returncode == 0:
            return
        time.sleep(1)


def psql(sql: str, database: str = "postgres") -> str:
    return run("psql", f"{PG}/{database}", "-At", "-c", sql, capture=True).strip()


def bench_env(*, page_cache: bool, redis: bool = False) -> dict[str, str]:
    """Return the environment of the production settings on the bench database."""
    env = dict(os.environ)
    env.pop("REDIS_URL", None)
    if redis:
        # A prefix of its own, so that the run never meets anyone else's keys in Redis.
        env.update(REDIS_URL=REDIS_URL, CACHE_KEY_PREFIX=f"bench-{secrets.token_hex(4)}")
    env.update(
        DJANGO_SETTINGS_MODULE="hannover_intl.settings.production",
        DATABASE_URL=f"{PG}/{DB_NAME}",
        SECRET_KEY=SECRET_KEY,
        DEBUG="false",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        # Plain HTTP on loopback: no load balancer in front to terminate TLS.
        SECURE_SSL_REDIRECT="false",
        # wrk asks from one address far more often than the API's limit for a visitor allows.
        API_THROTTLE_ANON="",
        PAGE_CACHE_SECONDS="600" if page_cache else "0",
    )
    return env


SECRET_KEY = secrets.token_urlsafe(64)
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")


def redis_reachable() -> bool:
    """Return whether Redis answers at REDIS_URL."""
    try:
        import redis

        return bool(redis.Redis.from_url(REDIS_URL, socket_timeout=1).ping())
    except Exception:
        return False


def build_database() -> dict[str, float]:
    """Create the bench database with the plan at SCALE times its size; return timings."""
    timings = {}
    psql(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
    psql(f'CREATE DATABASE "{DB_NAME}"')
    env = bench_env(page_cache=False)
    manage = [PYTHON, "manage.py"]
    for name, command in [
        ("migrate", [*manage, "migrate", "--noinput", "-v", "0"]),
        ("createcachetable", [*manage, "createcachetable"]),
        ("load_action_plan", [*manage, "load_action_plan"]),
        (
            f"scaled_data --scale {SCALE}",
            [PYTHON, "-m", "benchmarks.generate", "--scale", str(SCALE)],
        ),
        ("collectstatic", [*manage, "collectstatic", "--noinput", "-v", "0"]),
    ]:
        log(name)
        started = time.monotonic()
        output = run(*command, env=env, capture=True)
        timings[name] = time.monotonic() - started
        if name.startswith("scaled_data"):
            print(output, end="")
    psql("VACUUM ANALYZE", DB_NAME)
    return timings


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """gunicorn with the production settings and two workers, on a loopback port."""

    def __init__(self, *, page_cache: bool, redis: bool = False):
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.process = subprocess.Popen(
            [
                str(Path(PYTHON).with_name("gunicorn")),
                "hannover_intl.wsgi:application",
                "--workers",
                WORKERS,
                "--bind",
                f"127.0.0.1:{self.port}",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=bench_env(page_cache=page_cache, redis=redis),
            start_new_session=True,
        )
        for _ in range(100):
            try:
                if fetch(f"{self.base}/healthz")[1] == b"ok":
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("gunicorn did not start")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)


def fetch(url: str, headers: dict | None = None) -> tuple[dict, bytes]:
    """Return the headers and the body, as sent, of a GET of `url`."""
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=60) as response:
        return {k.lower(): v for k, v in response.headers.items()}, response.read()


def wrk(url: str, duration: str = DURATION, connections: str = CONNECTIONS) -> dict:
    """Return wrk's figures for `url`: requests per second, p50/p95/p99 in ms, errors."""
    output = run(
        "wrk",
        "-t1",
        f"-c{connections}",
        f"-d{duration}",
        "--timeout",
        "30s",
        "-s",
        str(ROOT / "benchmarks" / "report.lua"),
        url,
        capture=True,
    )
    return json.loads(output.strip().splitlines()[-1]) | {"connections": int(connections)}


def load_plan(seconds_per_request: float, duration: str) -> tuple[str, str]:
    """Return the duration and connections for a page taking `seconds_per_request` to answer.

    A slow page gets one connection per worker, so that its latency is its own and not the
    queue's, and time for about three answers per worker, six seconds at most; its throughput
    is the same, as two busy workers are all the server has.
    """
    if seconds_per_request < SLOW:
        return duration, CONNECTIONS
    needed = math.ceil(3 * seconds_per_request)
    return f"{min(max(needed, int(duration.rstrip('s'))), 6)}s", WORKERS


def settle(server: Server) -> None:
    """Wait until the workers have answered every request wrk left behind in the queue.

    wrk stops after its time with requests still queued; a slow page's leftovers would
    otherwise be counted against whatever is measured next.
    """
    for _ in range(3):
        fetch(f"{server.base}/healthz")


def measure(server: Server, urls: dict[str, str], label: str, *, cached: bool) -> dict[str, dict]:
    """Warm every URL up, then load it with wrk, each right after the bare view."""
    bare_url = server.base + urls[BARE]
    duration = CACHED_DURATION if cached else DURATION
    results = {BARE: wrk(bare_url, duration)}
    for name, path in urls.items():
        if name == BARE:
            continue
        if cached:
            # The first request fills the cache; the second shows how fast a hit is.
            fetch(server.base + path)
        started = time.monotonic()
        fetch(server.base + path)
        seconds = time.monotonic() - started
        if seconds < SLOW and not cached:
            # Both workers should have seen the page before it is measured.
            fetch(server.base + path)
        settle(server)
        bare = wrk(bare_url, BARE_DURATION)
        settle(server)
        figures = results[name] = wrk(server.base + path, *load_plan(seconds, duration)) | {
            "bare_rps": bare["rps"]
        }
        settle(server)
        log(
            f"{label:16} {name:28} {figures['rps']:8.1f} req/s  p95 {figures['p95_ms']:7.1f} ms"
            f"  ({figures['rps'] / bare['rps']:4.0%} of bare)"
            + (f"  {figures['non_2xx']} non-2xx!" if figures["non_2xx"] else "")
        )
    results[BARE]["bare_rps"] = results[BARE]["rps"]
    return results


class Assets(HTMLParser):
    """Collect the stylesheets, scripts and images a page loads."""

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and "stylesheet" in (attrs.get("rel") or "") and attrs.get("href"):
            self.urls.append(attrs["href"])
        elif tag in ("script", "img") and attrs.get("src"):
            self.urls.append(attrs["src"])


CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")


def decompressed(body: bytes, encoding: str | None) -> bytes:
    """Return `body` as sent before WhiteNoise compressed it with gzip or brotli."""
    if encoding == "gzip":
        return gzip.decompress(body)
    if encoding == "br":
        return brotli.decompress(body)
    return body


def page_weight(base: str, path: str) -> dict:
    """Return what the page at `path` and everything it loads weigh, sent compressed."""
    accept = {"Accept-Encoding": "gzip, br"}
    headers, html = fetch(base + path, accept)
    sent_html = len(html)
    html_text = decompressed(html, headers.get("content-encoding"))
    parser = Assets()
    parser.feed(html_text.decode())
    todo = [urljoin(base + path, url) for url in parser.urls]
    seen, assets = set(), []
    while todo:
        url = todo.pop(0)
        if urlparse(url).netloc != urlparse(base).netloc or url in seen:
            continue
        seen.add(url)
        asset_headers, body = fetch(url, accept)
        assets.append(
            {
                "url": url[len(base) :],
                "bytes": len(body),
                "encoding": asset_headers.get("content-encoding", "identity"),
                "cache_control": asset_headers.get("cache-control", ""),
            }
        )
        if url.split("?")[0].endswith(".css"):
            plain = decompressed(body, asset_headers.get("content-encoding"))
            for ref in CSS_URL.findall(plain.decode(errors="replace")):
                if not ref.startswith("data:") and not ref.endswith((".eot", ".ttf", ".svg")):
                    todo.append(urljoin(url, ref))
    return {
        "html_sent": sent_html,
        "html_gzip": len(gzip.compress(html_text, compresslevel=6)),
        "html_encoding": headers.get("content-encoding", "identity"),
        "assets": assets,
        "browser": browser_weight_or_none(base + path),
        "path": path,
    }


def browser_weight(url: str) -> list[dict] | None:
    """Return every file headless Chromium fetches to show `url`, with the bytes it received.

    A browser loads only the fonts and images a page uses, which parsing cannot tell.
    Returns None where Chromium or Playwright is missing.
    """
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not chromium:
        return None
    requests = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = browser.new_page()
        page.on("requestfinished", lambda request: requests.append(request))
        page.goto(url, wait_until="networkidle")
        files = []
        for request in requests:
            sizes = request.sizes()
            response = request.response()
            headers = response.headers if response else {}
            files.append(
                {
                    "url": urlparse(request.url).path,
                    "bytes": sizes["responseBodySize"] + sizes["responseHeadersSize"],
                    "encoding": headers.get("content-encoding", "identity"),
                    "cache_control": headers.get("cache-control", ""),
                }
            )
        browser.close()
    return files


def browser_weight_or_none(url: str) -> list[dict] | None:
    """Return browser_weight(url), or None with a note where the browser fails."""
    try:
        return browser_weight(url)
    except Exception as error:
        log(f"headless Chromium failed, counting every file instead: {error}")
        return None


def machine() -> dict[str, str]:
    """Return what the figures depend on: processor, cores, memory and versions."""
    cpu = "unknown"
    with open("/proc/cpuinfo") as info:
        for line in info:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as info:
        memory_kb = int(info.readline().split()[1])
    import django

    return {
        "processor": cpu,
        "cores": str(os.cpu_count()),
        "memory": f"{memory_kb / 1024 / 1024:.1f} GiB",
        "system": platform.platform(),
        "Python": platform.python_version(),
        "Django": django.get_version(),
        "PostgreSQL": psql("SHOW server_version", DB_NAME),
        "gunicorn": run(str(Path(PYTHON).with_name("gunicorn")), "--version", capture=True).strip(),
        "wrk": subprocess.run(["wrk", "-v"], capture_output=True, text=True)
        .stdout.split("[")[0]
        .strip(),
        "Redis": redis_version(),
    }


def redis_version() -> str:
    try:
        import redis

        return redis.Redis.from_url(REDIS_URL, socket_timeout=1).info()["redis_version"]
    except Exception:
        return "not running: no Redis pass"


def data_counts() -> dict[str, str]:
    """Return how many rows the main tables of the bench database hold."""
    tables = {
        "Areas of Action": "measures_areaofaction",
        "measures": "measures_measure",
        "sub-items": "measures_subitem",
        "progress reports": "progress_progressreport",
        "milestones": "progress_milestone",
        "partner cities": "partners_partnercity",
        "networks": "networks_network",
        "EU projects": "networks_euproject",
    }
    return {name: psql(f"SELECT count(*) FROM {table}", DB_NAME) for name, table in tables.items()}


def ms(value: float) -> str:
    # wrk reports 0 where no request was answered within the run.
    return f"{value:.1f}" if value else "—"


def table(urls, results) -> tuple[list[str], list[str]]:
    """Return the results table as Markdown lines, and the targets that were missed."""
    passes = list(results)
    uncached = results["uncached"]
    head = "| page | URL | c | uncached req/s | p50 ms | p95 ms | p99 ms | bare req/s | % of bare "
    rule = "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
    for label in passes[1:]:
        head += f"| {label} req/s | p95 ms | bare req/s | % of bare "
        rule += "| ---: | ---: | ---: | ---: "
    lines, missed = [head + "|", rule + "|"], []
    for name, path in urls.items():
        u = uncached[name]
        ratio = u["rps"] / u["bare_rps"]
        flags = ["no answer within the run"] if not u["requests"] else []
        if name != BARE and u["p95_ms"] >= TARGETS["p95_ms"]:
            flags.append("uncached p95")
        if name != BARE and ratio < TARGETS["uncached_ratio"]:
            flags.append("uncached throughput")
        cells = [
            str(u["connections"]),
            f"{u['rps']:.0f}",
            ms(u["p50_ms"]),
            ms(u["p95_ms"]) + (" ✗" if "uncached p95" in flags else ""),
            ms(u["p99_ms"]),
            f"{u['bare_rps']:.0f}",
            f"{ratio:.0%}" + (" ✗" if "uncached throughput" in flags else ""),
        ]
        for label in passes[1:]:
            c = results[label][name]
            ratio = c["rps"] / c["bare_rps"]
            miss = name != BARE and ratio < TARGETS["cached_ratio"]
            if miss:
                flags.append(f"{label} throughput")
            cells += [
                f"{c['rps']:.0f}",
                ms(c["p95_ms"]),
                f"{c['bare_rps']:.0f}",
                f"{ratio:.0%}" + (" ✗" if miss else ""),
            ]
        if flags:
            missed.append(f"{name}: {', '.join(flags)}")
        lines.append(f"| {name} | `{path}` | " + " | ".join(cells) + " |")
    return lines, missed


def summary(urls, results) -> list[str]:
    """Return how many pages meet each throughput and latency target."""
    names = [name for name in urls if name != BARE]
    uncached = results["uncached"]
    fast = sum(0 < uncached[n]["p95_ms"] < TARGETS["p95_ms"] for n in names)
    busy = sum(
        uncached[n]["rps"] >= TARGETS["uncached_ratio"] * uncached[n]["bare_rps"] for n in names
    )
    lines = [
        f"- uncached p95 under {TARGETS['p95_ms']:.0f} ms: {fast} of {len(names)}",
        f"- uncached throughput at least {TARGETS['uncached_ratio']:.0%} of the bare view: "
        f"{busy} of {len(names)}",
    ]
    for label in list(results)[1:]:
        met = sum(
            results[label][n]["rps"] >= TARGETS["cached_ratio"] * results[label][n]["bare_rps"]
            for n in names
        )
        lines.append(
            f"- {label}: throughput at least {TARGETS['cached_ratio']:.0%} of the bare view: "
            f"{met} of {len(names)}"
        )
    return lines


def report(urls, results, weight, timings, info, counts) -> str:
    """Return benchmarks/results.md."""
    lines, missed = table(urls, results)
    assets_total = sum(asset["bytes"] for asset in weight["assets"])
    parsed_total = weight["html_gzip"] + assets_total
    browser = weight["browser"]
    if browser:
        received = sum(item["bytes"] for item in browser)
        html = sum(item["bytes"] for item in browser if item["url"] == weight["path"])
        # The HTML as a compressing proxy would send it, instead of Django's uncompressed HTML.
        home_kb = (received - html + weight["html_gzip"]) / 1024
        files = browser
        weight_text = (
            f"Headless Chromium showing the German home page received **{received / 1024:.0f} "
            f"KB** from this server (HTML uncompressed, {weight['html_sent'] / 1024:.0f} KB: "
            "gunicorn does not compress HTML), **"
            f"{home_kb:.0f} KB** with the HTML gzip-compressed "
            f"({weight['html_gzip'] / 1024:.0f} KB) by the proxy in front, as in production. "
            f"Every file the page could load, all ten font faces of the KERN font CSS "
            f"included: {parsed_total / 1024:.0f} KB."
        )
    else:
        home_kb, files = parsed_total / 1024, weight["assets"]
        weight_text = (
            f"The German home page and every stylesheet, script, image and font it can load, "
            f"asked for with `Accept-Encoding: gzip, br`, the HTML gzip-compressed as by the proxy "
            f"in front: **{home_kb:.0f} KB** (no Chromium here to tell which fonts it uses)."
        )
    when = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    out = [
        "# Load benchmark",
        "",
        f"Run by `make bench` on {when}. Scale {SCALE}: the plan plus {SCALE} times its volume "
        "of synthetic content; gunicorn with the production settings and "
        f"{WORKERS} sync workers; wrk with 1 thread and {CONNECTIONS} connections for "
        f"{DURATION} per URL uncached and {CACHED_DURATION} cached, from the same machine over "
        "loopback; a page slower than 250 ms is loaded with one connection per worker for up to "
        "6 s, so that its latency is its own rather than the queue's (column c). "
        "Uncached: PAGE_CACHE_SECONDS=0; "
        "cached: the page cache on, in the database (the default) and in Redis, every URL "
        "requested twice before it is measured. The bare view answers “ok” through the whole "
        f"middleware stack, the ceiling of this stack on this machine; it is measured for "
        f"{BARE_DURATION} right before each page, and each ratio uses that measurement, because "
        "the machine's load changes from minute to minute: it is shared with other work (see "
        "the load averages below), and wrk shares its cores with gunicorn and PostgreSQL.",
        "",
        "## Machine",
        "",
        *(f"- {key}: {value}" for key, value in info.items()),
        "",
        "## Data",
        "",
        *(f"- {key}: {value}" for key, value in counts.items()),
        *(f"- `{name}`: {seconds:.1f} s" for name, seconds in timings.items()),
        "",
        "## Throughput and latency",
        "",
        f"Targets: uncached p95 under {TARGETS['p95_ms']:.0f} ms; throughput at least "
        f"{TARGETS['uncached_ratio']:.0%} of the bare view uncached and "
        f"{TARGETS['cached_ratio']:.0%} cached. ✗ marks a missed target.",
        "",
        *lines,
        "",
        "## Home page weight",
        "",
        weight_text + f" Target: under {TARGETS['home_kb']:.0f} KB.",
        "",
        "| file | bytes received | encoding | Cache-Control |",
        "| --- | ---: | --- | --- |",
        *(
            f"| `{a['url']}` | {a['bytes']} | {a['encoding']} | {a['cache_control']} |"
            for a in files
        ),
        "",
        "## Targets",
        "",
        *summary(urls, results),
        "",
        "Missed, page by page:",
        "",
        *([f"- {line}" for line in missed] or ["- none"]),
        f"- home page weight: {home_kb:.0f} KB"
        if home_kb >= TARGETS["home_kb"]
        else f"- home page weight met: {home_kb:.0f} KB",
        "",
    ]
    return "\n".join(out)


def load_average() -> str:
    with open("/proc/loadavg") as loadavg:
        return " / ".join(loadavg.read().split()[:3])


def stop_on_term(signum, frame) -> None:
    """Turn SIGTERM into an exception, so that gunicorn is stopped on the way out."""
    raise SystemExit(f"stopped by signal {signum}")


def main() -> None:
    signal.signal(signal.SIGTERM, stop_on_term)
    started = time.monotonic()
    load_before = load_average()
    ensure_wrk()
    ensure_postgres()
    timings = build_database()
    os.environ.update(bench_env(page_cache=False))
    import django

    django.setup()
    from benchmarks.pages import api_urls, page_urls

    urls = {**page_urls(), **api_urls(), BARE: "/healthz"}
    passes = [("uncached", False, False), ("cached, database", True, False)]
    if redis_reachable():
        passes.append(("cached, Redis", True, True))
    log(f"{len(urls)} URLs, {DURATION} each, passes: {', '.join(p[0] for p in passes)}")
    results = {}
    for label, page_cache, redis in passes:
        server = Server(page_cache=page_cache, redis=redis)
        try:
            results[label] = measure(server, urls, label, cached=page_cache)
            if not page_cache:
                weight = page_weight(server.base, urls["home (de)"])
        finally:
            server.stop()
    info = machine() | {
        "load average (1, 5, 15 min) before the run": load_before,
        "load average (1, 5, 15 min) after the run": load_average(),
    }
    raw = ROOT / "benchmarks" / "tmp" / "results.json"
    raw.parent.mkdir(exist_ok=True)
    counts = data_counts()
    raw.write_text(json.dumps([urls, results, weight, timings, info, counts], indent=1))
    write_report(urls, results, weight, timings, info, counts)
    log(f"done in {time.monotonic() - started:.0f} s; written to benchmarks/results.md")


def write_report(*figures) -> None:
    """Write benchmarks/results.md from the figures and print it."""
    text = report(*figures)
    (ROOT / "benchmarks" / "results.md").write_text(text)
    print(text)


if __name__ == "__main__":
    if sys.argv[1:] == ["--render"]:
        # Rewrite the report from the last run's figures, e.g. after changing its layout.
        write_report(*json.loads((ROOT / "benchmarks" / "tmp" / "results.json").read_text()))
    elif sys.argv[1:]:
        # Anything else, --help included, explains itself rather than start a ten-minute run.
        sys.exit(f"{__doc__}\nUsage: {sys.argv[0]} [--render]")
    else:
        main()
