"""The SQL schema in sql/, tested in SQL: functions, triggers, grants and row-level security.

Uses two fixtures from tests/conftest.py: `owner_conn` (spark_owner) and `app_conn`
(spark_app), each a psycopg2 connection to a freshly migrated database, in a
transaction rolled back after the test. Policies are proved as spark_app. Fixture
rows are inserted by spark_app acting as SYSTEM (transaction-local settings), so
they are visible to the same transaction when it then acts as each role.
"""
import json
import uuid
from types import SimpleNamespace

import psycopg2
import psycopg2.errors
import pytest

RLS_TABLES = [
    "users", "profiles", "enrollments", "student_progress", "submissions", "submission_answers",
    "assignment_submissions", "user_notifications", "guardian_links", "achievements",
    "earned_badges", "reward_ledger", "learning_analytics", "learning_preferences",
    "ai_interactions", "sync_logs", "sync_logs_archive", "sync_conflicts", "guild_memberships",
    "audit_logs",
    "schools", "classes", "class_courses", "courses", "lessons", "quizzes", "questions",
    "assignments", "badges", "leaderboards", "guilds", "guild_quests", "class_analytics",
    "content_translations",
]


# --- helpers -----------------------------------------------------------------------------

def act(cur, user=None, role=None, school=None, ip=None, user_agent=None):
    """Act as someone for the rest of the transaction (as the app does: local settings)."""
    cur.execute(
        "SELECT set_config('spark.user_id', %s, true), set_config('spark.role', %s, true),"
        " set_config('spark.school_id', %s, true), set_config('spark.ip', %s, true),"
        " set_config('spark.user_agent', %s, true)",
        tuple("" if v is None else str(v) for v in (user, role, school, ip, user_agent)))


def as_system(cur, school=None):
    act(cur, role="SYSTEM", school=school)


def new_id():
    return str(uuid.uuid4())


def insert(cur, table, **values):
    """INSERT without RETURNING (a row the actor may write but not read would fail it)."""
    cols = ", ".join(values)
    marks = ", ".join(["%s"] * len(values))
    cur.execute(f"INSERT INTO {table} ({cols}) VALUES ({marks})",
                [json.dumps(v) if isinstance(v, (dict, list)) else v for v in values.values()])


def add_user(cur, role, school, name=None, **extra):
    uid = new_id()
    name = name or f"{role.lower()}_{uid[:8]}"
    insert(cur, "users", id=uid, username=name, password_hash="argon2$hash", role=role,
           school_id=school, **extra)
    insert(cur, "profiles", user_id=uid, first_name=name, last_name="X", display_name=name)
    return uid


def ids(cur, sql, params=()):
    cur.execute(sql, params)
    return {str(row[0]) for row in cur.fetchall()}


