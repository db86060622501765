"""A teacher runs a class: create and edit it, enroll students, change their status,
link courses, import a roster from CSV and print login cards."""
import html as html_lib
import io
import re

import pytest
from playhouse.test_utils import count_queries

from spark import rosters
from spark.db import set_acting_context
from spark.models import ClassCourse, Course, Enrollment, Profile, SchoolClass, User
from spark.models.enums import EnrollmentStatus, Role
from spark.passwords import check_new_password, verify_password
from tests.conftest import csrf_token
from tests.factories import make_user
from tests.test_access import page_statements

HTMX = {"HX-Request": "true"}


def as_system():
    """Act as the system again in the test's transaction (a request leaves its user's context set)."""
    set_acting_context(role="SYSTEM")


def class_pages(class_id):
    """Every GET page of a class."""
    return [f"/teacher/classes/{class_id}", f"/teacher/classes/{class_id}/edit",
            f"/teacher/classes/{class_id}/students/add?q=an", f"/teacher/classes/{class_id}/import",
            f"/teacher/classes/{class_id}/courses", f"/teacher/classes/{class_id}/insight"]


def class_posts(class_id):
    """Every POST action of a class, with a harmless body."""
    return [(f"/teacher/classes/{class_id}/edit", {"name": "X"}),
            (f"/teacher/classes/{class_id}/archive", {"active": "0"}),
            (f"/teacher/classes/{class_id}/students/add", {"student_id": "00000000-0000-0000-0000-000000000000"}),
            (f"/teacher/classes/{class_id}/import", {}),
            (f"/teacher/classes/{class_id}/import/confirm", {"content": "name,grade\nA B,7"}),
            (f"/teacher/classes/{class_id}/courses", {"course_id": "00000000-0000-0000-0000-000000000000"}),
            (f"/teacher/classes/{class_id}/courses/00000000-0000-0000-0000-000000000000/remove", {})]


def post(auth, path, data=None, headers=None, page="/teacher/", **kwargs):
    """POST with a CSRF token taken from a page the signed-in user may open."""
    token = csrf_token(auth.client.get(page))
    return auth.client.post(path, data={"csrf_token": token, **(data or {})}, headers=headers or {}, **kwargs)


# --- Access -------------------------------------------------------------------------------------


@pytest.mark.parametrize("username, expected", [
    ("teacher_a", 200), ("teacher_a2", 404), ("teacher_b", 404),
    ("student_a", 403), ("guardian_a", 403), ("admin_a", 403), ("platform_admin", 403),
])
def test_class_pages_open_only_for_the_class_teacher(auth, world, username, expected):
    auth.sign_in(username)
    for path in class_pages(world.classes["maths_a"].id) + ["/teacher/classes/new"]:
        if path.endswith("/new") and expected == 404:
            continue  # any teacher may create a class
        assert auth.client.get(path).status_code == expected, path


@pytest.mark.parametrize("username, expected", [("teacher_a2", 404), ("teacher_b", 404)])
def test_other_teachers_cannot_change_the_class(auth, world, username, expected):
    auth.sign_in(username)
    school_class = world.classes["maths_a"]
    for path, data in class_posts(school_class.id):
        assert post(auth, path, data).status_code == expected, path
    as_system()
    enrollment = Enrollment.get(Enrollment.school_class == school_class.id)
    assert post(auth, f"/teacher/classes/{school_class.id}/enrollments/{enrollment.id}/status",
                {"status": "DROPPED"}).status_code == 404
    as_system()
    assert SchoolClass.get_by_id(school_class.id).is_active
    assert Enrollment.get_by_id(enrollment.id).status == EnrollmentStatus.ACTIVE


def test_anonymous_is_sent_to_sign_in(client, world):
    for path in class_pages(world.classes["maths_a"].id):
        response = client.get(path)
        assert response.status_code == 302 and "/sign-in" in response.headers["Location"]


