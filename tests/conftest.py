"""Test fixtures: a real PostgreSQL, migrated once; each test in a transaction rolled back.

The server is embedded (started for the run) unless TEST_DATABASE_URL names a
superuser URL of a server where the run may create and drop its own database.
The app connects as spark_app, exactly as in production, so row-level
security applies to every test.
"""
import os
import re
import tempfile
import uuid
from pathlib import Path

import psycopg2
import pytest

from spark import create_app
from spark.db import (APP_ROLE, OWNER_ROLE, apply_migrations, bootstrap_database, database,
                      drop_database, set_acting_context, start_embedded_server, url_for_role)
from tests import factories
# Browser fixtures (one server, one Chromium for the whole run), for every tests/test_browser*.py.
from tests.browser_support import browser, live_server, phone  # noqa: F401


@pytest.fixture(scope="session")
def server_url():
    """A superuser URL: TEST_DATABASE_URL, or an embedded server started (and deleted) for this run."""
    given = os.environ.get("TEST_DATABASE_URL")
    if given:
        return given
    # Not pytest's tmp_path: pytest prunes old run folders, also those of a run still going.
    return start_embedded_server(Path(tempfile.mkdtemp(prefix="spark-test-")) / "pg", delete_on_exit=True)


@pytest.fixture(scope="session")
def database_urls(server_url):
    """A fresh database for this run, bootstrapped and migrated; dropped at the end."""
    name = f"spark_test_{os.getpid()}"
    drop_database(server_url, name)
    bootstrap_database(server_url, name)
    urls = {
        "name": name,
        "superuser": server_url,
        "owner": url_for_role(server_url, OWNER_ROLE, name),
        "app": url_for_role(server_url, APP_ROLE, name),
    }
    apply_migrations(urls["owner"])
    yield urls
    if database.obj is not None:
        database.obj.close_all()  # the pool's idle connections would block DROP DATABASE
    drop_database(server_url, name)


@pytest.fixture(scope="session")
def app(database_urls, tmp_path_factory):
    """The app, connected as spark_app to the test database."""
    return create_app({
        "TESTING": True,
        "SECRET_KEY": "test-secret-key",
        "DATABASE_URL": database_urls["app"],
        "DATABASE_OWNER_URL": database_urls["owner"],
        "UPLOAD_DIR": str(tmp_path_factory.mktemp("uploads")),
    })


@pytest.fixture(scope="session")
def world(app):
    """Two schools with people, classes and links, committed once for the whole run."""
    with app.app_context():
        database.connect(reuse_if_open=True)
        with database.atomic():
            set_acting_context(role="SYSTEM")
            built = factories.build_world()
        database.close()
    return built


@pytest.fixture
def db(app):
    """A transaction around the test, rolled back at its end (requests run in savepoints)."""
    # No app context is pushed here: a test client's requests would share its `g`.
    database.connect(reuse_if_open=True)
    try:
        with database.atomic() as transaction:
            set_acting_context(role="SYSTEM")
            yield database
            transaction.rollback()
    finally:
        database.close()


@pytest.fixture
def client(app, db):
    """A browser without JavaScript, inside the test's transaction."""
    return app.test_client()


class Auth:
    """Signs a test client in and out through the real forms."""

    def __init__(self, client):
        self.client = client

    def sign_in(self, username, password=factories.PASSWORD, follow=False):
        token = csrf_token(self.client.get("/sign-in"))
        return self.client.post("/sign-in", data={"identifier": username, "password": password,
                                                  "csrf_token": token}, follow_redirects=follow)

    def sign_out(self):
        page = self.client.get("/", follow_redirects=True)
        return self.client.post("/sign-out", data={"csrf_token": csrf_token(page)})


@pytest.fixture
def auth(client):
    """Sign in as anyone in `world`."""
    return Auth(client)


def csrf_token(response) -> str:
    """The CSRF token of a rendered page (from a form field or the htmx headers)."""
    html = response.get_data(as_text=True)
    found = (re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html)
             or re.search(r'name="csrf_token" value="([^"]+)"', html)
             or re.search(r'"X-CSRFToken": "([^"]+)"', html))
    assert found, "no CSRF token on the page"
    return found.group(1)


def _rolled_back_connection(url):
    conn = psycopg2.connect(url)
    conn.autocommit = False
    try:
        yield conn
    finally:
        conn.rollback()
        conn.close()


@pytest.fixture
def owner_conn(database_urls):
    """A psycopg2 connection as spark_owner, rolled back after the test."""
    yield from _rolled_back_connection(database_urls["owner"])


@pytest.fixture
def app_conn(database_urls):
    """A psycopg2 connection as spark_app, rolled back after the test."""
    yield from _rolled_back_connection(database_urls["app"])


@pytest.fixture
def new_id():
    """A fresh uuid, for ids that must exist nowhere."""
    return uuid.uuid4