def seed_world(cur):
    """Two schools, their people, classes, content and some student data (acting as SYSTEM)."""
    as_system(cur)
    w = SimpleNamespace()
    w.school_a, w.school_b = new_id(), new_id()
    insert(cur, "schools", id=w.school_a, name="School A")
    insert(cur, "schools", id=w.school_b, name="School B", timezone="Asia/Kolkata")
    w.admin_a = add_user(cur, "ADMIN", w.school_a)
    w.admin_b = add_user(cur, "ADMIN", w.school_b)
    w.teacher = add_user(cur, "TEACHER", w.school_a)
    w.other_teacher = add_user(cur, "TEACHER", w.school_a)
    w.s1 = add_user(cur, "STUDENT", w.school_a)          # in teacher's class, approved guardian
    w.s2 = add_user(cur, "STUDENT", w.school_a)          # in teacher's class, pending guardian
    w.s3 = add_user(cur, "STUDENT", w.school_a)          # in other_teacher's class
    w.s4 = add_user(cur, "STUDENT", w.school_b)
    w.g_approved = add_user(cur, "GUARDIAN", None)
    w.g_pending = add_user(cur, "GUARDIAN", None)

    w.class_1, w.class_2 = new_id(), new_id()
    insert(cur, "classes", id=w.class_1, name="7A", subject="Science", grade=7,
           teacher_id=w.teacher, school_id=w.school_a)
    insert(cur, "classes", id=w.class_2, name="7B", subject="Science", grade=7,
           teacher_id=w.other_teacher, school_id=w.school_a)
    for student, klass in ((w.s1, w.class_1), (w.s2, w.class_1), (w.s3, w.class_2)):
        insert(cur, "enrollments", student_id=student, class_id=klass)

    w.course_a, w.course_platform = new_id(), new_id()
    insert(cur, "courses", id=w.course_a, title="Light", subject="Science", grade=7,
           difficulty="EASY", school_id=w.school_a)
    insert(cur, "courses", id=w.course_platform, title="Numbers", subject="Maths", grade=7,
           difficulty="EASY")
    insert(cur, "class_courses", class_id=w.class_1, course_id=w.course_a)
    w.lesson_a, w.lesson_p = new_id(), new_id()
    insert(cur, "lessons", id=w.lesson_a, title="Mirrors", content={"body": "..."},
           course_id=w.course_a, order_index=1)
    insert(cur, "lessons", id=w.lesson_p, title="Primes", content={"body": "..."},
           course_id=w.course_platform, order_index=1)
    w.quiz_a, w.quiz_p = new_id(), new_id()
    insert(cur, "quizzes", id=w.quiz_a, title="Mirrors quiz", lesson_id=w.lesson_a)
    insert(cur, "quizzes", id=w.quiz_p, title="Primes quiz", lesson_id=w.lesson_p)

    w.progress, w.submissions = {}, {}
    for student, lesson, quiz in ((w.s1, w.lesson_a, w.quiz_a), (w.s2, w.lesson_a, w.quiz_a),
                                  (w.s3, w.lesson_a, w.quiz_a), (w.s4, w.lesson_p, w.quiz_p)):
        pid, sid = new_id(), new_id()
        insert(cur, "student_progress", id=pid, student_id=student, lesson_id=lesson,
               status="COMPLETED", progress=100)
        insert(cur, "submissions", id=sid, student_id=student, quiz_id=quiz, max_score=10,
               status="GRADED", submitted_at="2025-01-01T10:00:00+05:30", score=100, passed=True)
        w.progress[student], w.submissions[student] = pid, sid

    w.link_approved, w.link_pending = new_id(), new_id()
    insert(cur, "guardian_links", id=w.link_approved, guardian_id=w.g_approved, student_id=w.s1,
           status="APPROVED")
    insert(cur, "guardian_links", id=w.link_pending, guardian_id=w.g_pending, student_id=w.s2,
           status="PENDING")
    return w


# --- functions and triggers -------------------------------------------------------------

@pytest.mark.parametrize("xp, level", [(0, 1), (99, 1), (100, 2), (399, 2), (400, 3), (10000, 11)])
def test_calculate_level(owner_conn, xp, level):
    with owner_conn.cursor() as cur:
        cur.execute("SELECT calculate_level(%s)", (xp,))
        assert cur.fetchone()[0] == level


def test_level_is_set_on_insert_and_on_update(owner_conn):
    with owner_conn.cursor() as cur:
        as_system(cur)
        school = new_id()
        insert(cur, "schools", id=school, name="S")
        uid = new_id()
        insert(cur, "users", id=uid, username="lvl", password_hash="h", role="STUDENT", school_id=school)
        # the owner (not spark_app) may seed totals directly
        insert(cur, "profiles", user_id=uid, first_name="A", last_name="B", display_name="AB",
               xp_points=400)
        cur.execute("SELECT level FROM profiles WHERE user_id = %s", (uid,))
        assert cur.fetchone()[0] == 3
        cur.execute("UPDATE profiles SET xp_points = 10000 WHERE user_id = %s", (uid,))
        cur.execute("SELECT level FROM profiles WHERE user_id = %s", (uid,))
        assert cur.fetchone()[0] == 11


