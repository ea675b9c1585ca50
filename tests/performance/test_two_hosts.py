"""Scale-out: two gunicorn hosts behind nginx share one PostgreSQL and one Redis, and act as one.

The README promises that more application hosts behind a load balancer carry more load. What
makes that true is what the hosts share: the page cache and the content version in Redis, the
sessions, sign-in lock-outs and content in PostgreSQL, the API throttle's counts in Redis. The
test starts the real thing on loopback ports, with the production settings, and asks one host
what the other was told. nginx picks the host by the test's `X-Test-Host` header (round robin
without it) and names the host that answered in `X-Upstream`.
"""

import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path

import pytest
import requests

from tests.services import service_missing

# One cluster for the module: its tests run on one xdist worker (make test uses --dist loadgroup).
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("two_hosts")]

ROOT = Path(__file__).resolve().parents[2]
POSTGRES = "postgresql://postgres@127.0.0.1:5432"
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
PASSWORD = "a long Passwort 2026"
THROTTLE_PER_MINUTE = 6


def free_port() -> int:
    """Return a loopback port nobody listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, seconds: float = 120) -> None:
    """Wait until `url` answers, or fail."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if requests.get(url, timeout=10).status_code < 500:
                return
        except requests.RequestException:
            # Not listening yet, or a worker still importing on a busy machine.
            pass
        time.sleep(0.2)
    pytest.fail(f"{url} did not answer within {seconds} s")


def services_or_skip() -> None:
    """Skip (or fail in CI) when a server this test needs is not on the machine."""
    if not shutil.which("nginx") and not Path("/usr/sbin/nginx").exists():
        service_missing("nginx is not installed (apt-get install -y nginx-light)")
    if subprocess.run(["pg_isready", "-h", "127.0.0.1", "-p", "5432", "-q"]).returncode:
        service_missing("PostgreSQL does not answer on 127.0.0.1:5432")
    try:
        import redis

        redis.Redis.from_url(REDIS_URL, socket_timeout=1).ping()
    except Exception:
        service_missing(f"Redis does not answer at {REDIS_URL}")


def psql(sql: str) -> None:
    """Run one statement on the server's maintenance database."""
    subprocess.run(["psql", f"{POSTGRES}/postgres", "-q", "-c", sql], check=True)


NGINX_CONF = """
{user}
worker_processes 1;
daemon off;
pid {dir}/nginx.pid;
error_log {dir}/error.log warn;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {dir}/body;
    proxy_temp_path {dir}/proxy;
    fastcgi_temp_path {dir}/fastcgi;
    uwsgi_temp_path {dir}/uwsgi;
    scgi_temp_path {dir}/scgi;
    upstream both {{
        server 127.0.0.1:{a};
        server 127.0.0.1:{b};
    }}
    map $http_x_test_host $backend {{
        a 127.0.0.1:{a};
        b 127.0.0.1:{b};
        default both;
    }}
    server {{
        listen 127.0.0.1:{port};
        location / {{
            proxy_pass http://$backend;
            proxy_set_header Host $http_host;
            proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
            proxy_set_header X-Forwarded-Proto $scheme;
            add_header X-Upstream $upstream_addr always;
        }}
    }}
}}
"""