@pytest.mark.parametrize("path", [
    "/teacher/classes/not-a-uuid/insight", "/teacher/classes/1234/edit", "/teacher/classes/xyz/courses",
    "/teacher/classes/{cls}/enrollments/not-a-uuid/status", "/teacher/classes/{cls}/insight?quiz=nope",
])
def test_malformed_ids_are_not_found(auth, world, path):
    auth.sign_in("teacher_a")
    path = path.format(cls=world.classes["maths_a"].id)
    response = post(auth, path) if path.endswith("/status") else auth.client.get(path)
    assert response.status_code == 404


def test_enrollment_of_another_class_is_not_found(auth, world):
    auth.sign_in("teacher_a")
    as_system()
    other = Enrollment.get(Enrollment.school_class == world.classes["science_a"].id)
    response = post(auth, f"/teacher/classes/{world.classes['maths_a'].id}/enrollments/{other.id}/status",
                    {"status": "DROPPED"})
    assert response.status_code == 404


# --- Classes ------------------------------------------------------------------------------------


def test_teacher_creates_a_class_in_their_school(auth, world):
    auth.sign_in("teacher_a")
    response = post(auth, "/teacher/classes/new", {"name": "8C Science", "subject": "Science", "grade": "8",
                                                    "section": "C", "academic_year": "2026-27",
                                                    "max_students": "35"})
    assert response.status_code == 303
    made = SchoolClass.get(SchoolClass.name == "8C Science")
    assert (made.teacher_id, made.school_id, made.grade, made.max_students, made.section) == (
        world["teacher_a"].id, world.schools["a"].id, 8, 35, "C")
    assert "8C Science" in auth.client.get("/teacher/").get_data(as_text=True)


@pytest.mark.parametrize("field, value, message", [
    ("grade", "5", "Not a valid choice"),
    ("grade", "13", "Not a valid choice"),
    ("name", "", "Enter a name."),
    ("academic_year", "2026", "Write it like 2026-27."),
    ("max_students", "0", "Use a number from 1 to 200."),
    ("max_students", "many", "Not a valid integer value"),
])
def test_class_form_refuses_bad_values(auth, world, field, value, message):
    auth.sign_in("teacher_a")
    data = {"name": "9A", "subject": "Maths", "grade": "9", "max_students": "40", field: value}
    response = post(auth, "/teacher/classes/new", data)
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert not SchoolClass.select().where(SchoolClass.name == "9A").exists()


def test_limit_cannot_go_below_the_active_students(auth, world):
    auth.sign_in("teacher_a")
    school_class = world.classes["maths_a"]
    response = post(auth, f"/teacher/classes/{school_class.id}/edit",
                    {"name": "7A Maths", "subject": "Mathematics", "grade": "7", "max_students": "1"})
    assert response.status_code == 422
    assert "2 students are active" in response.get_data(as_text=True)
    assert SchoolClass.get_by_id(school_class.id).name == "7A Mathematics"
    response = post(auth, f"/teacher/classes/{school_class.id}/edit",
                    {"name": "7A Maths", "subject": "Mathematics", "grade": "7", "max_students": "2"})
    assert response.status_code == 303
    assert SchoolClass.get_by_id(school_class.id).name == "7A Maths"


def test_archive_and_bring_back(auth, world):
    auth.sign_in("teacher_a")
    school_class = world.classes["maths_a"]
    for _ in range(2):  # twice is the same as once
        assert post(auth, f"/teacher/classes/{school_class.id}/archive", {"active": "0"}).status_code == 303
    assert not SchoolClass.get_by_id(school_class.id).is_active
    response = post(auth, f"/teacher/classes/{school_class.id}/students/add",
                    {"student_id": str(world["student_a3"].id)}, follow_redirects=True)
    assert "archived" in response.get_data(as_text=True)
    assert post(auth, f"/teacher/classes/{school_class.id}/archive", {"active": "1"}).status_code == 303
    assert SchoolClass.get_by_id(school_class.id).is_active