def test_ledger_updates_totals_and_refuses_a_repeated_key(app_conn):
    with app_conn.cursor() as cur:
        w = seed_world(cur)
        act(cur, w.teacher, "TEACHER", w.school_a)      # a teacher grading rewards a student
        insert(cur, "reward_ledger", student_id=w.s1, currency="XP", amount=400,
               reason="QUIZ_PASSED", idempotency_key="quiz:1:passed", created_by=w.teacher)
        insert(cur, "reward_ledger", student_id=w.s1, currency="CRYSTALS", amount=5,
               reason="QUIZ_PASSED", idempotency_key="quiz:1:crystals")
        insert(cur, "reward_ledger", student_id=w.s1, currency="SPARKS", amount=2,
               reason="QUIZ_PASSED", idempotency_key="quiz:1:sparks")
        insert(cur, "reward_ledger", student_id=w.s1, currency="XP", amount=-50,
               reason="ADJUSTMENT", idempotency_key="adjust:1")
        cur.execute("SELECT xp_points, level, crystals, sparks FROM profiles WHERE user_id = %s", (w.s1,))
        assert cur.fetchone() == (350, 2, 5, 2)
        cur.execute("SAVEPOINT again")
        with pytest.raises(psycopg2.errors.UniqueViolation):
            insert(cur, "reward_ledger", student_id=w.s1, currency="XP", amount=400,
                   reason="QUIZ_PASSED", idempotency_key="quiz:1:passed")
        cur.execute("ROLLBACK TO SAVEPOINT again")
        cur.execute("SELECT xp_points FROM profiles WHERE user_id = %s", (w.s1,))
        assert cur.fetchone()[0] == 350
        # append-only for spark_app, and totals cannot be set by hand
        for sql in ("UPDATE reward_ledger SET amount = 1", "DELETE FROM reward_ledger"):
            cur.execute("SAVEPOINT s")
            with pytest.raises(psycopg2.errors.InsufficientPrivilege):
                cur.execute(sql)
            cur.execute("ROLLBACK TO SAVEPOINT s")
        act(cur, w.s1, "STUDENT", w.school_a)
        cur.execute("SAVEPOINT s")
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            cur.execute("UPDATE profiles SET xp_points = 99999 WHERE user_id = %s", (w.s1,))
        cur.execute("ROLLBACK TO SAVEPOINT s")
        cur.execute("UPDATE profiles SET streak = 3 WHERE user_id = %s", (w.s1,))
        assert cur.rowcount == 1


def test_guild_member_count_and_capacity(app_conn):
    with app_conn.cursor() as cur:
        w = seed_world(cur)
        guild = new_id()
        insert(cur, "guilds", id=guild, name="Owls", leader_id=w.s1, school_id=w.school_a, max_members=2)
        insert(cur, "guild_memberships", guild_id=guild, student_id=w.s1, role="LEADER")
        insert(cur, "guild_memberships", guild_id=guild, student_id=w.s2)
        cur.execute("SELECT current_members FROM guilds WHERE id = %s", (guild,))
        assert cur.fetchone()[0] == 2
        cur.execute("SAVEPOINT s")
        with pytest.raises(psycopg2.errors.CheckViolation):
            insert(cur, "guild_memberships", guild_id=guild, student_id=w.s3)
        cur.execute("ROLLBACK TO SAVEPOINT s")
        cur.execute("DELETE FROM guild_memberships WHERE student_id = %s", (w.s2,))
        cur.execute("SELECT current_members FROM guilds WHERE id = %s", (guild,))
        assert cur.fetchone()[0] == 1


def test_school_timezone_is_validated(app_conn):
    with app_conn.cursor() as cur:
        as_system(cur)
        with pytest.raises(psycopg2.errors.CheckViolation):
            insert(cur, "schools", name="Nowhere", timezone="Mars/Olympus")


# --- roles and grants --------------------------------------------------------------------