class Cluster:
    """Two gunicorn hosts and nginx in front, on one fresh PostgreSQL database and Redis."""

    def __init__(self, workdir: Path):
        self.workdir = workdir
        self.database = f"hi_two_hosts_{secrets.token_hex(4)}"
        self.port = free_port()
        self.ports = {"a": free_port(), "b": free_port()}
        self.base = f"http://127.0.0.1:{self.port}"
        self.processes: list[subprocess.Popen] = []
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "hannover_intl.settings.production",
            "DATABASE_URL": f"{POSTGRES}/{self.database}",
            "REDIS_URL": REDIS_URL,
            # A prefix of its own: the run never meets anyone else's keys in the shared Redis.
            "CACHE_KEY_PREFIX": f"two-hosts-{secrets.token_hex(4)}",
            "SECRET_KEY": secrets.token_urlsafe(64),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "CSRF_TRUSTED_ORIGINS": self.base,
            "SECURE_SSL_REDIRECT": "false",
            "TRUSTED_PROXY_COUNT": "1",
            "PAGE_CACHE_SECONDS": "600",
            "API_THROTTLE_ANON": f"{THROTTLE_PER_MINUTE}/minute",
            "STATIC_ROOT": str(workdir / "static"),
        }

    def manage(self, *args: str) -> None:
        """Run a management command against the cluster's database."""
        subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def start(self) -> None:
        """Create and fill the database, then start both hosts and the load balancer."""
        psql(f'CREATE DATABASE "{self.database}"')
        self.manage("migrate", "--noinput", "-v", "0")
        self.manage("load_action_plan")
        self.manage("setup_roles")
        self.manage("collectstatic", "--noinput", "-v", "0")
        for name in ("office", "locked"):
            self.manage(
                "shell",
                "-c",
                "from django.contrib.auth import get_user_model; "
                f"get_user_model().objects.create_superuser({name!r}, '', {PASSWORD!r})",
            )
        gunicorn = str(Path(sys.executable).with_name("gunicorn"))
        for port in self.ports.values():
            self.spawn(
                [
                    gunicorn,
                    "hannover_intl.wsgi:application",
                    "--workers",
                    "1",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--log-level",
                    "warning",
                ]
            )
        conf = self.workdir / "nginx.conf"
        conf.write_text(
            NGINX_CONF.format(
                user="user root;" if os.geteuid() == 0 else "",
                dir=self.workdir,
                port=self.port,
                a=self.ports["a"],
                b=self.ports["b"],
            )
        )
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        self.spawn([nginx, "-c", str(conf), "-p", str(self.workdir)])
        for port in self.ports.values():
            wait_for(f"http://127.0.0.1:{port}/healthz")
        wait_for(f"{self.base}/healthz")

    def spawn(self, command: list[str]) -> None:
        self.processes.append(
            subprocess.Popen(
                command,
                cwd=ROOT,
                env=self.env,
                start_new_session=True,
            )
        )

    def stop(self) -> None:
        """Stop every process and drop the database."""
        for process in self.processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes:
            process.wait(timeout=30)
        psql(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')

    def get(self, session: requests.Session, host: str, path: str, **kwargs):
        """GET `path` through the load balancer from host `host`, and check who answered."""
        response = session.get(
            self.base + path,
            headers={"X-Test-Host": host},
            allow_redirects=False,
            timeout=60,
            **kwargs,
        )
        assert response.headers["X-Upstream"] == f"127.0.0.1:{self.ports[host]}"
        plain_http_cookies(session)
        return response

    def post(self, session: requests.Session, host: str, path: str, data: dict):
        """POST a form to `path` on host `host`, as a browser does (CSRF token and Referer)."""
        response = session.post(
            self.base + path,
            data=data,
            allow_redirects=False,
            timeout=60,
            headers={"X-Test-Host": host, "Referer": self.base + path},
        )
        assert response.headers["X-Upstream"] == f"127.0.0.1:{self.ports[host]}"
        plain_http_cookies(session)
        return response


def plain_http_cookies(session: requests.Session) -> None:
    """Let the session send its Secure cookies over the loopback's plain HTTP.

    In production the load balancer terminates TLS; here nothing does, so the browser's part of
    keeping session and CSRF cookies to HTTPS is waived for the test's own client.
    """
    for cookie in session.cookies:
        cookie.secure = False


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    services_or_skip()
    running = Cluster(tmp_path_factory.mktemp("two-hosts"))
    try:
        running.start()
        yield running
    finally:
        running.stop()


class FormFields(HTMLParser):
    """Collect the fields a browser would submit from the form with the given id."""

    def __init__(self, form_id: str):
        super().__init__()
        self.form_id = form_id
        self.fields: list[tuple[str, str]] = []
        self.in_form = False
        self.done = False
        self.textarea: str | None = None
        self.select: str | None = None
        self.selected: str | None = None
        self.first_option: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.done:
            return
        if tag == "form" and attrs.get("id") == self.form_id:
            self.in_form = True
        if not self.in_form or "disabled" in attrs:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in {"submit", "button", "file", "image", "reset"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in attrs:
                return
            self.fields.append((name, attrs.get("value", "on" if kind == "checkbox" else "")))
        elif tag == "textarea" and name:
            self.textarea = name
            self.fields.append((name, ""))
        elif tag == "select" and name:
            self.select, self.selected, self.first_option = name, None, None
        elif tag == "option" and self.select:
            value = attrs.get("value", "")
            if self.first_option is None:
                self.first_option = value
            if "selected" in attrs:
                self.selected = value
                if "multiple" not in attrs:
                    self.fields.append((self.select, value))

    def handle_data(self, data):
        if self.textarea:
            name, value = self.fields[-1]
            self.fields[-1] = (name, value + data)

    def handle_endtag(self, tag):
        if tag == "textarea":
            self.textarea = None
        elif tag == "select":
            self.select = None
        elif tag == "form" and self.in_form:
            self.in_form, self.done = False, True


def form_fields(html: str, form_id: str) -> list[tuple[str, str]]:
    """Return the name/value pairs of the page's form `form_id`, as a browser submits them."""
    parser = FormFields(form_id)
    parser.feed(html)
    return parser.fields


def sign_in(cluster: Cluster, session: requests.Session, host: str, username: str, password: str):
    """Sign in to the back office on `host` through its form; return the answer to the POST."""
    login = cluster.get(session, host, "/en/admin/login/?next=/en/admin/")
    assert login.status_code == 200
    data = dict(form_fields(login.text, "login-form"))
    data.update(username=username, password=password)
    return cluster.post(session, host, "/en/admin/login/?next=/en/admin/", data)


def goal_title(cluster: Cluster, session: requests.Session, host: str) -> tuple[str, str]:
    """Return the goal page's heading and whether the page came from the cache."""
    page = cluster.get(session, host, "/en/goals/1/")
    assert page.status_code == 200
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", page.text, re.S).group(1)
    return re.sub(r"<[^>]+>|\s+", " ", heading).strip(), page.headers.get("X-Page-Cache", "")


def test_an_edit_on_host_a_is_on_the_next_anonymous_page_of_host_b(cluster):
    visitor = requests.Session()
    goal_title(cluster, visitor, "b")
    before, cached = goal_title(cluster, visitor, "b")
    assert cached == "hit", "host B must serve the goal page from the shared cache"

    staff = requests.Session()
    assert sign_in(cluster, staff, "a", "office", PASSWORD).status_code == 302
    changelist = cluster.get(staff, "a", "/en/admin/measures/goal/")
    change_path = re.search(r'href="(/en/admin/measures/goal/\d+/change/)[^"]*"', changelist.text)
    form = cluster.get(staff, "a", change_path.group(1))
    fields = form_fields(form.text, "goal_form")
    new_title = f"Edited on host A {secrets.token_hex(3)}"
    edited = [(name, new_title if name == "title_en" else value) for name, value in fields]
    assert any(name == "title_en" for name, _ in fields), "the goal form has an English title"
    saved = cluster.post(staff, "a", change_path.group(1), dict(edited) | {"_save": "Save"})
    assert saved.status_code == 302, saved.text[:2000]

    after, cached = goal_title(cluster, visitor, "b")
    assert cached != "hit"
    assert new_title in after and after != before


def test_a_staff_session_started_on_host_a_is_valid_on_host_b(cluster):
    staff = requests.Session()
    assert sign_in(cluster, staff, "a", "office", PASSWORD).status_code == 302
    desk = cluster.get(staff, "b", "/en/admin/")
    assert desk.status_code == 200
    assert "office" in desk.text and "Log out" in desk.text
    stranger = cluster.get(requests.Session(), "b", "/en/admin/")
    assert stranger.status_code == 302 and "/admin/login/" in stranger.headers["Location"]


def test_a_lock_out_after_failed_sign_ins_on_host_a_holds_on_host_b(cluster):
    attacker = requests.Session()
    for _attempt in range(5):
        sign_in(cluster, attacker, "a", "locked", "wrong password")
    refused = sign_in(cluster, requests.Session(), "b", "locked", PASSWORD)
    assert refused.status_code == 429
    assert "Sign-in locked" in refused.text


def test_the_api_throttle_counts_the_requests_to_both_hosts(cluster):
    visitor = requests.Session()
    # Each search is a page of its own, so none of them is answered from the page cache.
    codes = [
        cluster.get(visitor, "ab"[n % 2], f"/api/v1/measures/?q=probe{n}").status_code
        for n in range(THROTTLE_PER_MINUTE + 1)
    ]
    assert codes == [200] * THROTTLE_PER_MINUTE + [429]
