"""Migrations apply from an empty database, and a second run applies nothing."""
import os

import psycopg2

from spark.db import APP_ROLE, OWNER_ROLE, SQL_DIR, apply_migrations, bootstrap_database, check_app_role, \
    drop_database, url_for_role


def test_migrations_apply_from_empty_and_again(server_url):
    name = f"spark_migrations_{os.getpid()}"
    drop_database(server_url, name)
    bootstrap_database(server_url, name)
    try:
        owner_url = url_for_role(server_url, OWNER_ROLE, name)
        applied = apply_migrations(owner_url)
        assert applied == sorted(path.stem for path in SQL_DIR.glob("*.sql") if ".rollback" not in path.name)
        assert apply_migrations(owner_url) == []
        assert check_app_role(url_for_role(server_url, APP_ROLE, name)) == []
        with psycopg2.connect(owner_url) as conn, conn.cursor() as cur:
            cur.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")
            assert cur.fetchone()[0] > 30
    finally:
        drop_database(server_url, name)


def test_bootstrap_is_safe_to_run_again(server_url, database_urls):
    bootstrap_database(server_url, database_urls["name"])
    assert check_app_role(database_urls["app"]) == []


def test_create_admin_command_makes_a_school_admin(app, db, world):
    runner = app.test_cli_runner()
    result = runner.invoke(args=["create-admin", "--username", "new.admin", "--name", "Nirmala Admin",
                                 "--school-id", str(world.schools["a"].id)],
                           input="tamarind rice on tuesday\ntamarind rice on tuesday\n")
    assert result.exit_code == 0, result.output
    from spark.db import as_system
    from spark.models import User
    with as_system():
        admin = User.get(User.username == "new.admin")
    assert admin.role == "ADMIN" and admin.school_id == world.schools["a"].id


def test_create_admin_refuses_a_common_password(app, db, world):
    result = app.test_cli_runner().invoke(args=["create-admin", "--username", "weak.admin", "--name", "Weak"],
                                          input="password123\npassword123\n")
    assert result.exit_code != 0
    assert "too easy to guess" in result.output