def test_app_role_is_unprivileged_and_owns_nothing(app_conn):
    with app_conn.cursor() as cur:
        cur.execute("SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb FROM pg_roles"
                    " WHERE rolname = current_user")
        assert cur.fetchone() == (False, False, False, False)
        cur.execute("SELECT count(*) FROM pg_class WHERE relowner = 'spark_app'::regrole")
        assert cur.fetchone()[0] == 0
        cur.execute("SELECT count(*) FROM pg_proc WHERE proowner = 'spark_app'::regrole")
        assert cur.fetchone()[0] == 0
        cur.execute("SELECT count(*) FROM pg_type WHERE typowner = 'spark_app'::regrole")
        assert cur.fetchone()[0] == 0
        cur.execute("SELECT has_schema_privilege('public', 'CREATE')")
        assert cur.fetchone()[0] is False
        for sql in ("DROP TABLE users", "ALTER TABLE users DISABLE ROW LEVEL SECURITY",
                    "ALTER TABLE users NO FORCE ROW LEVEL SECURITY", "CREATE TABLE x (id int)",
                    "SELECT * FROM class_performance_summary", "SELECT * FROM audit_logs_default",
                    "INSERT INTO audit_logs (action) VALUES ('forged')", "TRUNCATE submissions",
                    "SELECT * FROM _yoyo_migration"):
            cur.execute("SAVEPOINT s")
            with pytest.raises((psycopg2.errors.InsufficientPrivilege,
                                psycopg2.errors.UndefinedTable)) as caught:
                cur.execute(sql)
            assert isinstance(caught.value, psycopg2.errors.InsufficientPrivilege), sql
            cur.execute("ROLLBACK TO SAVEPOINT s")


def test_rls_is_enabled_and_forced(owner_conn):
    with owner_conn.cursor() as cur:
        cur.execute("SELECT relname, relrowsecurity, relforcerowsecurity FROM pg_class"
                    " WHERE relnamespace = 'public'::regnamespace AND relname = ANY(%s)",
                    (RLS_TABLES,))
        flags = {name: (enabled, forced) for name, enabled, forced in cur.fetchall()}
    assert set(flags) == set(RLS_TABLES)
    assert {name for name, f in flags.items() if f != (True, True)} == set()


def test_nothing_is_visible_without_an_acting_user(app_conn):
    with app_conn.cursor() as cur:
        seed_world(cur)
        cur.execute("SELECT count(*) FROM student_progress")
        assert cur.fetchone()[0] == 4          # SYSTEM sees the fixture rows...
        act(cur)                                  # ...and nobody sees anything
        for table in RLS_TABLES:
            cur.execute(f"SELECT count(*) FROM {table}")
            assert cur.fetchone()[0] == 0, table
    # and in a brand-new transaction, where the settings do not even exist
    app_conn.rollback()
    with app_conn.cursor() as cur:
        for table in RLS_TABLES:
            cur.execute(f"SELECT count(*) FROM {table}")
            assert cur.fetchone()[0] == 0, table


# --- who sees what -----------------------------------------------------------------------

@pytest.mark.parametrize("who", ["student", "teacher", "other_teacher", "guardian_approved",
                                 "guardian_pending", "admin_a", "admin_b"])
def test_visibility_of_student_data(app_conn, who):
    with app_conn.cursor() as cur:
        w = seed_world(cur)
        actor, role, school, students, links = {
            "student": (w.s1, "STUDENT", w.school_a, {w.s1}, {w.link_approved}),
            "teacher": (w.teacher, "TEACHER", w.school_a, {w.s1, w.s2}, {w.link_approved, w.link_pending}),
            "other_teacher": (w.other_teacher, "TEACHER", w.school_a, {w.s3}, set()),
            "guardian_approved": (w.g_approved, "GUARDIAN", None, {w.s1}, {w.link_approved}),
            "guardian_pending": (w.g_pending, "GUARDIAN", None, set(), {w.link_pending}),
            "admin_a": (w.admin_a, "ADMIN", w.school_a, {w.s1, w.s2, w.s3}, {w.link_approved, w.link_pending}),
            "admin_b": (w.admin_b, "ADMIN", w.school_b, {w.s4}, set()),
        }[who]
        act(cur, actor, role, school)
        assert ids(cur, "SELECT student_id FROM student_progress") == students
        assert ids(cur, "SELECT id FROM student_progress") == {w.progress[s] for s in students}
        assert ids(cur, "SELECT id FROM submissions") == {w.submissions[s] for s in students}
        assert ids(cur, "SELECT id FROM guardian_links") == links
        # a guardian reads but never writes student data
        cur.execute("UPDATE student_progress SET time_spent = time_spent + 1")
        assert cur.rowcount == (0 if role == "GUARDIAN" else len(students))


