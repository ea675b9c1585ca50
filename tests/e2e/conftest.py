"""Fixtures of the browser tests: Debian's Chromium driving a live server with sample data.

The live server reads committed data, so the sample data is written once for the package and
taken out again afterwards; nothing is flushed and the other tests find the plan as they left it.
Each test is marked django_db (not transactional): the marker lets the server's thread reach the
database, and on in-memory SQLite, where the server shares the test's connection, what the browser
changes is rolled back with the test.
"""

import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.contrib.staticfiles.handlers import StaticFilesHandler
from django.core.management import call_command
from django.core.servers.basehttp import WSGIServer
from django.db import connections
from django.test.testcases import LiveServerThread

from tests.services import service_missing

CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags Chromium's calls home hang on a closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
PASSWORD = "a-long-e2e-password"


class SerialWSGIServer(WSGIServer):
    """Serve one request at a time, in the thread that already holds the test's connections."""

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)


class SerialLiveServerThread(LiveServerThread):
    """Run the live server without a thread per request.

    In-memory SQLite shares one connection between the test and the server; requests handled on
    parallel threads (a page and the browser's favicon request, say) would use it at the same time.
    """

    server_class = SerialWSGIServer


class LiveServer:
    """Serve the site, static files through the finders, on a free port of localhost."""

    def __init__(self):
        shared = {
            connection.alias: connection
            for connection in connections.all()
            if connection.vendor == "sqlite" and connection.is_in_memory_db()
        }
        self.thread = SerialLiveServerThread(
            "localhost", static_handler=StaticFilesHandler, connections_override=shared
        )
        self.thread.daemon = True
        for connection in shared.values():
            connection.inc_thread_sharing()
        self.thread.start()
        self.thread.is_ready.wait()
        if self.thread.error:
            self.stop()
            raise self.thread.error
        self.url = f"http://localhost:{self.thread.port}"

    def stop(self):
        """Stop the server and give the shared connections back to this thread alone."""
        self.thread.terminate()
        for connection in self.thread.connections_override.values():
            connection.dec_thread_sharing()


@dataclass
class Site:
    """The live server's address and what the sample data made available on it."""

    url: str
    username: str
    password: str
    period_pk: int
    activity_pk: int = 0
    # Run after the package, outside any test's transaction: on PostgreSQL what the browser
    # changed through the live server is committed and must be put back there.
    cleanups: list = field(default_factory=list)


@pytest.fixture(scope="package")
def browser(django_db_setup):
    """Launch Chromium once for the browser tests; never download a browser.

    Without Chromium the browser tests are skipped, saying why, or fail where CI=true.
    """
    from playwright.sync_api import sync_playwright

    if not CHROMIUM.exists():
        service_missing(f"{CHROMIUM} is missing: run `apt-get install -y chromium`")

    # Playwright's sync API keeps an event loop on this thread; Django would take any database
    # call made here for one from async code, but nothing here runs concurrently.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    try:
        yield browser
    finally:
        browser.close()
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture(scope="package")
def site(browser, django_db_blocker):
    """Serve the site with sample progress data and a superuser; take both out afterwards.

    It starts after the browser: once Playwright runs, the tests run in a context of its own in
    which Django hands out another connection, and the server must share that one.
    """
    from measures.models import Measure
    from progress.models import ReportingPeriod
    from relations.models import Activity
    from tests.factories import SuperuserFactory

    with django_db_blocker.unblock():
        if not Measure.objects.exists():
            call_command("load_action_plan", verbosity=0)
        call_command("load_demo_progress", verbosity=0)
        call_command("load_demo_relations", verbosity=0)
        user = SuperuserFactory(username="e2e-office", password=PASSWORD)
        period_pk = ReportingPeriod.objects.order_by("-pk").values_list("pk", flat=True).first()
        events = Activity.objects.filter(open_to_public=True).order_by("pk")
        activity_pk = events.values_list("pk", flat=True).first()
        server = LiveServer()
    site = Site(server.url, user.username, PASSWORD, period_pk, activity_pk)
    try:
        yield site
    finally:
        server.stop()
        with django_db_blocker.unblock():
            for cleanup in reversed(site.cleanups):
                cleanup()
            call_command("load_demo_progress", "--remove", verbosity=0)
            call_command("load_demo_relations", "--remove", verbosity=0)
            forget(user)
            # Connections opened in Playwright's context would outlive it and keep the
            # PostgreSQL test database busy when it is dropped.
            connections.close_all()


def forget(user):
    """Delete the user with the history and sign-in records the browser tests left behind."""
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog
    from simple_history.models import registered_models

    for model in registered_models.values():
        model.history.filter(history_user=user).delete()
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username=user.username).delete()
    user.delete()


class ConsoleLog:
    """Collect the browser console's errors, among them Content-Security-Policy violations."""

    def __init__(self, page):
        self.errors: list[str] = []
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.errors.append(f"{page.url}: {error}"))
        self._page = page

    def _console(self, message):
        if message.type == "error":
            self.errors.append(f"{self._page.url}: {message.text}")

    @property
    def csp_violations(self) -> list[str]:
        """Return the errors that report a Content-Security-Policy violation."""
        return [error for error in self.errors if "Content Security Policy" in error]


@pytest.fixture
def page(browser, site):
    """Return a fresh 1280 px wide tab with the site's Content-Security-Policy in force."""
    context = browser.new_context(
        base_url=site.url, viewport={"width": 1280, "height": 900}, locale="en-GB"
    )
    context.set_default_timeout(10_000)
    tab = context.new_page()
    tab.console_log = ConsoleLog(tab)
    yield tab
    context.close()


@pytest.fixture
def audit_page(browser, site):
    """Return a tab that may inject axe-core, which the Content-Security-Policy would refuse."""
    context = browser.new_context(
        base_url=site.url, viewport={"width": 1280, "height": 900}, bypass_csp=True
    )
    context.set_default_timeout(10_000)
    tab = context.new_page()
    yield tab
    context.close()
