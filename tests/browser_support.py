"""Browser-test fixtures, shared by every tests/test_browser*.py (registered in conftest).

Playwright drives the system Chromium at a phone's 360×640 viewport against a real
server process started with the README's serve command, on its own database with the
demo school loaded. One server and one browser serve the whole run. Without Chromium
the tests skip, except in CI (SPARK_REQUIRE_BROWSER=1), where they must run.
"""
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from spark.db import APP_ROLE, OWNER_ROLE, bootstrap_database, drop_database, url_for_role
from spark.demo.loader import DEMO_PASSWORD

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
PROJECT_ROOT = Path(__file__).resolve().parent.parent
PHONE = {"width": 360, "height": 640}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def live_server(server_url, tmp_path_factory):
    """`flask serve --demo` in its own process and database; yields its base URL."""
    name = f"spark_e2e_{os.getpid()}"
    drop_database(server_url, name)
    bootstrap_database(server_url, name)
    port = _free_port()
    instance = tmp_path_factory.mktemp("e2e-instance")
    env = dict(os.environ, DATABASE_URL=url_for_role(server_url, APP_ROLE, name),
               DATABASE_OWNER_URL=url_for_role(server_url, OWNER_ROLE, name),
               SPARK_INSTANCE_PATH=str(instance), SECRET_KEY="e2e-secret")
    log = open(instance / "server.log", "w")
    server = subprocess.Popen([sys.executable, "-m", "flask", "--app", "wsgi", "serve", "--demo", "--port", str(port)],
                              cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, server, instance / "server.log")
        yield base
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()
        drop_database(server_url, name)


def _wait_until_up(base, server, log_path, seconds=120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail("the server stopped:\n" + log_path.read_text()[-3000:])
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    pytest.fail("the server did not start:\n" + log_path.read_text()[-3000:])


@pytest.fixture(scope="session")
def browser():
    """The system Chromium, headless."""
    if not os.path.exists(CHROMIUM):
        message = f"Chromium not found at {CHROMIUM}: install it (apt-get install chromium) to run browser tests"
        if os.environ.get("SPARK_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
            "--disable-background-networking", "--disable-component-update"])
        yield chromium
        chromium.close()


@pytest.fixture(params=["javascript", "no-javascript"])
def phone(request, browser):
    """A fresh phone-sized page, with JavaScript on (htmx) and off (plain forms)."""
    context = browser.new_context(viewport=PHONE, locale="en-IN",
                                  java_script_enabled=request.param == "javascript")
    page = context.new_page()
    yield page
    context.close()


def sign_in(page, base, username):
    """Sign in through the form and wait until the signed-in page is shown (the header's menu)."""
    page.goto(base + "/")
    page.get_by_label("Username or email").fill(username)
    page.get_by_label("Password", exact=True).fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.locator("summary", has_text="More").wait_for()


def sign_out(page):
    """Open the header's "More" menu and sign out; wait for the sign-in form."""
    page.locator("summary", has_text="More").click()
    page.get_by_role("button", name="Sign out").click()
    page.get_by_label("Username or email").wait_for()
    page.wait_for_load_state("networkidle")  # htmx may still be settling the swap