def test_users_and_profiles_visibility(app_conn):
    with app_conn.cursor() as cur:
        w = seed_world(cur)
        act(cur, w.s1, "STUDENT", w.school_a)
        # self, the staff of the school, and the guardians linked to them
        assert ids(cur, "SELECT id FROM users") == {w.s1, w.admin_a, w.teacher, w.other_teacher, w.g_approved}
        assert ids(cur, "SELECT user_id FROM profiles") == ids(cur, "SELECT id FROM users")
        act(cur, w.g_approved, "GUARDIAN")
        assert ids(cur, "SELECT id FROM users") == {w.g_approved, w.s1, w.admin_a, w.teacher, w.other_teacher}
        act(cur, w.g_pending, "GUARDIAN")
        assert ids(cur, "SELECT id FROM users") == {w.g_pending}
        act(cur, w.admin_b, "ADMIN", w.school_b)
        assert ids(cur, "SELECT id FROM users") == {w.admin_b, w.s4}
        # a student cannot promote themselves
        act(cur, w.s1, "STUDENT", w.school_a)
        cur.execute("SAVEPOINT s")
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            cur.execute("UPDATE users SET role = 'ADMIN' WHERE id = %s", (w.s1,))
        cur.execute("ROLLBACK TO SAVEPOINT s")


def test_guardian_links_rules(app_conn):
    with app_conn.cursor() as cur:
        w = seed_world(cur)
        act(cur, w.g_pending, "GUARDIAN")
        # a guardian cannot approve their own request...
        cur.execute("SAVEPOINT s")
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            cur.execute("UPDATE guardian_links SET status = 'APPROVED' WHERE id = %s", (w.link_pending,))
        cur.execute("ROLLBACK TO SAVEPOINT s")
        # ...nor file one already approved, nor one for someone else
        for guardian, status in ((w.g_pending, "APPROVED"), (w.g_approved, "PENDING")):
            cur.execute("SAVEPOINT s")
            with pytest.raises(psycopg2.errors.InsufficientPrivilege):
                insert(cur, "guardian_links", guardian_id=guardian, student_id=w.s3, status=status)
            cur.execute("ROLLBACK TO SAVEPOINT s")
        insert(cur, "guardian_links", guardian_id=w.g_pending, student_id=w.s3, status="PENDING")
        # the teacher of the class approves
        act(cur, w.teacher, "TEACHER", w.school_a)
        cur.execute("UPDATE guardian_links SET status = 'APPROVED', approved_by = %s WHERE id = %s",
                    (w.teacher, w.link_pending))
        assert cur.rowcount == 1
        act(cur, w.g_pending, "GUARDIAN")
        assert ids(cur, "SELECT student_id FROM student_progress") == {w.s2}


def test_enrollment_needs_a_student_of_the_class_school(app_conn):
    with app_conn.cursor() as cur:
        w = seed_world(cur)
        act(cur, w.teacher, "TEACHER", w.school_a)
        insert(cur, "enrollments", student_id=w.s3, class_id=w.class_1)
        for student, klass in ((w.s4, w.class_1), (w.s1, w.class_2)):
            cur.execute("SAVEPOINT s")
            with pytest.raises(psycopg2.errors.InsufficientPrivilege):
                insert(cur, "enrollments", student_id=student, class_id=klass)
            cur.execute("ROLLBACK TO SAVEPOINT s")