# --- Search and enroll --------------------------------------------------------------------------


def test_search_finds_students_of_the_school_only(auth, world):
    auth.sign_in("teacher_a")
    base = f"/teacher/classes/{world.classes['maths_a'].id}/students/add"
    html = auth.client.get(base + "?q=CHET").get_data(as_text=True)
    assert "Chetan Rao" in html and "@student_a3" in html
    assert "Dev Singh" not in auth.client.get(base + "?q=dev").get_data(as_text=True)
    assert "No student of your school matches" in auth.client.get(base + "?q=dev").get_data(as_text=True)
    assert "Tara" not in auth.client.get(base + "?q=tara").get_data(as_text=True)  # teachers are not students
    assert "Old Student" not in auth.client.get(base + "?q=old").get_data(as_text=True)  # switched off
    assert "Type at least two letters" in auth.client.get(base + "?q=c").get_data(as_text=True)
    # a username, and the class's own students marked as such
    html = auth.client.get(base + "?q=student_a").get_data(as_text=True)
    assert "In this class" in html and "Chetan Rao" in html


def test_search_treats_wildcards_as_letters(auth, world):
    auth.sign_in("teacher_a")
    html = auth.client.get(f"/teacher/classes/{world.classes['maths_a'].id}/students/add?q=%25%25").get_data(
        as_text=True)
    assert "Chetan" not in html and "Anil" not in html


def test_search_with_htmx_returns_only_the_results(auth, world):
    auth.sign_in("teacher_a")
    response = auth.client.get(f"/teacher/classes/{world.classes['maths_a'].id}/students/add?q=chet", headers=HTMX)
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "Chetan Rao" in html
    assert "<html" not in html and 'role="search"' not in html
    assert "HX-Request" in response.headers["Vary"]


def test_search_function_is_for_staff_only(app_conn, world):
    cursor = app_conn.cursor()
    for role, user in (("STUDENT", "student_a"), ("GUARDIAN", "guardian_a")):
        cursor.execute("SELECT set_config('spark.user_id', %s, true), set_config('spark.role', %s, true),"
                       " set_config('spark.school_id', %s, true)",
                       (str(world[user].id), role, str(world.schools["a"].id)))
        cursor.execute("SELECT count(*) FROM spark_school_students_search('a', 50)")
        assert cursor.fetchone()[0] == 0
        cursor.execute("SELECT count(*) FROM spark_identifiers_taken(ARRAY['student_a'])")
        assert cursor.fetchone()[0] == 0
    cursor.execute("SELECT set_config('spark.user_id', %s, true), set_config('spark.role', 'TEACHER', true),"
                   " set_config('spark.school_id', %s, true)", (str(world["teacher_a"].id), str(world.schools["a"].id)))
    cursor.execute("SELECT username FROM spark_school_students_search('student', 50)")
    assert {row[0] for row in cursor.fetchall()} == {"student_a", "student_a2", "student_a3"}
    cursor.execute("SELECT * FROM spark_identifiers_taken(ARRAY['STUDENT_B', 'anil@example.org', 'nobody-here'])")
    assert {row[0] for row in cursor.fetchall()} == {"student_b", "anil@example.org"}


def test_teacher_enrolls_a_student_of_the_school(auth, world):
    auth.sign_in("teacher_a")
    school_class = world.classes["maths_a"]
    for _ in range(2):  # a second click changes nothing
        response = post(auth, f"/teacher/classes/{school_class.id}/students/add",
                        {"student_id": str(world["student_a3"].id), "q": "chet"})
        assert response.status_code == 303 and "q=chet" in response.headers["Location"]
    rows = list(Enrollment.select().where((Enrollment.school_class == school_class.id)
                                          & (Enrollment.student == world["student_a3"].id)))
    assert [row.status for row in rows] == [EnrollmentStatus.ACTIVE]
    assert "Chetan Rao" in auth.client.get(f"/teacher/classes/{school_class.id}").get_data(as_text=True)


