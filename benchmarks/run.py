"""Load benchmark: every page type at 1 and 20 times the plan (and 100), against a bare view.

`make bench` runs this. It builds the `bench` PostgreSQL database with the plan, collects the
static files, then for each scale adds synthetic content up to that many times the plan, starts
gunicorn with the production settings (2 workers) on a free loopback port and measures every
page type in both languages, every API collection and the bare /healthz view with wrk: the page
cache off (one visitor, then eight at once) and on (in Redis where it runs, and in the
database). It prints one table per scale against the targets of issue 18 and writes them to
benchmarks/results.md. BENCH_SCALE=100 adds a third table at 100 times the plan; BENCH_ONLY=regex
measures only the pages whose name matches, for a quick look (results.md is then left alone).
"""

import datetime
import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import tables
from benchmarks.load import (
    BARE,
    BARE_DURATION,
    CACHED_DURATION,
    CONNECTIONS,
    DB_NAME,
    DURATION,
    PG,
    PYTHON,
    REDIS_URL,
    ROOT,
    SINGLE_DURATION,
    WORKERS,
    Server,
    bench_env,
    log,
    measure_cached,
    measure_uncached,
)
from benchmarks.weight import page_weight, weight_section

SCALES = [1, 20] + ([int(os.environ["BENCH_SCALE"])] if os.environ.get("BENCH_SCALE") else [])
ONLY = os.environ.get("BENCH_ONLY", "")


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


def redis_reachable() -> bool:
    """Return whether Redis answers at REDIS_URL."""
    try:
        import redis

        return bool(redis.Redis.from_url(REDIS_URL, socket_timeout=1).ping())
    except Exception:
        return False


