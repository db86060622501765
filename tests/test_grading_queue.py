"""In-page grading: assignments graded row by row (htmx and plain forms), stale saves refused, essays queued."""
import uuid
from datetime import timedelta
from decimal import Decimal

import pytest
from playhouse.test_utils import count_queries

from spark import assignments, quizzes
from spark.accounts import utcnow
from spark.db import as_system, database
from spark.models import (AssignmentSubmission, AuditLog, Enrollment, Profile, RewardLedger, Submission,
                          SubmissionAnswer, UserNotification)
from spark.models.enums import Role, SubmissionStatus
from tests import factories
from tests.concurrency import run_at_once
from tests.conftest import csrf_token
from tests.test_access import page_statements
from tests.test_assignments import hand_in, make_assignment

HTMX = {"HX-Request": "true"}


def grade_url(assignment, submission):
    return f"/teacher/assignments/{assignment.id}/submissions/{submission.id}/grade"


def page_url(assignment):
    return f"/teacher/assignments/{assignment.id}/submissions"


def post_grade(client, assignment, submission, score, feedback="", version=None, headers=None, next_=False):
    page = client.get(page_url(assignment))
    data = {"csrf_token": csrf_token(page), "score": score, "feedback": feedback,
            "version": str(version if version is not None else submission.version)}
    if next_:
        data["next"] = "1"
    return client.post(grade_url(assignment, submission), data=data, headers=headers or {})


@pytest.fixture
def graded_setup(db, world):
    """A 7A assignment (10 % late penalty) with an on-time hand-in by student_a and a late one by student_a2."""
    assignment = make_assignment(world, max_score=100, late_penalty=Decimal("10"))
    on_time = hand_in(world, assignment, "student_a")
    late = hand_in(world, assignment, "student_a2", late=True)
    return assignment, on_time, late


def test_the_table_lists_every_student_with_their_status(client, auth, world, graded_setup):
    assignment, _, _ = graded_setup
    with as_system():
        Enrollment.create(student=world["student_a3"], school_class=world.classes["maths_a"])
    auth.sign_in("teacher_a")
    html = client.get(page_url(assignment)).get_data(as_text=True)
    for name in ("Anil Kumar", "Bina Das", "Chetan Rao"):
        assert name in html
    assert "Not handed in" in html and "Late" in html and "To grade" in html
    assert "Late work loses 10 % of the score" in html


def test_grading_in_place_with_htmx_returns_the_row_with_the_penalty_applied(client, auth, world, graded_setup):
    assignment, _, late = graded_setup
    auth.sign_in("teacher_a")
    response = post_grade(client, assignment, late, "80", "Good, but late.", headers=HTMX)
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    assert html.lstrip().startswith("<tr") and "<html" not in html
    assert "72" in html and "80 − 10 % late" in html and "Saved" in html
    saved = AssignmentSubmission.get_by_id(late.id)
    assert (saved.raw_score, saved.score, saved.penalty_percent) == (Decimal("80"), Decimal("72"), Decimal("10"))
    assert saved.graded_by_id == world["teacher_a"].id and saved.version == late.version + 1
    with as_system():
        note = UserNotification.get(UserNotification.user == world["student_a2"].id)
        assert note.data["kind"] == "assignment_graded" and note.data["params"]["score"] == "72"
        audit = AuditLog.get((AuditLog.table_name == "assignment_submissions") & (AuditLog.record_id == late.id)
                             & (AuditLog.action == "UPDATE"))
        assert audit.user_id == world["teacher_a"].id and audit.new_values["score"] == 72


def test_grading_without_javascript_posts_and_redirects_to_the_row(client, auth, world, graded_setup):
    assignment, on_time, _ = graded_setup
    auth.sign_in("teacher_a")
    response = post_grade(client, assignment, on_time, "93.5", "Excellent")
    assert response.status_code == 302 and f"#row-{world['student_a'].id}" in response.location
    assert AssignmentSubmission.get_by_id(on_time.id).score == Decimal("93.5")  # on time: no penalty
    page = client.get(response.location).get_data(as_text=True)
    assert "Grade saved for Anil Kumar" in page and "93.5" in page


