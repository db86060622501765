"""Who may open which page: every role home against every role, and objects of others."""
import pytest
from playhouse.test_utils import count_queries

HOMES = {"STUDENT": "/student/", "TEACHER": "/teacher/", "GUARDIAN": "/guardian/", "ADMIN": "/admin/"}
USERS = {"student_a": "STUDENT", "teacher_a": "TEACHER", "guardian_a": "GUARDIAN", "admin_a": "ADMIN",
         "platform_admin": "ADMIN"}


@pytest.mark.parametrize("path", HOMES.values())
def test_anonymous_is_sent_to_sign_in(client, world, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/sign-in?next=")


def test_an_htmx_request_without_a_session_is_sent_to_sign_in_by_hx_redirect(client, world):
    response = client.get("/student/courses?x=1", headers={"HX-Request": "true"})
    assert response.status_code == 401
    assert response.headers["HX-Redirect"] == "/sign-in?next=/student/courses?x%3D1"


@pytest.mark.parametrize("username", USERS)
@pytest.mark.parametrize("role, path", HOMES.items())
def test_role_homes_admit_only_their_role(auth, world, username, role, path):
    auth.sign_in(username)
    response = auth.client.get(path)
    assert response.status_code == (200 if USERS[username] == role else 403)


def test_forbidden_page_is_in_the_site_layout(auth, world):
    auth.sign_in("student_a")
    html = auth.client.get("/admin/").get_data(as_text=True)
    assert "This page is not for you" in html
    assert 'class="top"' in html


def test_student_home_shows_their_own_numbers(auth, world):
    auth.sign_in("student_a")
    html = auth.client.get("/student/").get_data(as_text=True)
    assert "Anil Kumar" in html
    assert "7A Mathematics" in html and "Tara Teacher" in html
    assert "Level" in html and ">3<" in html  # 450 XP is level 3
    assert "7B Science" not in html


def test_teacher_home_lists_their_classes_and_rosters_only(auth, world):
    auth.sign_in("teacher_a")
    html = auth.client.get("/teacher/").get_data(as_text=True)
    assert "7A Mathematics" in html and "Anil Kumar" in html and "Bina Das" in html
    assert "7B Science" not in html and "Dev Singh" not in html


def test_teacher_opens_own_class_roster(auth, world):
    auth.sign_in("teacher_a")
    response = auth.client.get(f"/teacher/classes/{world.classes['maths_a'].id}")
    assert response.status_code == 200
    assert "Bina Das" in response.get_data(as_text=True)


@pytest.mark.parametrize("username, class_key", [
    ("teacher_b", "maths_a"),      # another school
    ("teacher_a2", "maths_a"),     # same school, not their class
    ("teacher_a", "maths_b"),
])
def test_class_of_another_teacher_or_school_is_not_found(auth, world, username, class_key):
    auth.sign_in(username)
    assert auth.client.get(f"/teacher/classes/{world.classes[class_key].id}").status_code == 404


@pytest.mark.parametrize("path", ["/teacher/classes/not-a-uuid", "/teacher/classes/1234",
                                  "/teacher/classes/00000000-0000-0000-0000-00000000000g"])
def test_malformed_id_in_url_is_not_found(auth, world, path):
    auth.sign_in("teacher_a")
    response = auth.client.get(path)
    assert response.status_code == 404
    assert "We could not find that" in response.get_data(as_text=True)


def test_unknown_id_is_not_found(auth, world, new_id):
    auth.sign_in("teacher_a")
    assert auth.client.get(f"/teacher/classes/{new_id()}").status_code == 404


def test_guardian_sees_approved_child_only(auth, world):
    auth.sign_in("guardian_a")
    home = auth.client.get("/guardian/").get_data(as_text=True)
    assert "Anil Kumar" in home
    assert auth.client.get(f"/guardian/children/{world['student_a'].id}").status_code == 200
    assert auth.client.get(f"/guardian/children/{world['student_a2'].id}").status_code == 404
    assert auth.client.get(f"/guardian/children/{world['student_b'].id}").status_code == 404


def test_guardian_with_pending_link_sees_no_child_data(auth, world):
    auth.sign_in("guardian_pending")
    home = auth.client.get("/guardian/").get_data(as_text=True)
    assert "Waiting for approval" in home
    assert "Bina" not in home  # not even the child's name while the link waits
    assert auth.client.get(f"/guardian/children/{world['student_a2'].id}").status_code == 404


def test_admin_sees_own_school_counts(auth, world):
    auth.sign_in("admin_a")
    html = auth.client.get("/admin/").get_data(as_text=True)
    assert "Sunrise Public School" in html
    assert "Riverside School" not in html
    assert "7A Mathematics" in html and "7 Mathematics<" not in html


def test_platform_admin_sees_every_school(auth, world):
    auth.sign_in("platform_admin")
    html = auth.client.get("/admin/").get_data(as_text=True)
    assert "Sunrise Public School" in html and "Riverside School" in html


@pytest.mark.parametrize("username, path, most", [
    # Every page: the actor, the user, the unread notifications in the header.
    ("student_a", "/student/", 8),   # + next lessons, badges, achievements, assignments due, classes
    ("teacher_a", "/teacher/", 5),   # + classes, rosters
    ("guardian_a", "/guardian/", 4),  # + links with children
    ("admin_a", "/admin/", 5),       # + counts, classes
])
def test_home_pages_issue_a_fixed_number_of_queries(auth, world, username, path, most):
    auth.sign_in(username)
    with count_queries() as counted:
        assert auth.client.get(path).status_code == 200
    statements = page_statements(counted)
    assert len(statements) == most, statements


def page_statements(counted):
    """The statements a page ran, without the savepoints that stand in for its transaction in tests."""
    return [query.msg[0] for query in counted.get_queries()
            if not query.msg[0].startswith(("SAVEPOINT", "RELEASE SAVEPOINT", "ROLLBACK TO SAVEPOINT"))]
