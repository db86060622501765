"""Assignments: teachers set them (school time zone, rules), students hand in text and files, files served safely."""
import io
import re
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest

from spark import assignments
from spark.accounts import utcnow
from spark.assignments import AssignmentInvalid, AssignmentValues, SubmissionRefused
from spark.db import set_acting_context
from spark.models import Assignment, AssignmentSubmission, Upload
from spark.models.enums import AssignmentType
from tests.conftest import csrf_token
from tests.test_uploads import JPEG, PDF, PNG

MB = 1024 * 1024


def make_assignment(world, class_key="maths_a", teacher_key="teacher_a", due_in=timedelta(days=3), **fields):
    """A published FILE/TEXT assignment of a class in `world`, due relative to now (the caller is SYSTEM)."""
    values = dict(title="Monsoon essay", description="Write about the monsoon.", due_date=utcnow() + due_in,
                  max_score=100, submission_type=AssignmentType.FILE,
                  allowed_file_types=["pdf", "jpg", "jpeg", "png", "txt"], max_file_size=MB,
                  is_published=True, late_submission_allowed=True, late_penalty=Decimal("10"))
    values.update(fields)
    return Assignment.create(school_class=world.classes[class_key], created_by=world[teacher_key], **values)


def hand_in(world, assignment, student_key, text="My essay", late=False, files=()):
    """A submission made directly (acting as SYSTEM)."""
    return AssignmentSubmission.create(assignment=assignment, student=world[student_key], content=text,
                                       file_urls=list(files), is_late=late,
                                       submitted_at=utcnow())


def values(**changes):
    base = dict(title="Essay", description="", due_local=datetime(2031, 1, 10, 17, 0), max_score=10,
                submission_type=AssignmentType.FILE, allowed_file_types=["pdf"], max_file_size=MB,
                late_submission_allowed=True, late_penalty=Decimal(10), is_published=True)
    base.update(changes)
    return AssignmentValues(**base)


# --- Domain rules ----------------------------------------------------------------------------------------


def test_due_date_is_entered_in_the_school_zone_and_stored_in_utc():
    due = assignments.validate_assignment(values(), "Asia/Kolkata", utcnow(), 20 * MB)
    assert due == datetime(2031, 1, 10, 11, 30, tzinfo=timezone.utc)
    assert assignments.utc_to_local(due, "Asia/Kolkata") == datetime(2031, 1, 10, 17, 0)


@pytest.mark.parametrize("changes, field", [
    ({"due_local": datetime(2020, 1, 1, 9, 0)}, "due_local"),
    ({"max_score": 0}, "max_score"),
    ({"max_score": 1000}, "max_score"),
    ({"late_penalty": Decimal("100.5")}, "late_penalty"),
    ({"late_penalty": Decimal("-1")}, "late_penalty"),
    ({"allowed_file_types": ["exe"]}, "allowed_file_types"),
    ({"allowed_file_types": []}, "allowed_file_types"),
    ({"max_file_size": 21 * MB}, "max_file_size"),
    ({"title": "  "}, "title"),
])
def test_bad_assignment_values_are_refused(changes, field):
    with pytest.raises(AssignmentInvalid) as refused:
        assignments.validate_assignment(values(**changes), "Asia/Kolkata", utcnow(), 20 * MB)
    assert field in refused.value.errors


def test_an_existing_assignment_may_keep_its_past_due_date():
    current = Assignment(due_date=datetime(2020, 1, 1, 3, 30, tzinfo=timezone.utc))
    due = assignments.validate_assignment(values(due_local=datetime(2020, 1, 1, 9, 0)), "Asia/Kolkata",
                                          utcnow(), 20 * MB, current=current)
    assert due == current.due_date
    with pytest.raises(AssignmentInvalid):  # but it may not be moved into the past
        assignments.validate_assignment(values(due_local=datetime(2020, 1, 2, 9, 0)), "Asia/Kolkata",
                                        utcnow(), 20 * MB, current=current)


@pytest.mark.parametrize("raw, penalty, final", [
    ("80", "10", "72.00"), ("80", "0", "80.00"), ("7.5", "15", "6.38"), ("10", "100", "0.00"),
    ("99.99", "33.33", "66.66"), ("0", "50", "0.00"), ("1", "12.5", "0.88"),
])
def test_late_penalty_is_a_percentage_of_the_raw_score_rounded_half_up(raw, penalty, final):
    assert assignments.apply_late_penalty(Decimal(raw), Decimal(penalty)) == Decimal(final)


# --- Teacher pages ---------------------------------------------------------------------------------------


