"""What the page benchmarks share: a throwaway migrated database, a signed-in client, a timer.

Run by hand only; never part of the test suite (ARCHITECTURE.md, Tests).
"""
import re
import statistics
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import os  # noqa: E402

from playhouse.test_utils import count_queries  # noqa: E402

from spark import create_app  # noqa: E402
from spark.db import (APP_ROLE, OWNER_ROLE, apply_migrations, bootstrap_database, database,  # noqa: E402
                      drop_database, set_acting_context, start_embedded_server, url_for_role)
from tests import factories  # noqa: E402

RUNS = 20


@contextmanager
def bench_app():
    """An app on a fresh migrated database (embedded, or TEST_DATABASE_URL), dropped afterwards."""
    server = os.environ.get("TEST_DATABASE_URL") or start_embedded_server(
        Path(tempfile.mkdtemp(prefix="spark-bench-")) / "pg", delete_on_exit=True)
    name = f"spark_bench_{os.getpid()}"
    drop_database(server, name)
    bootstrap_database(server, name)
    try:
        apply_migrations(url_for_role(server, OWNER_ROLE, name))
        yield create_app({"SECRET_KEY": "bench", "DATABASE_URL": url_for_role(server, APP_ROLE, name),
                          "DATABASE_OWNER_URL": url_for_role(server, OWNER_ROLE, name),
                          "UPLOAD_DIR": tempfile.mkdtemp(prefix="spark-bench-uploads-")})
    finally:
        if database.obj is not None:
            database.obj.close_all()
        drop_database(server, name)


def build_as_system(app, build):
    """Run `build(world)` on a new test world, acting as the system, and commit; return its result."""
    with app.app_context():
        database.connect(reuse_if_open=True)
        with database.atomic():
            set_acting_context(role="SYSTEM")
            result = build(factories.build_world())
        database.close()
    return result


def signed_in_client(app, username):
    """A test client signed in through the real form."""
    client = app.test_client()
    page = client.get("/sign-in").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    client.post("/sign-in", data={"identifier": username, "password": factories.PASSWORD, "csrf_token": token})
    return client


def timed(client, path, runs=RUNS):
    """Median and slowest milliseconds of `runs` GETs, and the statements of one."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    with count_queries() as counted:
        client.get(path)
    statements = [q.msg[0] for q in counted.get_queries() if not q.msg[0].startswith(("SAVEPOINT", "RELEASE"))]
    return statistics.median(times), max(times), len(statements)
