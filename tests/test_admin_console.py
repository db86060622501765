"""The school admin console and the platform admin: access, users, badges, audit, settings, tenancy."""
import re
from datetime import date, timedelta

import psycopg2
import pytest
from playhouse.test_utils import count_queries

from spark import admin_users
from spark.db import acting_as, as_system
from spark.models import AuditLog, Badge, School, User
from spark.models.enums import Role
from tests.conftest import csrf_token
from tests.factories import make_user
from tests.test_access import page_statements

SCHOOL_PAGES = ["/admin/settings", "/admin/users", "/admin/users/new", "/admin/badges", "/admin/badges/new",
                "/admin/audit"]


def post(client, path, data, page):
    return client.post(path, data={"csrf_token": csrf_token(client.get(page, follow_redirects=True)), **data})


@pytest.mark.parametrize("path", SCHOOL_PAGES + ["/admin/guardian-links", "/admin/schools/new"])
@pytest.mark.parametrize("username, expected", [
    ("admin_a", 200), ("teacher_a", 403), ("student_a", 403), ("guardian_a", 403), ("platform_admin", 404)])
def test_access_matrix(auth, world, path, username, expected):
    if path == "/admin/guardian-links" and username == "teacher_a":
        expected = 200  # teachers decide their students' links
    if path == "/admin/schools/new":
        expected = {"admin_a": 403, "platform_admin": 200}.get(username, expected)
    auth.sign_in(username)
    assert auth.client.get(path).status_code == expected


@pytest.mark.parametrize("path", SCHOOL_PAGES)
def test_anonymous_is_sent_to_sign_in(client, world, path):
    assert client.get(path).status_code == 302


def test_another_schools_objects_are_not_found(auth, world):
    with as_system():
        badge_b = Badge.create(name="B only", description="x", category="SPECIAL", criteria={"all": []},
                               school=world.schools["b"])
    auth.sign_in("admin_a")
    for path in (f"/admin/users/{world['admin_b'].id}", f"/admin/users/{world['student_b'].id}",
                 f"/admin/classes/{world.classes['maths_b'].id}", f"/admin/badges/{badge_b.id}",
                 f"/admin/schools/{world.schools['b'].id}", "/admin/users/not-a-uuid"):
        assert auth.client.get(path).status_code in (403, 404), path
    assert post(auth.client, f"/admin/users/{world['student_b'].id}/active", {"active": "no"},
                "/admin/users").status_code == 404
    with as_system():
        assert User.get_by_id(world["student_b"].id).is_active


def test_admin_of_one_school_sees_and_changes_nothing_of_another_in_the_database(db, world):
    with acting_as(world["admin_b"].id, Role.ADMIN, world.schools["b"].id):
        assert User.get_or_none(User.id == world["student_a"].id) is None
        assert School.update(name="Taken").where(School.id == world.schools["a"].id).execute() == 0
        assert User.update(is_active=False).where(User.id == world["admin_a"].id).execute() == 0
        assert AuditLog.select().where(AuditLog.school_id == world.schools["a"].id).count() == 0
        with pytest.raises(Exception), db.atomic():
            User.create(username="sneaky", password_hash="x", role=Role.ADMIN, school=world.schools["a"])


def test_class_roster_is_read_only_and_lists_the_class(auth, world):
    auth.sign_in("admin_a")
    html = auth.client.get(f"/admin/classes/{world.classes['maths_a'].id}").get_data(as_text=True)
    main = html.split("<main", 1)[1].split("</main>", 1)[0]
    assert "Anil Kumar" in main and "Bina Das" in main and "Chetan" not in main and "<form" not in main


def test_user_search_role_filter_and_fixed_queries(auth, world):
    auth.sign_in("admin_a")
    html = auth.client.get("/admin/users?q=anil").get_data(as_text=True)
    assert "Anil Kumar" in html and "Bina Das" not in html
    html = auth.client.get("/admin/users?role=TEACHER").get_data(as_text=True)
    assert "Tara Teacher" in html and "Anil Kumar" not in html
    assert auth.client.get("/admin/users?q=%25_&role=NOPE&page=x").status_code == 200
    with count_queries() as few:
        auth.client.get("/admin/users")
    with as_system():
        for n in range(30):
            make_user(f"extra_{n}", Role.STUDENT, world.schools["a"], f"Extra {n}")
    with count_queries() as many:
        page = auth.client.get("/admin/users?page=2").get_data(as_text=True)
    assert "Page 2 of 2" in page
    assert len(page_statements(few)) == len(page_statements(many))