def form_data(page, world, **changes):
    data = {"csrf_token": csrf_token(page), "class_id": str(world.classes["maths_a"].id), "title": "Fractions worksheet",
            "description": "Do questions 1-10.", "due_local": (datetime.now() + timedelta(days=5)).strftime("%Y-%m-%dT%H:%M"),
            "max_score": "20", "submission_type": "FILE", "allowed_file_types": ["pdf", "png"],
            "max_file_size_mb": "5", "late_submission_allowed": "y", "late_penalty": "10", "is_published": "y"}
    data.update(changes)
    return data


def test_a_teacher_sets_an_assignment_in_school_time(client, auth, world):
    auth.sign_in("teacher_a")
    page = client.get("/teacher/assignments/new")
    assert page.status_code == 200
    due = datetime.now() + timedelta(days=5)
    response = client.post("/teacher/assignments/new", data=form_data(page, world, due_local=due.strftime("%Y-%m-%dT%H:%M")))
    assert response.status_code == 302
    made = Assignment.get(Assignment.title == "Fractions worksheet")
    assert made.max_score == 20 and made.max_file_size == 5 * MB and made.allowed_file_types == ["pdf", "png"]
    tz = world.schools["a"].timezone
    assert assignments.utc_to_local(made.due_date, tz) == due.replace(second=0, microsecond=0)
    assert client.get(response.location).status_code == 200
    listing = client.get("/teacher/assignments").get_data(as_text=True)
    assert "Fractions worksheet" in listing


@pytest.mark.parametrize("changes, message", [
    ({"due_local": "2020-01-01T09:00"}, "in the past"),
    ({"max_score": "0"}, "between 1 and 999"),
    ({"late_penalty": "150"}, "from 0 to 100"),
    ({"max_file_size_mb": "500"}, "file size limit"),
    ({"allowed_file_types": ["exe"]}, "not a valid choice"),
    ({"title": ""}, "title"),
    ({"due_local": "tomorrow"}, ""),
])
def test_bad_assignment_forms_come_back_with_the_reason(client, auth, world, changes, message):
    auth.sign_in("teacher_a")
    page = client.get("/teacher/assignments/new")
    before = Assignment.select().count()
    response = client.post("/teacher/assignments/new", data=form_data(page, world, **changes))
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    assert Assignment.select().count() == before


def test_a_teacher_cannot_set_work_for_another_teachers_class(client, auth, world):
    auth.sign_in("teacher_a")
    page = client.get("/teacher/assignments/new")
    response = client.post("/teacher/assignments/new",
                           data=form_data(page, world, class_id=str(world.classes["science_a"].id)))
    assert response.status_code == 422  # not one of the choices
    assert not Assignment.select().where(Assignment.title == "Fractions worksheet").exists()


def test_editing_keeps_a_past_due_date_and_changes_the_rest(client, auth, world, db):
    assignment = make_assignment(world, due_in=-timedelta(days=1))
    auth.sign_in("teacher_a")
    page = client.get(f"/teacher/assignments/{assignment.id}/edit")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    local_due = re.search(r'name="due_local"[^>]*value="([^"]+)"', html) or re.search(r'value="([^"]+)"[^>]*name="due_local"', html)
    data = form_data(page, world, title="Monsoon essay (longer)", due_local=local_due.group(1))
    response = client.post(f"/teacher/assignments/{assignment.id}/edit", data=data)
    assert response.status_code == 302
    assert Assignment.get_by_id(assignment.id).title == "Monsoon essay (longer)"


@pytest.mark.parametrize("who, status", [("teacher_a2", 404), ("teacher_b", 404), ("student_a", 403),
                                         ("guardian_a", 403), ("admin_a", 403)])
def test_other_teachers_get_404_and_other_roles_403(client, auth, world, db, who, status):
    assignment = make_assignment(world)
    auth.sign_in(who)
    for url in (f"/teacher/assignments/{assignment.id}/edit", f"/teacher/assignments/{assignment.id}/submissions"):
        assert client.get(url).status_code == status
    assert client.get("/teacher/assignments/not-a-uuid/edit").status_code in (403, 404)


# --- Students hand in ------------------------------------------------------------------------------------


def test_students_see_published_assignments_of_their_classes_with_a_status(client, auth, world, db):
    due = make_assignment(world, title="Due one")
    make_assignment(world, title="Hidden draft", is_published=False)
    make_assignment(world, class_key="science_a", teacher_key="teacher_a2", title="Other class")
    graded = make_assignment(world, title="Graded one")
    hand_in(world, graded, "student_a")
    AssignmentSubmission.update(score=Decimal("8"), feedback="Good work").where(
        AssignmentSubmission.assignment == graded.id).execute()
    auth.sign_in("student_a")
    html = client.get("/student/assignments").get_data(as_text=True)
    assert "Due one" in html and "Not handed in" in html
    assert "Graded one" in html and "Graded: 8 / 100" in html and "Good work" in html
    assert "Hidden draft" not in html and "Other class" not in html
    assert "Due one" in client.get("/student/").get_data(as_text=True)  # home: due soon
    assert client.get(f"/student/assignments/{due.id}").status_code == 200