def test_save_and_next_moves_to_the_next_ungraded(client, auth, world, graded_setup):
    assignment, on_time, late = graded_setup
    auth.sign_in("teacher_a")
    response = post_grade(client, assignment, on_time, "50", next_=True)
    assert response.status_code == 302 and f"focus={late.id}" in response.location
    assert f'id="score-{late.id}"' in client.get(response.location).get_data(as_text=True)
    # with htmx the table comes back with the next ungraded score field focused
    response = post_grade(client, assignment, AssignmentSubmission.get_by_id(on_time.id), "55", headers=HTMX,
                          next_=True)
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and 'id="grading-table"' in html and "<html" not in html
    focused = html.split(f'id="score-{late.id}"')[1].split(">")[0]
    assert "autofocus" in focused


@pytest.mark.parametrize("score, message", [("101", "between 0 and 100"), ("-1", "between 0 and 100"),
                                            ("abc", "as a number"), ("7.555", "two decimals"), ("", "as a number"),
                                            ("NaN", "as a number"), ("1e9", "between 0 and 100")])
def test_scores_out_of_range_are_refused(client, auth, world, graded_setup, score, message):
    assignment, on_time, _ = graded_setup
    auth.sign_in("teacher_a")
    for headers in (HTMX, {}):
        response = post_grade(client, assignment, on_time, score, headers=headers)
        assert response.status_code == 422
        assert message in response.get_data(as_text=True)
    assert AssignmentSubmission.get_by_id(on_time.id).score is None


def test_a_stale_save_is_refused_showing_the_current_grade(client, auth, world, graded_setup):
    assignment, on_time, _ = graded_setup
    auth.sign_in("teacher_a")
    first_version = on_time.version
    assert post_grade(client, assignment, on_time, "60", "Tab one", version=first_version).status_code == 302
    for headers in (HTMX, {}):
        response = post_grade(client, assignment, on_time, "90", "Tab two", version=first_version, headers=headers)
        assert response.status_code == 409
        html = response.get_data(as_text=True)
        assert "Someone saved this submission" in html and "60" in html and "Tab one" in html
        assert 'value="90"' in html  # what the teacher typed is kept
    saved = AssignmentSubmission.get_by_id(on_time.id)
    assert saved.score == Decimal("60") and saved.feedback == "Tab one"
    # saving again from the refreshed form (it carries the new version) replaces it on purpose
    assert post_grade(client, assignment, saved, "90", "Tab two").status_code == 302
    assert AssignmentSubmission.get_by_id(on_time.id).score == Decimal("90")


def test_a_resubmission_after_the_page_was_opened_makes_the_grade_stale(world, graded_setup, app):
    assignment, on_time, _ = graded_setup
    AssignmentSubmission.update(version=AssignmentSubmission.version + 1).where(
        AssignmentSubmission.id == on_time.id).execute()
    with app.test_request_context():
        with pytest.raises(assignments.StaleGrade):
            assignments.grade_submission(world["teacher_a"], assignment, on_time, "50", "", on_time.version, utcnow())


@pytest.mark.parametrize("who, status", [("teacher_a2", 404), ("teacher_b", 404), ("student_a", 403),
                                         ("admin_a", 403), ("guardian_a", 403)])
def test_only_the_class_teacher_grades(client, auth, world, graded_setup, who, status):
    assignment, on_time, _ = graded_setup
    auth.sign_in(who)
    page = client.get("/sign-in" if who != "teacher_a2" else "/teacher/")
    token = csrf_token(client.get("/", follow_redirects=True))
    assert page.status_code in (200, 302)
    response = client.post(grade_url(assignment, on_time), data={"csrf_token": token, "score": "1", "version": "1"})
    assert response.status_code == status
    assert client.get(page_url(assignment)).status_code == status
    with as_system():
        assert AssignmentSubmission.get_by_id(on_time.id).score is None