def test_create_user_shows_the_password_once_and_it_works(auth, world):
    auth.sign_in("admin_a")
    response = post(auth.client, "/admin/users/new", {"display_name": "Neha Teacher", "username": "neha",
                                                      "role": "TEACHER", "email": "", "language": ""},
                    "/admin/users/new")
    password = re.search(r'class="secret">([a-z0-9]+)<', response.get_data(as_text=True)).group(1)
    taken = post(auth.client, "/admin/users/new", {"display_name": "Again", "username": "NEHA", "role": "STUDENT",
                                                   "language": ""}, "/admin/users/new")
    assert taken.status_code == 422 and "already taken" in taken.get_data(as_text=True)
    bad = post(auth.client, "/admin/users/new", {"display_name": "Bad", "username": "a b@", "role": "STUDENT",
                                                 "language": ""}, "/admin/users/new")
    assert bad.status_code == 422
    auth.sign_out()
    assert auth.sign_in("neha", password).status_code == 302
    with as_system():
        neha = User.get(User.username == "neha")
        assert neha.school_id == world.schools["a"].id and neha.role == Role.TEACHER
        assert AuditLog.select().where((AuditLog.table_name == "users") & (AuditLog.record_id == neha.id)).exists()


def test_deactivate_reset_and_change_role(auth, world):
    auth.sign_in("admin_a")
    teacher = world["teacher_a2"]
    assert post(auth.client, f"/admin/users/{teacher.id}/active", {"active": "no"},
                f"/admin/users/{teacher.id}").status_code == 302
    with as_system():
        assert not User.get_by_id(teacher.id).is_active
    assert post(auth.client, f"/admin/users/{teacher.id}/active", {"active": "yes"},
                f"/admin/users/{teacher.id}").status_code == 302
    reset = post(auth.client, f"/admin/users/{teacher.id}/password", {}, f"/admin/users/{teacher.id}")
    password = re.search(r'class="secret">([a-z0-9]+)<', reset.get_data(as_text=True)).group(1)
    assert post(auth.client, f"/admin/users/{teacher.id}/role", {"role": "ADMIN"},
                f"/admin/users/{teacher.id}").status_code == 302
    auth.sign_out()
    assert auth.sign_in("teacher_a2", password).status_code == 302
    # A reset password is a one-time password: its owner chooses their own first.
    assert auth.client.get("/admin/users").headers["Location"] == "/password"
    assert post(auth.client, "/password", {"current_password": password,
                                           "new_password": "tamarind rice on tuesday",
                                           "confirm_password": "tamarind rice on tuesday"},
                "/password").status_code == 302
    assert auth.client.get("/admin/users").status_code == 200  # now an admin


def test_the_last_active_admin_is_protected(auth, world):
    auth.sign_in("admin_a")
    me = world["admin_a"]
    refused = post(auth.client, f"/admin/users/{me.id}/active", {"active": "no"}, f"/admin/users/{me.id}")
    assert refused.status_code == 422 and "your own account" in refused.get_data(as_text=True)
    refused = post(auth.client, f"/admin/users/{me.id}/role", {"role": "TEACHER"}, f"/admin/users/{me.id}")
    assert refused.status_code == 422
    # someone else (here the platform admin) cannot remove the school's only active admin either
    platform = world["platform_admin"]
    with acting_as(platform.id, Role.ADMIN, None):
        target = User.get_by_id(me.id)
        with pytest.raises(admin_users.AccountChangeRefused):
            admin_users.set_active(platform, target, False)
        with pytest.raises(admin_users.AccountChangeRefused):
            admin_users.change_role(platform, target, Role.TEACHER)
        second = make_user("admin_a2", Role.ADMIN, world.schools["a"], "Second Admin")
        admin_users.change_role(platform, target, Role.TEACHER)  # another admin remains
        assert User.get_by_id(me.id).role == Role.TEACHER and second.is_active


def test_audit_filters(auth, world):
    auth.sign_in("admin_a")
    post(auth.client, f"/admin/users/{world['teacher_a2'].id}/active", {"active": "no"}, "/admin/users")
    html = auth.client.get("/admin/audit?who=admin_a&action=UPDATE&table=users").get_data(as_text=True)
    assert "is_active" in html and "Asha Admin" in html
    assert "Nothing matches" in auth.client.get("/admin/audit?table=badges&who=admin_a").get_data(as_text=True)
    yesterday = (date.today() - timedelta(days=2)).isoformat()
    assert "Nothing matches" in auth.client.get(
        f"/admin/audit?who=admin_a&until={yesterday}").get_data(as_text=True)
    assert auth.client.get("/admin/audit?since=2026-02-01&until=2026-01-01").status_code == 422
    assert auth.client.get("/admin/audit?since=nonsense&page=-3").status_code == 422
    # another school's changes never show
    with as_system():
        b_rows = AuditLog.select().where(AuditLog.school_id == world.schools["b"].id).count()
    assert b_rows > 0
    assert "Bela Admin" not in auth.client.get("/admin/audit").get_data(as_text=True)