def test_school_content_is_private_platform_content_is_shared(app_conn):
    with app_conn.cursor() as cur:
        w = seed_world(cur)
        act(cur, w.s4, "STUDENT", w.school_b)
        assert ids(cur, "SELECT id FROM courses") == {w.course_platform}
        assert ids(cur, "SELECT id FROM quizzes") == {w.quiz_p}
        act(cur, w.s1, "STUDENT", w.school_a)
        assert ids(cur, "SELECT id FROM courses") == {w.course_a, w.course_platform}
        cur.execute("UPDATE courses SET title = 'x'")
        assert cur.rowcount == 0
        act(cur, w.g_approved, "GUARDIAN")
        assert ids(cur, "SELECT id FROM schools") == {w.school_a}
        assert ids(cur, "SELECT id FROM lessons") == {w.lesson_a, w.lesson_p}
        act(cur, w.teacher, "TEACHER", w.school_a)
        cur.execute("UPDATE lessons SET title = 'y'")
        assert cur.rowcount == 1                 # its school's lesson, not the platform's


def test_notifications(app_conn):
    with app_conn.cursor() as cur:
        w = seed_world(cur)
        act(cur, w.teacher, "TEACHER", w.school_a)
        insert(cur, "user_notifications", user_id=w.s1, title="Well done", message="!", type="ACHIEVEMENT")
        cur.execute("SAVEPOINT s")
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            insert(cur, "user_notifications", user_id=w.s4, title="Hi", message="!", type="SYSTEM")
        cur.execute("ROLLBACK TO SAVEPOINT s")
        assert ids(cur, "SELECT id FROM user_notifications") == set()
        act(cur, w.s1, "STUDENT", w.school_a)
        cur.execute("SELECT title FROM user_notifications")
        assert cur.fetchall() == [("Well done",)]


# --- audit -------------------------------------------------------------------------------

def test_audit_row_records_actor_ip_agent_and_no_password(app_conn):
    with app_conn.cursor() as cur:
        w = seed_world(cur)
        act(cur, w.admin_a, "ADMIN", w.school_a, ip="203.0.113.7", user_agent="pytest-agent/1.0")
        student = new_id()
        insert(cur, "users", id=student, username="newkid", password_hash="argon2$secret",
               role="STUDENT", school_id=w.school_a)
        cur.execute("SELECT user_id, actor_role, school_id, action, table_name, host(ip_address),"
                    " user_agent, new_values, old_values FROM audit_logs WHERE record_id = %s", (student,))
        rows = cur.fetchall()
        assert len(rows) == 1
        user_id, role, school, action, table, ip, agent, new, old = rows[0]
        assert (str(user_id), role, str(school), action, table) == (w.admin_a, "ADMIN", w.school_a, "INSERT", "users")
        assert (ip, agent) == ("203.0.113.7", "pytest-agent/1.0")
        assert "password_hash" not in new and new["username"] == "newkid" and old is None
        # a password change is recorded without either hash; garbage ip becomes NULL
        act(cur, w.admin_a, "ADMIN", w.school_a, ip="not an address", user_agent="x" * 800)
        cur.execute("UPDATE users SET password_hash = 'argon2$other', session_version = session_version + 1"
                    " WHERE id = %s", (student,))
        cur.execute("SELECT ip_address, length(user_agent), old_values, new_values FROM audit_logs"
                    " WHERE record_id = %s AND action = 'UPDATE'", (student,))
        ip, agent_length, old, new = cur.fetchone()
        assert ip is None and agent_length == 500
        assert "password_hash" not in old and "password_hash" not in new
        # an UPDATE that changes nothing is not logged
        cur.execute("UPDATE enrollments SET status = status WHERE student_id = %s", (w.s1,))
        cur.execute("SELECT count(*) FROM audit_logs WHERE table_name = 'enrollments' AND action = 'UPDATE'")
        assert cur.fetchone()[0] == 0
        # the student's enrollment row is filed under the student's school
        cur.execute("SELECT DISTINCT school_id FROM audit_logs WHERE table_name = 'enrollments'")
        assert {str(r[0]) for r in cur.fetchall()} == {w.school_a}
        # only admins of the school (and SYSTEM) read the trail
        act(cur, w.teacher, "TEACHER", w.school_a)
        cur.execute("SELECT count(*) FROM audit_logs")
        assert cur.fetchone()[0] == 0
        act(cur, w.admin_b, "ADMIN", w.school_b)
        assert ids(cur, "SELECT DISTINCT school_id FROM audit_logs") <= {w.school_b}
        cur.execute("SELECT count(*) FROM audit_logs WHERE record_id = %s", (student,))
        assert cur.fetchone()[0] == 0


