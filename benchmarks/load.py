"""gunicorn with the production settings on the bench database, loaded by wrk.

Every figure of a page is taken between two of the bare view's, so that each ratio compares
like with like on a machine whose load changes from second to second.
"""

import json
import math
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DB_NAME = os.environ.get("BENCH_DB", "bench")
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")
# Under load: eight visitors at once, for this long per page.
DURATION = os.environ.get("BENCH_DURATION", "1s")
CONNECTIONS = os.environ.get("BENCH_CONNECTIONS", "8")
# One visitor: the time of one request, without waiting behind others.
SINGLE_DURATION = os.environ.get("BENCH_SINGLE_DURATION", "1s")
# The bare view and cached pages answer in a millisecond: a second gives thousands of samples
# (wrk takes whole seconds).
BARE_DURATION = os.environ.get("BENCH_BARE_DURATION", "1s")
CACHED_DURATION = os.environ.get("BENCH_CACHED_DURATION", "1s")
# Pages slower than this (seconds per request) are loaded with one connection per worker.
SLOW = 0.25
WORKERS = "2"
BARE = "bare view (/healthz)"
SECRET_KEY = secrets.token_urlsafe(64)


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S', time.gmtime())}] {message}", flush=True)


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


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, headers: dict | None = None) -> tuple[dict, bytes]:
    """Return the headers and the body, as sent, of a GET of `url`."""
    request = urllib.request.Request(url, headers=headers or {})
    with urllib.request.urlopen(request, timeout=60) as response:
        return {k.lower(): v for k, v in response.headers.items()}, response.read()


class Server:
    """gunicorn with the production settings and two sync workers, on a loopback port."""

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

    def worker_memory_mb(self) -> list[float]:
        """Return the resident memory of each worker process in MiB."""
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        sizes = []
        for pid in children.read_text().split():
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    sizes.append(int(line.split()[1]) / 1024)
        return sizes

    def settle(self) -> None:
        """Wait until the workers have answered every request wrk left behind in the queue."""
        for _ in range(3):
            fetch(f"{self.base}/healthz")

    def stop(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)


def wrk(url: str, duration: str, connections: str = CONNECTIONS) -> dict:
    """Return wrk's figures for `url`: requests per second, p50/p95/p99 in ms, errors."""
    script = str(ROOT / "benchmarks" / "report.lua")
    output = subprocess.run(
        ["wrk", "-t1", f"-c{connections}", f"-d{duration}", "--timeout", "30s", "-s", script, url],
        check=True,
        text=True,
        capture_output=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1]) | {"connections": int(connections)}


def load_plan(seconds_per_request: float) -> tuple[str, str]:
    """Return the duration and connections for a page taking `seconds_per_request` to answer.

    A slow page gets one connection per worker, so that its latency is its own and not the
    queue's, and time for about three answers per worker, six seconds at most; its throughput
    is the same, as two busy workers are all the server has.
    """
    if seconds_per_request < SLOW:
        return DURATION, CONNECTIONS
    needed = math.ceil(3 * seconds_per_request)
    return f"{min(max(needed, 1), 6)}s", WORKERS


def bare_around(server: Server, measure) -> tuple[dict, float]:
    """Return `measure()`'s figures and the bare view's throughput, the mean of before and after.

    wrk, gunicorn, PostgreSQL and Redis share two cores, and what else runs on the machine
    changes from second to second: a page is compared with the bare view on either side of it.
    """
    server.settle()
    before = wrk(server.base + "/healthz", BARE_DURATION)
    server.settle()
    figures = measure()
    server.settle()
    after = wrk(server.base + "/healthz", BARE_DURATION)
    server.settle()
    return figures, (before["rps"] + after["rps"]) / 2


def measure_uncached(server: Server, name: str, path: str) -> dict:
    """Return a page's size, its time for one visitor and its throughput under load."""
    url = server.base + path
    started = time.monotonic()
    _headers, body = fetch(url)
    seconds = time.monotonic() - started
    # Both workers should have seen the page before it is measured.
    fetch(url)
    server.settle()
    single = wrk(url, SINGLE_DURATION if seconds < SLOW else load_plan(seconds)[0], "1")
    loaded, bare_rps = bare_around(server, lambda: wrk(url, *load_plan(seconds)))
    figures = {
        "bytes": len(body),
        "median_ms": single["p50_ms"],
        "rps": loaded["rps"],
        "p95_ms": loaded["p95_ms"],
        "p99_ms": loaded["p99_ms"],
        "connections": loaded["connections"],
        "non_2xx": loaded["non_2xx"] + single["non_2xx"],
        "bare_rps": bare_rps,
    }
    log(
        f"uncached {name:34} {figures['median_ms']:7.1f} ms  {figures['rps']:7.1f} req/s"
        f" ({figures['rps'] / bare_rps:4.0%} of bare)"
        + (f"  {figures['non_2xx']} non-2xx!" if figures["non_2xx"] else "")
    )
    return figures


def measure_cached(server: Server, label: str, name: str, path: str) -> dict:
    """Return a cached page's throughput and p95 under load, with the bare view's."""
    url = server.base + path
    # The first request fills the cache, the others the workers' own memory.
    for _ in range(3):
        headers, _body = fetch(url)
    loaded, bare_rps = bare_around(server, lambda: wrk(url, CACHED_DURATION))
    log(
        f"{label:8} {name:34} {loaded['rps']:7.0f} req/s ({loaded['rps'] / bare_rps:4.0%} of"
        f" bare)" + (f"  {loaded['non_2xx']} non-2xx!" if loaded["non_2xx"] else "")
    )
    return {
        "rps": loaded["rps"],
        "p95_ms": loaded["p95_ms"],
        "non_2xx": loaded["non_2xx"],
        "bare_rps": bare_rps,
        # A page with a form's CSRF token is never stored, by design: it is this visitor's.
        "hit": headers.get("x-page-cache") == "hit",
    }