def test_another_schools_student_cannot_be_enrolled(auth, world):
    auth.sign_in("teacher_a")
    school_class = world.classes["maths_a"]
    response = post(auth, f"/teacher/classes/{school_class.id}/students/add",
                    {"student_id": str(world["student_b"].id)}, follow_redirects=True)
    assert "could not find that student" in response.get_data(as_text=True)
    assert not Enrollment.select().where((Enrollment.school_class == school_class.id)
                                         & (Enrollment.student == world["student_b"].id)).exists()
    assert post(auth, f"/teacher/classes/{school_class.id}/students/add", {"student_id": "nope"}).status_code == 404


def test_full_class_refuses_another_student(auth, world):
    auth.sign_in("teacher_a")
    school_class = world.classes["maths_a"]
    SchoolClass.update(max_students=2).where(SchoolClass.id == school_class.id).execute()
    response = post(auth, f"/teacher/classes/{school_class.id}/students/add",
                    {"student_id": str(world["student_a3"].id)}, follow_redirects=True)
    assert "This class is full (2 students)" in response.get_data(as_text=True)
    assert not Enrollment.select().where((Enrollment.school_class == school_class.id)
                                         & (Enrollment.student == world["student_a3"].id)).exists()


def test_dropped_student_is_reactivated_not_enrolled_twice(auth, world):
    auth.sign_in("teacher_a")
    school_class = world.classes["maths_a"]
    enrollment = Enrollment.get((Enrollment.school_class == school_class.id)
                                & (Enrollment.student == world["student_a2"].id))
    Enrollment.update(status="DROPPED").where(Enrollment.id == enrollment.id).execute()
    html = auth.client.get(f"/teacher/classes/{school_class.id}/students/add?q=bina").get_data(as_text=True)
    assert "Add back (was Dropped)" in html
    post(auth, f"/teacher/classes/{school_class.id}/students/add", {"student_id": str(world["student_a2"].id)})
    rows = list(Enrollment.select().where((Enrollment.school_class == school_class.id)
                                          & (Enrollment.student == world["student_a2"].id)))
    assert [(row.id, row.status) for row in rows] == [(enrollment.id, EnrollmentStatus.ACTIVE)]


# --- Enrollment status --------------------------------------------------------------------------


def enrollment_of(world, username, class_key="maths_a"):
    return Enrollment.get((Enrollment.school_class == world.classes[class_key].id)
                          & (Enrollment.student == world[username].id))


def test_status_change_without_javascript_redirects_to_the_roster(auth, world):
    auth.sign_in("teacher_a")
    enrollment = enrollment_of(world, "student_a2")
    path = f"/teacher/classes/{enrollment.class_id}/enrollments/{enrollment.id}/status"
    response = post(auth, path, {"status": "COMPLETED"})
    assert response.status_code == 303
    assert Enrollment.get_by_id(enrollment.id).status == "COMPLETED"
    html = auth.client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Bina Das is now “Completed”" in html


def test_status_change_with_htmx_swaps_the_row(auth, world):
    auth.sign_in("teacher_a")
    enrollment = enrollment_of(world, "student_a2")
    path = f"/teacher/classes/{enrollment.class_id}/enrollments/{enrollment.id}/status"
    response = post(auth, path, {"status": "INACTIVE"}, headers=HTMX)
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert html.strip().startswith(f'<tr id="enrollment-{enrollment.id}"')
    assert '<option value="INACTIVE" selected>' in html and "Saved" in html and "<html" not in html
    assert Enrollment.get_by_id(enrollment.id).status == "INACTIVE"