def test_audit_partitions_are_created_ahead_and_take_their_rows(owner_conn):
    with owner_conn.cursor() as cur:
        cur.execute("SELECT count(*) FROM pg_inherits WHERE inhparent = 'audit_logs'::regclass")
        assert cur.fetchone()[0] >= 5              # this month + 3, and the default
        cur.execute("SELECT ensure_audit_partitions(3)")
        assert cur.fetchone()[0] == 0              # nothing missing: idempotent
        # a row that landed in the default partition moves into its month's new partition
        cur.execute("INSERT INTO audit_logs_default (action, created_at)"
                    " VALUES ('early', now() + interval '5 months')")
        cur.execute("SELECT ensure_audit_partitions(6)")
        assert cur.fetchone()[0] == 3
        cur.execute("SELECT count(*) FROM ONLY audit_logs_default")
        assert cur.fetchone()[0] == 0
        cur.execute("SELECT has_table_privilege('spark_app', c.oid, 'SELECT') FROM pg_inherits i"
                    " JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'audit_logs'::regclass")
        assert {row[0] for row in cur.fetchall()} == {False}


# --- badges ------------------------------------------------------------------------------

def test_badge_criteria(app_conn):
    with app_conn.cursor() as cur:
        w = seed_world(cur)
        insert(cur, "reward_ledger", student_id=w.s1, currency="XP", amount=60, reason="LESSON_COMPLETED",
               idempotency_key="lesson:a", metadata={"subject": "Science"})

        def holds(criteria):
            cur.execute("SELECT evaluate_badge_criteria(%s, %s)", (w.s1, json.dumps(criteria)))
            return cur.fetchone()[0]

        yes = {"metric": "lessons_completed", "gte": 1}
        no = {"metric": "lessons_completed", "gte": 2}
        assert holds(yes) is True and holds(no) is False
        assert holds({"all": [yes, no]}) is False
        assert holds({"all": [yes, {"metric": "quizzes_passed", "gte": 1}]}) is True
        assert holds({"any": [no, {"metric": "perfect_scores", "gte": 1}]}) is True
        assert holds({"any": [no]}) is False
        assert holds({"all": []}) is True and holds({"any": []}) is False
        assert holds({"metric": "xp_in_subject", "subject": "science", "gte": 60}) is True
        assert holds({"metric": "xp_in_subject", "subject": "Maths", "gte": 1}) is False
        assert holds({"metric": "xp_total", "gte": 60}) is True
        assert holds({"metric": "level", "gte": 2}) is False
        assert holds({"metric": "streak_days", "gte": 0}) is True
        assert holds({"metric": "course_lessons_completed", "course_id": w.course_a, "gte": 1}) is True
        assert holds({"metric": "course_lessons_completed", "course_id": w.course_platform, "gte": 1}) is False
        for bad in ({"metric": "moon_phases", "gte": 1}, {"any": [no, {"metric": "moon_phases", "gte": 1}]}):
            cur.execute("SAVEPOINT s")
            with pytest.raises(psycopg2.errors.InvalidParameterValue, match="unknown badge metric"):
                holds(bad)
            cur.execute("ROLLBACK TO SAVEPOINT s")
        # badges refuse criteria that do not follow the format
        cur.execute("SAVEPOINT s")
        with pytest.raises(psycopg2.errors.CheckViolation):
            insert(cur, "badges", name="Bad", description="?", category="PROGRESS",
                   criteria={"metric": "moon_phases", "gte": 1})
        cur.execute("ROLLBACK TO SAVEPOINT s")
        first, other_school = new_id(), new_id()
        insert(cur, "badges", id=first, name="First light", description="1 lesson", category="PROGRESS",
               criteria=yes)
        insert(cur, "badges", id=other_school, name="B only", description="1 lesson", category="PROGRESS",
               criteria=yes, school_id=w.school_b)
        cur.execute("SELECT badge_id FROM check_badge_eligibility(%s)", (w.s1,))
        assert {str(r[0]) for r in cur.fetchall()} == {first}


