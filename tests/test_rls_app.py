"""Row-level security as the app uses it: pooled connections and the audit trail."""
from spark.db import acting_as, as_system, database
from spark.models import AuditLog, Profile, User
from spark.models.enums import Role


def test_app_connects_as_a_role_that_cannot_bypass_security(app, db):
    row = database.execute_sql(
        "SELECT current_user, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user").fetchone()
    assert row == ("spark_app", False, False)


def test_a_pooled_connection_carries_nothing_from_one_user_to_the_next(app, world):
    student_a, student_b = world["student_a"], world["student_b"]
    database.obj.close_idle()  # so both transactions below get the one same pooled connection
    with app.app_context():
        with acting_as(student_a.id, Role.STUDENT, student_a.school_id):
            first_backend = database.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
            assert Profile.get(Profile.user == student_a.id).display_name == "Anil Kumar"
        with acting_as() as _:
            assert database.execute_sql("SELECT current_setting('spark.user_id', true)").fetchone()[0] == ""
        with acting_as(student_b.id, Role.STUDENT, student_b.school_id):
            assert database.execute_sql("SELECT pg_backend_pid()").fetchone()[0] == first_backend
            assert Profile.get_or_none(Profile.user == student_a.id) is None
            assert User.get_or_none(User.id == student_a.id) is None


def test_with_no_user_set_nothing_is_visible(app, world):
    with app.app_context():
        with acting_as():
            assert User.select().count() == 0
            assert Profile.select().count() == 0


def test_audit_row_names_the_acting_user_and_request(auth, world):
    auth.sign_in("student_a", follow=False)
    with as_system():
        row = (AuditLog
               .select()
               .where((AuditLog.table_name == "users") & (AuditLog.record_id == world["student_a"].id)
                      & (AuditLog.action == "UPDATE"))
               .order_by(AuditLog.created_at.desc())
               .first())
    assert row is not None
    assert row.user_id == world["student_a"].id
    assert str(row.ip_address) == "127.0.0.1"
    assert row.user_agent.startswith("Werkzeug")
    assert "password_hash" not in (row.new_values or {}) and "password_hash" not in (row.old_values or {})