@pytest.mark.parametrize("headers", [{}, HTMX])
def test_unknown_status_is_refused(auth, world, headers):
    auth.sign_in("teacher_a")
    enrollment = enrollment_of(world, "student_a2")
    response = post(auth, f"/teacher/classes/{enrollment.class_id}/enrollments/{enrollment.id}/status",
                    {"status": "EXPELLED"}, headers=headers)
    assert response.status_code == 422
    assert "Choose one of the statuses offered." in response.get_data(as_text=True)
    assert Enrollment.get_by_id(enrollment.id).status == "ACTIVE"


@pytest.mark.parametrize("headers", [{}, HTMX])
def test_reactivating_in_a_full_class_is_refused(auth, world, headers):
    auth.sign_in("teacher_a")
    enrollment = enrollment_of(world, "student_a2")
    Enrollment.update(status="INACTIVE").where(Enrollment.id == enrollment.id).execute()
    SchoolClass.update(max_students=1).where(SchoolClass.id == enrollment.class_id).execute()
    response = post(auth, f"/teacher/classes/{enrollment.class_id}/enrollments/{enrollment.id}/status",
                    {"status": "ACTIVE"}, headers=headers)
    assert response.status_code == 422
    assert "This class is full" in response.get_data(as_text=True)
    assert Enrollment.get_by_id(enrollment.id).status == "INACTIVE"


# --- Courses ------------------------------------------------------------------------------------


def make_course(title, school=None, published=True, grade=7, subject="Mathematics"):
    return Course.create(title=title, subject=subject, grade=grade, difficulty="EASY", is_published=published,
                         school=school)


def test_link_and_unlink_courses(auth, world):
    platform = make_course("Spark Fractions")
    own = make_course("Our Geometry", school=world.schools["a"], grade=9)
    hidden = make_course("Draft", school=world.schools["a"], published=False)
    foreign = make_course("Their Algebra", school=world.schools["b"])
    auth.sign_in("teacher_a")
    school_class = world.classes["maths_a"]
    page = auth.client.get(f"/teacher/classes/{school_class.id}/courses").get_data(as_text=True)
    assert "Spark Fractions" in page and "Our Geometry" in page
    assert "Draft" not in page and "Their Algebra" not in page
    for course in (platform, own, platform):
        assert post(auth, f"/teacher/classes/{school_class.id}/courses", {"course_id": str(course.id)}).status_code == 303
    for course in (hidden, foreign):
        response = post(auth, f"/teacher/classes/{school_class.id}/courses", {"course_id": str(course.id)},
                        follow_redirects=True)
        assert "We could not find that course." in response.get_data(as_text=True)
    linked = {row.course_id for row in ClassCourse.select().where(ClassCourse.school_class == school_class.id)}
    assert linked == {platform.id, own.id}
    post(auth, f"/teacher/classes/{school_class.id}/courses/{platform.id}/remove")
    linked = {row.course_id for row in ClassCourse.select().where(ClassCourse.school_class == school_class.id)}
    assert linked == {own.id}


# --- Roster import ------------------------------------------------------------------------------

GOOD_CSV = ("\ufeffName,Grade,Email,Guardian Contact\n"
            "Aarav Śarmā,7,,98765 43210\n"
            "अनन्या सिंह,7,ananya@example.org,\n"
            "Meera Iyer,8,,\n").encode("utf-8")


def upload(auth, school_class, data, filename="roster.csv"):
    page = auth.client.get(f"/teacher/classes/{school_class.id}/import")
    return auth.client.post(f"/teacher/classes/{school_class.id}/import",
                            data={"csrf_token": csrf_token(page), "roster": (io.BytesIO(data), filename)},
                            content_type="multipart/form-data")


def confirm(auth, school_class, preview):
    html = preview.get_data(as_text=True)
    content = re.search(r'<textarea name="content" hidden>(.*?)</textarea>', html, re.S).group(1)
    return auth.client.post(f"/teacher/classes/{school_class.id}/import/confirm",
                            data={"csrf_token": csrf_token(preview), "content": html_lib.unescape(content)})