def test_badge_with_criteria_form_and_preview(auth, world):
    auth.sign_in("admin_a")
    form = {"name": "Star reader", "description": "Lots of XP", "category": "PROGRESS", "rarity": "RARE",
            "xp_reward": "10", "crystal_reward": "0", "spark_reward": "0", "is_active": "y", "match": "all",
            "criterion_1-metric": "xp_total", "criterion_1-gte": "400", "criterion_2-metric": "",
            "criterion_3-metric": "", "criteria_json": ""}
    preview = post(auth.client, "/admin/badges/new", {**form, "action": "preview"}, "/admin/badges/new")
    html = preview.get_data(as_text=True)
    assert preview.status_code == 200 and "Anil Kumar" in html and "Bina Das" not in html
    with as_system():
        assert not Badge.select().where(Badge.name == "Star reader").exists()
    saved = post(auth.client, "/admin/badges/new", {**form, "action": "save"}, "/admin/badges/new")
    assert saved.status_code == 302
    with as_system():
        badge = Badge.get(Badge.name == "Star reader")
        assert badge.criteria == {"all": [{"metric": "xp_total", "gte": 400}]}
        assert badge.school_id == world.schools["a"].id
    page = auth.client.get(f"/admin/badges/{badge.id}").get_data(as_text=True)
    assert 'value="400"' in page
    bad = post(auth.client, f"/admin/badges/{badge.id}", {**form, "criteria_json": '{"metric": "nonsense", "gte": 1}'},
               f"/admin/badges/{badge.id}")
    assert bad.status_code == 422 and "not valid" in bad.get_data(as_text=True)
    assert post(auth.client, "/admin/badges/new", {**form, "criteria_json": "{"},
                "/admin/badges/new").status_code == 422
    assert post(auth.client, "/admin/badges/new", {**form, "criterion_1-metric": "xp_in_subject"},
                "/admin/badges/new").status_code == 422


def test_settings_validate_the_time_zone(auth, world):
    auth.sign_in("admin_a")
    data = {"name": "Sunrise Public School", "timezone": "Mars/Olympus", "default_language": "hi",
            "address": "", "district": "Pune", "state": "Maharashtra", "contact_email": "", "contact_phone": ""}
    assert post(auth.client, "/admin/settings", data, "/admin/settings").status_code == 422
    data.update(timezone="Asia/Kolkata", leaderboard_full_names="y")
    assert post(auth.client, "/admin/settings", data, "/admin/settings").status_code == 302
    with as_system():
        school = School.get_by_id(world.schools["a"].id)
    assert school.default_language == "hi" and school.settings["leaderboard_full_names"] is True


def test_platform_admin_creates_a_school_and_its_first_admin(auth, world):
    auth.sign_in("platform_admin")
    made = post(auth.client, "/admin/schools/new", {"name": "Hill School", "timezone": "Asia/Kolkata",
                                                    "default_language": "en", "district": "Shimla"},
                "/admin/schools/new")
    assert made.status_code == 302
    school_id = made.headers["Location"].split("/")[3]
    created = post(auth.client, f"/admin/schools/{school_id}/admins/new",
                   {"display_name": "Hema Admin", "username": "hema", "role": "ADMIN", "language": ""},
                   f"/admin/schools/{school_id}/admins/new")
    password = re.search(r'class="secret">([a-z0-9]+)<', created.get_data(as_text=True)).group(1)
    edited = post(auth.client, f"/admin/schools/{school_id}", {"name": "Hill Public School",
                                                               "timezone": "Asia/Kolkata", "default_language": "en"},
                  f"/admin/schools/{school_id}")
    assert edited.status_code == 302
    auth.sign_out()
    auth.sign_in("hema", password)
    assert auth.client.get("/admin/").headers["Location"] == "/password"  # a one-time password first
    post(auth.client, "/password", {"current_password": password, "new_password": "hill station mornings",
                                    "confirm_password": "hill station mornings"}, "/password")
    assert "Hill Public School" in auth.client.get("/admin/").get_data(as_text=True)


def test_a_teacher_cannot_create_admins_in_the_database(app_conn, world):
    with app_conn.cursor() as cur:
        cur.execute("SELECT set_config('spark.user_id', %s, true), set_config('spark.role', 'TEACHER', true),"
                    " set_config('spark.school_id', %s, true)",
                    (str(world["teacher_a"].id), str(world.schools["a"].id)))
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            cur.execute("INSERT INTO users (username, password_hash, role, school_id) VALUES ('x1', 'h', 'GUARDIAN', %s)",
                        (str(world.schools["a"].id),))


def test_user_search_answers_htmx_with_the_results_only(auth, world):
    auth.sign_in("admin_a")
    response = auth.client.get("/admin/users?q=bina", headers={"HX-Request": "true", "HX-Target": "user-results"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and 'id="user-results"' in html and "<html" not in html and "Bina Das" in html