def test_a_submission_of_another_assignment_is_404(client, auth, world, graded_setup):
    assignment, _, _ = graded_setup
    other = make_assignment(world, title="Other")
    stray = hand_in(world, other, "student_a")
    auth.sign_in("teacher_a")
    assert post_grade(client, assignment, stray, "5").status_code == 404
    assert client.post(f"/teacher/assignments/{assignment.id}/submissions/{uuid.uuid4()}/grade",
                       data={"csrf_token": csrf_token(client.get(page_url(assignment)))}).status_code == 404


def _class_of(size, db, world):
    school = world.schools["a"]
    teacher = factories.make_user(f"t_{uuid.uuid4().hex[:8]}", Role.TEACHER, school, "Grading Teacher")
    students = [factories.make_user(f"s_{uuid.uuid4().hex[:8]}", Role.STUDENT, school, f"Pupil {n:02d}", grade=7)
                for n in range(size)]
    school_class = factories.make_class(school, teacher, f"Big {size}", students=students)
    world.classes[f"big{size}"] = school_class
    world.users[teacher.username] = teacher
    assignment = make_assignment(world, class_key=f"big{size}", teacher_key=teacher.username)
    for index, student in enumerate(students):
        if index % 4 != 3:  # some have not handed in
            world.users[student.username] = student
            hand_in(world, assignment, student.username, late=index % 2 == 0)
    return teacher, assignment


def test_the_grading_page_runs_the_same_queries_for_3_or_40_students(client, auth, world, db):
    counts = []
    for size in (3, 40):
        with as_system():
            teacher, assignment = _class_of(size, db, world)
        auth.sign_in(teacher.username, password=factories.PASSWORD)
        client.get(page_url(assignment))  # warm up
        with count_queries() as counted:
            response = client.get(page_url(assignment))
        assert response.status_code == 200
        assert response.get_data(as_text=True).count('class="grade-form"') == sum(
            1 for i in range(size) if i % 4 != 3)
        counts.append(len(page_statements(counted)))
        auth.sign_out()
    assert counts[0] == counts[1], counts


def test_students_see_their_grade_and_feedback(client, auth, world, graded_setup):
    assignment, _, late = graded_setup
    auth.sign_in("teacher_a")
    post_grade(client, assignment, late, "80", "Careful with commas.")
    auth.sign_out()
    auth.sign_in("student_a2")
    html = client.get(f"/student/assignments/{assignment.id}").get_data(as_text=True)
    assert "Your grade: 72 / 100" in html and "80, less 10 % for handing in late" in html
    assert "Careful with commas." in html


# --- Concurrency: two tabs at the same moment --------------------------------------------------------------


@pytest.fixture
def committed_assignment(app):
    """A committed school, class, assignment and hand-in, so two connections can race on it."""
    tag = uuid.uuid4().hex[:8]
    with as_system():
        from spark.models import Assignment, School
        school = School.create(name=f"Grading Race {tag}")
        teacher = factories.make_user(f"race_t_{tag}", Role.TEACHER, school)
        student = factories.make_user(f"race_s_{tag}", Role.STUDENT, school)
        school_class = factories.make_class(school, teacher, "Race class", students=[student])
        assignment = Assignment.create(school_class=school_class, created_by=teacher, title="Race",
                                       description="", due_date=utcnow() + timedelta(days=1), max_score=10,
                                       is_published=True)
        submission = AssignmentSubmission.create(assignment=assignment, student=student, content="x")
    yield school, teacher, assignment, submission
    with as_system():
        from spark.models import School, User
        from spark.models import SchoolClass
        SchoolClass.delete().where(SchoolClass.school == school.id).execute()
        User.delete().where(User.id.in_([teacher.id, student.id])).execute()
        School.delete().where(School.id == school.id).execute()


