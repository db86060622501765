"""Commands: `flask --app wsgi <command>` (see README)."""
import os
import subprocess
import sys

import click
from flask import current_app
from flask.cli import AppGroup

from spark import db
from spark.config import PROJECT_ROOT

db_cli = AppGroup("db", help="Create roles, migrate the schema.")
demo_cli = AppGroup("demo", help="The demo school.")
translate_cli = AppGroup("translate", help="Interface translations (Babel).")


@db_cli.command("bootstrap")
@click.option("--superuser-url", envvar="DATABASE_SUPERUSER_URL", required=True,
              help="postgresql://… of a superuser on your own server.")
@click.option("--database", "dbname", default=db.EMBEDDED_DATABASE, show_default=True)
def bootstrap_command(superuser_url, dbname):
    """Create the spark_owner, spark_app and spark_rls_reader roles and the database (once, as a superuser).

    The embedded server needs none of this: Spark does it when it starts.
    """
    db.bootstrap_database(superuser_url, dbname)
    click.echo(f"Roles and database {dbname!r} are ready. Give spark_owner and spark_app passwords "
               "if your server needs them, then set DATABASE_URL and DATABASE_OWNER_URL.")


@db_cli.command("migrate")
def migrate_command():
    """Apply the migrations in sql/ that have not been applied (safe to run again)."""
    applied = migrate()
    click.echo(f"Applied {len(applied)} migration(s)." if applied else "The schema is up to date.")


def migrate():
    """Apply pending migrations as the owner; refuse to run the app as an unsafe role."""
    owner_url = current_app.config["DATABASE_OWNER_URL"]
    if not owner_url:
        raise click.ClickException("Set DATABASE_OWNER_URL (the role that owns the schema) to migrate.")
    applied = db.apply_migrations(owner_url)
    problems = db.check_app_role(current_app.config["DATABASE_URL"])
    if problems:
        raise click.ClickException("Refusing to run: " + "; ".join(problems) + ". See README, 'Your own PostgreSQL'.")
    return applied


@demo_cli.command("load")
def load_demo_command():
    """Load the demo school (running it again changes nothing)."""
    from spark.demo.loader import load_demo_school, print_demo_sign_ins

    load_demo_school()
    print_demo_sign_ins(click.echo)


@click.command("create-admin")
@click.option("--username", required=True)
@click.option("--email", default=None)
@click.option("--name", "display_name", required=True, help="The name people see.")
@click.option("--school-id", default=None, help="The school's id; leave out for a platform admin.")
@click.password_option()
def create_admin_command(username, email, display_name, school_id, password):
    """Create a school admin, or a platform admin (no school) who can create schools."""
    from spark.passwords import PasswordRejected
    from spark.people import create_user

    try:
        with db.as_system(school_id):
            user = create_user(username=username, email=email, password=password, role="ADMIN",
                               school_id=school_id, display_name=display_name)
    except (PasswordRejected, ValueError) as refused:
        raise click.ClickException(str(refused)) from refused
    click.echo(f"Created admin {user.username} ({user.id}).")


@click.command("serve")
@click.option("--demo/--no-demo", default=False, help="Load the demo school first.")
@click.option("--host", default=None, help="Address to listen on (SPARK_HOST, default 127.0.0.1).")
@click.option("--port", default=None, type=int, help="Port (SPARK_PORT, default 5000).")
@click.option("--threads", default=8, show_default=True)
def serve_command(demo, host, port, threads):
    """Migrate, optionally load the demo, then run the web server and the Huey consumer together."""
    import waitress

    from spark.demo.loader import demo_school_exists, load_demo_school, print_demo_sign_ins

    migrate()
    if demo:
        load_demo_school()
    if demo_school_exists():
        print_demo_sign_ins(click.echo)
    config = current_app.config
    env = dict(os.environ, DATABASE_URL=config["DATABASE_URL"],
               DATABASE_OWNER_URL=config["DATABASE_OWNER_URL"] or "")
    consumer = subprocess.Popen(
        [sys.executable, "-m", "huey.bin.huey_consumer", "tasks.huey", "--workers", "2", "--worker-type", "thread"],
        cwd=PROJECT_ROOT, env=env)
    host = host or config["SPARK_HOST"]
    port = port or config["SPARK_PORT"]
    click.echo(f"Spark is running at http://{host}:{port}/ (Ctrl+C to stop).")
    try:
        waitress.serve(current_app._get_current_object(), host=host, port=port, threads=threads,
                       max_request_body_size=config["MAX_CONTENT_LENGTH"] + 64 * 1024)
    finally:
        consumer.terminate()
        consumer.wait(timeout=10)


TRANSLATIONS = PROJECT_ROOT / "spark" / "translations"
CATALOG_TEMPLATE = TRANSLATIONS / "messages.pot"


@translate_cli.command("extract")
def extract_command():
    """Collect every translatable string into messages.pot and merge it into each language."""
    _pybabel("extract", "-F", "babel.cfg", "-k", "_l", "--no-location", "--sort-output",
             "-o", str(CATALOG_TEMPLATE), "spark")
    _pybabel("update", "-i", str(CATALOG_TEMPLATE), "-d", str(TRANSLATIONS), "--no-fuzzy-matching")


@translate_cli.command("init")
@click.argument("language")
def init_command(language):
    """Start the catalog of a new language."""
    _pybabel("init", "-i", str(CATALOG_TEMPLATE), "-d", str(TRANSLATIONS), "-l", language)


@translate_cli.command("compile")
def compile_command():
    """Compile the catalogs (.po to .mo) the app reads."""
    _pybabel("compile", "-d", str(TRANSLATIONS), "--statistics")


def _pybabel(*args):
    pybabel = os.path.join(os.path.dirname(sys.executable), "pybabel")
    subprocess.run([pybabel, *args], cwd=PROJECT_ROOT, check=True)


def register_commands(app):
    """Attach the commands to the app's CLI."""
    for command in (db_cli, demo_cli, translate_cli, create_admin_command, serve_command):
        app.cli.add_command(command)