def student_count():
    as_system()
    return User.select().where(User.role == Role.STUDENT).count()


def test_roster_import_creates_accounts_and_prints_cards_once(auth, world):
    make_user("aarav.s", Role.STUDENT, world.schools["b"], "Aarav Somebody")  # another school has this name
    auth.sign_in("teacher_a")
    school_class = world.classes["maths_a"]
    preview = upload(auth, school_class, GOOD_CSV)
    html = preview.get_data(as_text=True)
    assert preview.status_code == 200
    assert "3 students are ready to be created" in html and "अनन्या सिंह" in html
    before = student_count()
    assert before == student_count()  # nothing created by the check
    cards = confirm(auth, school_class, preview)
    html = cards.get_data(as_text=True)
    assert cards.status_code == 200
    assert "aarav.s2" in html and "student7-001" in html and "meera.i" in html
    assert "Sunrise Public School" in html and "http://localhost/sign-in" in html and "98765 43210" in html
    assert cards.headers["Cache-Control"] == "private, no-store"
    passwords = re.findall(r"<dt>Password</dt><dd><code>([^<]+)</code>", html)
    usernames = re.findall(r"<dt>Username</dt><dd><code>([^<]+)</code>", html)
    assert len(passwords) == 3 and len(set(passwords)) == 3
    assert student_count() == before + 3
    for username, password in zip(usernames, passwords):
        user = User.get(User.username == username)
        assert user.school_id == world.schools["a"].id and user.role == Role.STUDENT
        assert verify_password(user.password_hash, password)
        assert password not in user.password_hash
        assert Enrollment.get((Enrollment.student == user.id) & (Enrollment.school_class == school_class.id)).status == "ACTIVE"
    hindi = Profile.get(Profile.display_name == "अनन्या सिंह")
    assert hindi.grade == 7 and User.get_by_id(hindi.user_id).email == "ananya@example.org"
    # The roster shows them, and no page shows the passwords again.
    roster = auth.client.get(f"/teacher/classes/{school_class.id}").get_data(as_text=True)
    assert "Meera Iyer" in roster and not any(p in roster for p in passwords)


def test_sending_the_same_roster_twice_creates_nothing_more(auth, world):
    auth.sign_in("teacher_a")
    school_class = world.classes["maths_a"]
    preview = upload(auth, school_class, GOOD_CSV)
    assert confirm(auth, school_class, preview).status_code == 200
    before = student_count()
    again = confirm(auth, school_class, preview)
    assert again.status_code == 422
    html = again.get_data(as_text=True)
    assert "already in this class" in html and "Nothing was created" in html
    assert student_count() == before


@pytest.mark.parametrize("content, message", [
    ("nmae,grade\nAsha,7\n", "“nmae” is not one of them"),
    ("name,email\nAsha,a@b.org\n", "Missing: grade"),
    ("name,grade,name\nAsha,7,Asha\n", "is there twice"),
    ("", "This file is empty."),
    ("name,grade\n", "no students"),
])
def test_wrong_file_is_refused_as_a_whole(auth, world, content, message):
    auth.sign_in("teacher_a")
    before = student_count()
    response = upload(auth, world.classes["maths_a"], content.encode("utf-8"))
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert student_count() == before


def test_file_that_is_not_utf8_is_refused(auth, world):
    auth.sign_in("teacher_a")
    response = upload(auth, world.classes["maths_a"], "name,grade\nJosé,7\n".encode("latin-1"))
    assert response.status_code == 422 and "not UTF-8" in response.get_data(as_text=True)