def test_two_tabs_saving_at_once_keep_one_grade_and_refuse_the_other(app, committed_assignment):
    school, teacher, assignment, submission = committed_assignment

    def save(score):
        def action():
            with app.test_request_context():
                database.connect(reuse_if_open=True)
                try:
                    with database.atomic():
                        from spark.db import set_acting_context
                        set_acting_context(teacher.id, "TEACHER", school.id)
                        assignments.grade_submission(teacher, assignment, submission, score, "", submission.version,
                                                     utcnow())
                        return score
                except assignments.StaleGrade:
                    return "stale"
                finally:
                    database.close()
        return action

    scores = iter(["4", "9"])
    results = run_at_once(lambda: save(next(scores))())
    assert sorted(results, key=str).count("stale") == 1
    with as_system():
        saved = AssignmentSubmission.get_by_id(submission.id)
    winner = [r for r in results if r != "stale"][0]
    assert saved.score == Decimal(winner) and saved.version == submission.version + 1


# --- Essays from quizzes ---------------------------------------------------------------------------------

ESSAY_QUIZ = [
    {"type": "MULTIPLE_CHOICE", "text": "Half of 8?", "options": ["2", "4", "6"], "correct_answer": {"correct": [1]},
     "points": 2, "explanation": ""},
    {"type": "ESSAY", "text": "Why does it rain?", "options": None, "points": 4, "explanation": "",
     "correct_answer": {"rubric": "Evaporation and condensation.", "sample_answer": "Water rises...", "min_words": 3}},
    {"type": "ESSAY", "text": "Describe a cloud.", "options": None, "points": 4, "explanation": "",
     "correct_answer": {"rubric": "Uses two senses.", "sample_answer": "White...", "min_words": 3}},
]


@pytest.fixture
def essay_attempt(db, world):
    """student_a answers a quiz with two essays (7A Mathematics follows its course): it waits for grading."""
    _, _, quiz = factories.make_course(world.schools["a"], world["teacher_a"], world.classes["maths_a"],
                                       quiz_questions=ESSAY_QUIZ, title="Weather")
    student = world["student_a"].id
    now = utcnow()
    attempt = quizzes.start_attempt(student, quiz, now, uuid.uuid4())
    answers = {"MULTIPLE_CHOICE": {"chosen": [1]}, "ESSAY": {"text": "Water evaporates and condenses."}}
    for question in quizzes.attempt_questions(attempt):
        quizzes.save_answer(student, attempt, quiz, question, answers[question.type], now)
    outcome = quizzes.submit_attempt(student, attempt, quiz, now)
    assert outcome.submission.status == SubmissionStatus.NEEDS_GRADING
    return quiz, outcome.submission


def essay_answers(submission):
    return list(SubmissionAnswer.select().where((SubmissionAnswer.submission == submission.id)
                                                & (SubmissionAnswer.max_points == 4)).order_by(SubmissionAnswer.id))


def post_essay(client, answer, points, feedback="", headers=None):
    token = csrf_token(client.get("/teacher/grading/essays"))
    return client.post(f"/teacher/grading/essays/{answer.id}",
                       data={"csrf_token": token, "points": points, "feedback": feedback}, headers=headers or {})