def test_other_students_assignments_are_404(client, auth, world, db):
    other = make_assignment(world, class_key="science_a", teacher_key="teacher_a2")
    draft = make_assignment(world, is_published=False)
    auth.sign_in("student_a")
    assert client.get(f"/student/assignments/{other.id}").status_code == 404
    assert client.get(f"/student/assignments/{draft.id}").status_code == 404
    auth.sign_out()
    auth.sign_in("teacher_a")
    assert client.get("/student/assignments").status_code == 403


def post_hand_in(client, assignment, text="My essay", files=(), headers=None):
    page = client.get(f"/student/assignments/{assignment.id}")
    data = {"csrf_token": csrf_token(page), "content": text,
            "files": [(io.BytesIO(content), name) for content, name in files]}
    return client.post(f"/student/assignments/{assignment.id}", data=data, content_type="multipart/form-data",
                       headers=headers or {})


def test_handing_in_again_replaces_the_work_in_one_row(client, auth, world, db):
    assignment = make_assignment(world)
    auth.sign_in("student_a")
    assert post_hand_in(client, assignment, "First", [(PDF, "essay.pdf")]).status_code == 302
    first = AssignmentSubmission.get(AssignmentSubmission.assignment == assignment.id)
    assert first.is_late is False and first.content == "First" and len(first.file_urls) == 1
    assert post_hand_in(client, assignment, "Second", [(PNG, "photo.png"), (PNG, "same.png")]).status_code == 302
    assert post_hand_in(client, assignment, "Third").status_code == 302  # a replay without files keeps them
    rows = list(AssignmentSubmission.select().where(AssignmentSubmission.assignment == assignment.id))
    assert len(rows) == 1
    (row,) = rows
    assert row.content == "Third" and row.version == first.version + 2
    assert len(row.file_urls) == 1  # the same picture twice is kept once
    current = Upload.select().where((Upload.assignment_submission == row.id) & Upload.replaced_at.is_null())
    assert [u.key for u in current] == row.file_urls
    old = Upload.get(Upload.key == first.file_urls[0])
    assert old.replaced_at is not None  # kept as history
    page = client.get(f"/student/assignments/{assignment.id}").get_data(as_text=True)
    assert "photo.png" in page and "essay.pdf" not in page


def test_late_work_is_marked_late_by_the_server(client, auth, world, db):
    assignment = make_assignment(world, due_in=-timedelta(hours=1), submission_type=AssignmentType.TEXT)
    auth.sign_in("student_a")
    assert "Overdue" in client.get("/student/assignments").get_data(as_text=True)
    assert post_hand_in(client, assignment, "Sorry, late").status_code == 302
    assert AssignmentSubmission.get(AssignmentSubmission.assignment == assignment.id).is_late is True
    assert "Handed in late" in client.get("/student/assignments").get_data(as_text=True)


def test_late_work_is_refused_when_the_assignment_does_not_take_it(client, auth, world, db):
    assignment = make_assignment(world, due_in=-timedelta(hours=1), late_submission_allowed=False)
    auth.sign_in("student_a")
    assert "does not take late work" in client.get(f"/student/assignments/{assignment.id}").get_data(as_text=True)
    page = client.get(f"/student/assignments/{assignment.id}")
    response = client.post(f"/student/assignments/{assignment.id}",
                           data={"csrf_token": csrf_token(client.get('/student/assignments')), "content": "Late"})
    assert response.status_code == 422 and page.status_code == 200
    assert not AssignmentSubmission.select().where(AssignmentSubmission.assignment == assignment.id).exists()


def test_graded_work_cannot_be_handed_in_again(world, db, app):
    assignment = make_assignment(world, submission_type=AssignmentType.TEXT)
    submission = hand_in(world, assignment, "student_a")
    AssignmentSubmission.update(score=5).where(AssignmentSubmission.id == submission.id).execute()
    student = world["student_a"]
    with app.test_request_context():
        set_acting_context(student.id, "STUDENT", student.school_id)
        with pytest.raises(SubmissionRefused):
            assignments.submit_assignment(student, assignment, "again", [], utcnow(), 20 * MB)