def test_huge_files_are_refused_at_once(auth, world):
    auth.sign_in("teacher_a")
    many = "name,grade\n" + "".join(f"S{n} K,7\n" for n in range(10_000))
    response = upload(auth, world.classes["maths_a"], many.encode())
    assert response.status_code == 422 and "10000 rows or more" in response.get_data(as_text=True)
    big = b"name,grade\n" + b"A" * (rosters.MAX_BYTES + 10) + b",7\n"
    response = upload(auth, world.classes["maths_a"], big)
    assert response.status_code == 422 and "larger than 1 MB" in response.get_data(as_text=True)


def test_bad_rows_are_each_explained_and_nothing_is_created(auth, world):
    auth.sign_in("teacher_a")
    school_class = world.classes["maths_a"]
    content = ("name,grade,email\n"
               "Good Student,7,\n"
               ",7,\n"
               "Young One,5,\n"
               "Twice Here,7,\n"
               "twice  here,7,\n"
               "Anil Kumar,7,\n"
               "Bad Mail,7,not-an-email\n"
               "Taken Mail,7,ANIL@example.org\n"
               "No Grade,seven,\n")
    before = student_count()
    response = upload(auth, school_class, content.encode())
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    for message in ("The name is empty.", "The grade must be a number from 6 to 12.",
                    "The same name and grade as line 5.", "A student with this name is already in this class.",
                    "This is not an email address.", "This email already belongs to an account.",
                    "7 rows need fixing. Nothing was created."):
        assert message in html, message
    assert "import/confirm" not in html  # no button to create a roster with errors
    # Sent to the confirm step anyway (a crafted form): refused the same way.
    token = csrf_token(response)
    refused = auth.client.post(f"/teacher/classes/{school_class.id}/import/confirm",
                               data={"csrf_token": token, "content": content})
    assert refused.status_code == 422 and "The name is empty." in refused.get_data(as_text=True)
    assert student_count() == before


def test_roster_larger_than_the_free_places_is_refused(auth, world):
    auth.sign_in("teacher_a")
    school_class = world.classes["maths_a"]
    SchoolClass.update(max_students=3).where(SchoolClass.id == school_class.id).execute()
    before = student_count()
    response = upload(auth, school_class, b"name,grade\nOne A,7\nTwo B,7\n")
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "This class has room for 1 more students (its limit is 3); the file has 2." in html
    refused = auth.client.post(f"/teacher/classes/{school_class.id}/import/confirm",
                               data={"csrf_token": csrf_token(response), "content": "name,grade\nOne A,7\nTwo B,7\n"})
    assert refused.status_code == 422
    assert student_count() == before


def test_usernames_are_unique_within_the_file_and_across_spark(db, world):
    school_class = world.classes["maths_a"]
    make_user("ravi.k", Role.STUDENT, world.schools["b"], "Ravi Kumar")
    names = ["Ravi Kumar", "Ravi Khanna", "रवि", "सीता", "Al", "José Núñez"]
    assert rosters.choose_usernames(school_class, names) == [
        "ravi.k2", "ravi.k3", "student7-001", "student7-002", "student7-003", "jose.n"]


def test_one_time_passwords_are_readable_and_pass_the_rules():
    for _ in range(50):
        password = rosters.one_time_password("someone")
        check_new_password(password, "someone")
        assert re.fullmatch(r"[a-z]+-[a-z]+-\d\d", password)


# --- Query counts -------------------------------------------------------------------------------


def test_roster_page_queries_do_not_grow_with_the_class(auth, world):
    auth.sign_in("teacher_a")
    school_class = world.classes["maths_a"]
    path = f"/teacher/classes/{school_class.id}"
    with count_queries() as small:
        assert auth.client.get(path).status_code == 200
    as_system()
    for n in range(40):
        student = make_user(f"bulk_{n}", Role.STUDENT, world.schools["a"], f"Bulk Student {n}", grade=7)
        Enrollment.create(student=student, school_class=school_class)
    with count_queries() as large:
        html = auth.client.get(path).get_data(as_text=True)
    assert "Bulk Student 39" in html
    assert len(page_statements(small)) == len(page_statements(large)), page_statements(large)