def test_grading_the_last_essay_scores_the_attempt_rewards_and_notifies(client, auth, world, essay_attempt):
    quiz, submission = essay_attempt
    first, second = essay_answers(submission)
    auth.sign_in("teacher_a")
    html = client.get("/teacher/grading/essays").get_data(as_text=True)
    assert "Why does it rain?" in html and "Describe a cloud." in html and "Anil Kumar" in html
    xp_before = Profile.get(Profile.user == world["student_a"].id).xp_points

    response = post_essay(client, first, "4", "Clear.", headers=HTMX)
    assert response.status_code == 200 and "Graded: 4 of 4 points" in response.get_data(as_text=True)
    assert Submission.get_by_id(submission.id).status == SubmissionStatus.NEEDS_GRADING  # one still waits

    assert post_essay(client, second, "2.5").status_code == 302
    done = Submission.get_by_id(submission.id)
    assert done.status == SubmissionStatus.GRADED and done.graded_by_id == world["teacher_a"].id
    assert done.points_earned == Decimal("8.5") and done.score == Decimal("85.00") and done.passed
    assert done.is_final
    with as_system():
        assert Profile.get(Profile.user == world["student_a"].id).xp_points > xp_before
        assert RewardLedger.select().where((RewardLedger.student == world["student_a"].id)
                                           & (RewardLedger.reason == "QUIZ_PASSED")).exists()
        kinds = [n.data["kind"] for n in UserNotification.select().where(
            UserNotification.user == world["student_a"].id)]
        assert "quiz_graded" in kinds
    assert "No essays are waiting" in client.get("/teacher/grading/essays").get_data(as_text=True)


def test_essay_points_out_of_range_are_refused(client, auth, world, essay_attempt):
    _, submission = essay_attempt
    answer = essay_answers(submission)[0]
    auth.sign_in("teacher_a")
    for points in ("5", "-1", "x"):
        response = post_essay(client, answer, points, headers=HTMX)
        assert response.status_code == 422
    assert "between 0 and 4" in post_essay(client, answer, "5").get_data(as_text=True)
    assert SubmissionAnswer.get_by_id(answer.id).needs_grading


def test_an_essay_graded_twice_keeps_the_first_grade(client, auth, world, essay_attempt):
    _, submission = essay_attempt
    answer = essay_answers(submission)[0]
    auth.sign_in("teacher_a")
    assert post_essay(client, answer, "3").status_code == 302
    response = post_essay(client, answer, "1", headers=HTMX)
    assert response.status_code == 409 and "already graded (3 points)" in response.get_data(as_text=True)
    assert SubmissionAnswer.get_by_id(answer.id).points_awarded == Decimal("3")


@pytest.mark.parametrize("who, status", [("teacher_a2", 404), ("teacher_b", 404), ("student_a", 403)])
def test_other_teachers_do_not_see_or_grade_the_essays(client, auth, world, essay_attempt, who, status):
    _, submission = essay_attempt
    answer = essay_answers(submission)[0]
    auth.sign_in(who)
    listing = client.get("/teacher/grading/essays")
    assert listing.status_code == (200 if status == 404 else 403)
    assert "Why does it rain?" not in listing.get_data(as_text=True)
    token = csrf_token(client.get("/", follow_redirects=True))
    response = client.post(f"/teacher/grading/essays/{answer.id}", data={"csrf_token": token, "points": "1"})
    assert response.status_code == status
    with as_system():
        assert SubmissionAnswer.get_by_id(answer.id).needs_grading


def test_the_essay_queue_runs_fixed_queries(client, auth, world, essay_attempt):
    auth.sign_in("teacher_a")
    client.get("/teacher/grading/essays")
    with count_queries() as few:
        client.get("/teacher/grading/essays")
    quiz, _ = essay_attempt
    now = utcnow()
    with as_system():
        quiz.max_attempts = 5
        quiz.save()
    for _ in range(2):  # more attempts, more essays waiting
        attempt = quizzes.start_attempt(world["student_a2"].id, quiz, now, uuid.uuid4())
        for question in quizzes.attempt_questions(attempt):
            if question.type == "ESSAY":
                quizzes.save_answer(world["student_a2"].id, attempt, quiz, question, {"text": "More words here."}, now)
        quizzes.submit_attempt(world["student_a2"].id, attempt, quiz, now)
    with count_queries() as many:
        html = client.get("/teacher/grading/essays").get_data(as_text=True)
    assert html.count('class="grade-form"') == 6
    assert len(page_statements(few)) == len(page_statements(many))