# --- leaderboards and class performance -----------------------------------------------------

def test_global_leaderboard_is_unique(app_conn):
    with app_conn.cursor() as cur:
        as_system(cur)
        insert(cur, "leaderboards", scope="GLOBAL", timeframe="WEEKLY", rankings=[])
        cur.execute("SAVEPOINT s")
        with pytest.raises(psycopg2.errors.UniqueViolation):
            insert(cur, "leaderboards", scope="GLOBAL", timeframe="WEEKLY", rankings=[])
        cur.execute("ROLLBACK TO SAVEPOINT s")
        with pytest.raises(psycopg2.errors.CheckViolation):
            insert(cur, "leaderboards", scope="GLOBAL", scope_id=new_id(), timeframe="DAILY", rankings=[])


def test_class_performance_only_for_those_who_may_see_the_class(app_conn):
    with app_conn.cursor() as cur:
        w = seed_world(cur)
        act(cur, w.teacher, "TEACHER", w.school_a)
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            cur.execute("SELECT refresh_class_performance()")
        app_conn.rollback()
        w = seed_world(cur)
        cur.execute("SELECT refresh_class_performance()")
        act(cur, w.other_teacher, "TEACHER", w.school_a)
        cur.execute("SELECT * FROM class_performance(%s)", (w.class_1,))
        assert cur.fetchall() == []
        act(cur, w.admin_b, "ADMIN", w.school_b)
        cur.execute("SELECT * FROM class_performance(%s)", (w.class_1,))
        assert cur.fetchall() == []
        act(cur)
        cur.execute("SELECT * FROM class_performance(%s)", (w.class_1,))
        assert cur.fetchall() == []
        for actor, role in ((w.teacher, "TEACHER"), (w.admin_a, "ADMIN")):
            act(cur, actor, role, w.school_a)
            cur.execute("SELECT total_students, active_students, completed_lessons, total_lesson_attempts"
                        " FROM class_performance(%s)", (w.class_1,))
            assert cur.fetchall() == [(2, 2, 2, 2)]


def test_login_candidate_before_sign_in(app_conn):
    with app_conn.cursor() as cur:
        w = seed_world(cur)
        insert(cur, "users", username="Asha", email="Asha@Example.org", password_hash="h",
               role="GUARDIAN")
        act(cur)    # nobody signed in
        for typed in ("asha", "ASHA", "asha@example.org"):
            cur.execute("SELECT role, is_active, session_version FROM spark_login_candidate(%s)", (typed,))
            assert cur.fetchall() == [("GUARDIAN", True, 1)]
        cur.execute("SELECT count(*) FROM spark_login_candidate('nobody')")
        assert cur.fetchone()[0] == 0
        as_system(cur)
        cur.execute("SAVEPOINT s")
        with pytest.raises(psycopg2.errors.UniqueViolation):
            insert(cur, "users", username="ASHA", password_hash="h", role="GUARDIAN")
        cur.execute("ROLLBACK TO SAVEPOINT s")
        cur.execute("SELECT count(*) FROM spark_login_candidate(%s)", (w.s1,))
        assert cur.fetchone()[0] == 0