def build_database() -> dict[str, float]:
    """Create the bench database with the plan, and collect the static files; return timings."""
    timings = {}
    psql(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
    psql(f'CREATE DATABASE "{DB_NAME}"')
    manage = [PYTHON, "manage.py"]
    for name, command in [
        ("migrate", [*manage, "migrate", "--noinput", "-v", "0"]),
        ("createcachetable", [*manage, "createcachetable"]),
        ("load_action_plan", [*manage, "load_action_plan", "-v", "0"]),
        ("collectstatic", [*manage, "collectstatic", "--noinput", "-v", "0"]),
    ]:
        log(name)
        started = time.monotonic()
        run(*command, env=bench_env(page_cache=False), capture=True)
        timings[f"`{name}`"] = time.monotonic() - started
    return timings


def grow(units: int) -> float:
    """Add `units` times the plan's volume of synthetic content; return the seconds it took."""
    log(f"adding {units} times the plan")
    started = time.monotonic()
    command = [PYTHON, "-m", "benchmarks.generate", "--scale", str(units)]
    run(*command, env=bench_env(page_cache=False), capture=True)
    psql("VACUUM ANALYZE", DB_NAME)
    return time.monotonic() - started


def page_addresses() -> dict[str, str]:
    """Return the addresses of every page type on the data now in the database."""
    import django
    from django.db import connections

    django.setup()
    from benchmarks.pages import api_urls, page_urls

    urls = {BARE: "/healthz", **page_urls(), **api_urls()}
    # Every scale finds its own latest objects; the next scale must not meet an open connection.
    connections.close_all()
    return {name: url for name, url in urls.items() if not ONLY or re.search(ONLY, name)}


def cache_passes(scale: int) -> list[tuple[str, bool]]:
    """Return the cached passes: Redis where it answers, and at 1x the database (the default)."""
    passes = [("cached, Redis", True)] if redis_reachable() else []
    # A hit reads the same entry at any scale; the database pass is measured once, for time.
    if scale == 1 or not passes:
        passes.append(("cached, database", False))
    return passes


def measure_scale(scale: int, urls: dict[str, str]) -> tuple[dict, dict | None]:
    """Measure every page uncached and cached; return the figures and the home page's weight."""
    figures, weight = {"memory": {}}, None
    server = Server(page_cache=False)
    try:
        figures["uncached"] = {
            name: measure_uncached(server, name, url) for name, url in urls.items()
        }
        figures["memory"]["uncached"] = server.worker_memory_mb()
        if "home (de)" in urls:
            weight = page_weight(server.base, urls["home (de)"])
    finally:
        server.stop()
    for label, redis in cache_passes(scale):
        server = Server(page_cache=True, redis=redis)
        try:
            figures[label] = {
                name: measure_cached(server, label, name, url) for name, url in urls.items()
            }
            figures["memory"][label] = server.worker_memory_mb()
        finally:
            server.stop()
    return figures, weight


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
    os.environ.update(bench_env(page_cache=False))
    timings = build_database()
    results, weight, counts, reached = {}, None, {}, 0
    for scale in SCALES:
        timings[f"adding content up to {scale}× the plan"] = grow(scale - reached)
        reached = scale
        urls = page_addresses()
        log(f"scale {scale}: {len(urls)} addresses")
        results[scale], scale_weight = measure_scale(scale, urls)
        weight = weight or scale_weight
        counts[scale] = data_counts()
    info = machine() | {
        "load average (1, 5, 15 min) before the run": load_before,
        "load average (1, 5, 15 min) after the run": load_average(),
    }
    raw = ROOT / "benchmarks" / "tmp" / "results.json"
    raw.parent.mkdir(exist_ok=True)
    # As JSON keeps them, so that --render reads what a run wrote.
    results, counts = ({str(k): v for k, v in d.items()} for d in (results, counts))
    figures = [results, weight, timings, info, counts]
    raw.write_text(json.dumps(figures, indent=1))
    if ONLY:
        print(report(*figures))
    else:
        write_report(*figures)
    log(f"done in {time.monotonic() - started:.0f} s")


def report(results, weight, timings, info, counts) -> str:
    """Return benchmarks/results.md."""
    when = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    out = [
        "# Load benchmark",
        "",
        f"Run by `make bench` on {when}, on the machine below: gunicorn with the production "
        f"settings and {WORKERS} sync workers on PostgreSQL, wrk from the same machine over "
        f"loopback. For every page: one visitor (1 connection, {SINGLE_DURATION}: the median "
        f"is the time of one request), then {CONNECTIONS} visitors at once ({DURATION}; a page "
        "slower than 250 ms with one connection per worker for up to 6 s, marked c=2), with the "
        f"page cache off; then with the page cache on ({CACHED_DURATION}), in Redis and (at 1×) in "
        "the database, each page requested three times first. Every figure is a ratio to the bare "
        f"view, /healthz through the whole stack, measured for {BARE_DURATION} right before and "
        "right after the page (their mean), because the machine's load changes from second to "
        "second (see the load averages below; wrk shares the two cores with gunicorn and "
        "PostgreSQL). Scale n: the plan plus n times its volume of synthetic content "
        "(`benchmarks/scaled_data.py`), as the query-count tests have it.",
        "",
        "Targets (issue 18): cached ≥ 80 % of the bare view at 1× and 20×; at 1× one uncached "
        "request ≤ 20 ms (median) and uncached throughput ≥ 10 % of the bare view; at 20× every "
        "page's time ≤ 1.5 × and HTML ≤ 1.2 × its 1× figure (whole documents — the council "
        "report, its CSV and XLSX, the events calendar — excepted and reported; lists that fill "
        "their first page are bounded by their page size). ✗ marks a miss.",
        "",
        "## Machine",
        "",
        *(f"- {key}: {value}" for key, value in info.items()),
        *(f"- {name}: {seconds:.1f} s" for name, seconds in timings.items()),
        "",
    ]
    base = results.get("1", {}).get("uncached")
    for scale, figures in results.items():
        lines, missed = tables.scale_table(int(scale), figures, None if scale == "1" else base)
        out += [
            f"## {scale}× the plan",
            "",
            "Data: " + ", ".join(f"{count} {name}" for name, count in counts[scale].items()) + ".",
            "",
            *lines,
            "",
            *tables.memory_lines(figures),
            *tables.summary_lines(int(scale), figures),
            "",
            "Missed:",
            "",
            *([f"- {line}" for line in missed] or ["- none"]),
            "",
        ]
    if weight:
        weight_lines, _home_kb = weight_section(weight)
        out += ["## Home page weight", "", *weight_lines, ""]
    return "\n".join(out)


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
        # Anything else, --help included, explains itself rather than start a long run.
        sys.exit(f"{__doc__}\nUsage: {sys.argv[0]} [--render]")
    else:
        main()