@pytest.mark.parametrize("files, reason", [
    ([(b"MZ\x90\x00" + b"\x00" * 64, "essay.pdf")], "program"),
    ([(b"<html><script>alert(1)</script></html>", "essay.txt")], "scripts"),
    ([(PNG, "essay.pdf")], "renamed"),
    ([(b"", "essay.pdf")], "empty"),
    ([(PDF, "essay.docx")], "not accepted"),
    ([(JPEG, "../../photo.jpg")], ""),  # the browser-side test client strips paths; the name check is in test_uploads
])
def test_upload_attacks_through_the_page_are_refused_with_the_reason(client, auth, world, db, files, reason):
    assignment = make_assignment(world)
    auth.sign_in("student_a")
    response = post_hand_in(client, assignment, "x", files)
    if reason:
        assert response.status_code == 422
        assert reason in response.get_data(as_text=True)
        assert not AssignmentSubmission.select().where(AssignmentSubmission.assignment == assignment.id).exists()
        assert not Upload.select().where(Upload.owner == world["student_a"].id).exists()


def test_a_file_name_with_a_path_is_refused_through_the_page(client, auth, world, db):
    assignment = make_assignment(world)
    auth.sign_in("student_a")
    page = client.get(f"/student/assignments/{assignment.id}")
    body = (b"--B\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n" + csrf_token(page).encode()
            + b"\r\n--B\r\nContent-Disposition: form-data; name=\"files\"; filename=\"..\\\\..\\\\win.pdf\"\r\n"
            b"Content-Type: application/pdf\r\n\r\n" + PDF + b"\r\n--B--\r\n")
    response = client.post(f"/student/assignments/{assignment.id}", data=body,
                           content_type="multipart/form-data; boundary=B")
    assert response.status_code == 422
    assert "folder path" in response.get_data(as_text=True)


def test_an_oversized_upload_is_refused_before_it_is_read(client, auth, world, db):
    assignment = make_assignment(world, max_file_size=1000)
    auth.sign_in("student_a")
    big = PDF + b"%" * 200_000  # over the assignment's limit × files + form room
    response = post_hand_in(client, assignment, "x", [(big, "essay.pdf")])
    assert response.status_code == 422
    assert "too big" in response.get_data(as_text=True)
    small_but_over = PDF + b"%" * 2000  # within the request allowance, over the per-file limit: refused while streaming
    response = post_hand_in(client, assignment, "x", [(small_but_over, "essay.pdf")])
    assert response.status_code == 422 and "too big" in response.get_data(as_text=True)
    assert not AssignmentSubmission.select().where(AssignmentSubmission.assignment == assignment.id).exists()


def test_a_body_over_the_app_limit_gets_the_friendly_413(client, auth, world, db, app):
    assignment = make_assignment(world)
    auth.sign_in("student_a")
    huge = b"%" * (app.config["MAX_CONTENT_LENGTH"] + 1)
    response = post_hand_in(client, assignment, "x", [(huge, "essay.pdf")])
    assert response.status_code in (413, 422)
    assert "too big" in response.get_data(as_text=True)


# --- Serving files ---------------------------------------------------------------------------------------


@pytest.fixture
def handed_in_file(client, auth, world, db):
    """student_a hands in a PDF for a 7A Mathematics assignment; returns the file's URL."""
    assignment = make_assignment(world)
    auth.sign_in("student_a")
    assert post_hand_in(client, assignment, "See file", [(PDF, "मेरा निबंध final.pdf")]).status_code == 302
    auth.sign_out()
    key = AssignmentSubmission.get(AssignmentSubmission.assignment == assignment.id).file_urls[0]
    return f"/files/{key}"


@pytest.mark.parametrize("who, status", [
    ("student_a", 200), ("teacher_a", 200), ("admin_a", 200), ("guardian_a", 200),
    ("student_a2", 404), ("teacher_a2", 404), ("teacher_b", 404), ("admin_b", 404), ("guardian_pending", 404),
    ("platform_admin", 404),
])
def test_files_are_served_only_to_the_student_teacher_admins_and_approved_guardians(client, auth, handed_in_file,
                                                                                    who, status):
    auth.sign_in(who)
    response = client.get(handed_in_file)
    assert response.status_code == status
    if status == 200:
        assert response.data == PDF
        assert response.headers["Content-Type"] == "application/pdf"
        disposition = response.headers["Content-Disposition"]
        assert disposition.startswith("attachment;") and "final.pdf" in disposition
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert "sandbox" in response.headers["Content-Security-Policy"]
        assert "no-store" in response.headers["Cache-Control"]


def test_files_need_sign_in_and_a_real_key(client, auth, handed_in_file):
    assert client.get(handed_in_file).status_code == 302  # to sign in
    auth.sign_in("student_a")
    assert client.get("/files/not-a-key").status_code == 404
    assert client.get("/files/" + "A" * 43).status_code == 404
    assert client.get("/files/..%2F..%2Fsecret_key").status_code == 404
