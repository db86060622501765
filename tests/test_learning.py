"""Students learn: courses, lessons, quiz attempts and the pages around them."""
import uuid
from datetime import timedelta

import pytest
from playhouse.test_utils import count_queries

from spark import lessons, quizzes
from spark.accounts import utcnow
from spark.db import as_system
from spark.models import Lesson, Profile, RewardLedger, StudentProgress, Submission, SubmissionAnswer
from spark.reward_amounts import LESSON_COMPLETED_XP
from tests.conftest import csrf_token
from tests.factories import make_course
from tests.test_access import page_statements
from tests.test_badges import committed_student  # noqa: F401  (a fixture)


@pytest.fixture
def course(db, world):
    """A maths course with three lessons and a three-question quiz, followed by 7A Mathematics."""
    return make_course(world.schools["a"], world["teacher_a"], world.classes["maths_a"])


def xp(student):
    with as_system():
        return Profile.get(Profile.user == student.id).xp_points


# --- Domain rules ---------------------------------------------------------------------------


def test_first_lesson_is_open_and_the_rest_wait_for_the_one_before(course, world):
    from spark.courses import lesson_states
    _, made, _ = course
    states = lesson_states(world["student_a"].id, made[0].course)
    assert [s.status for s in states] == ["NOT_STARTED", "LOCKED", "LOCKED"]
    lessons.finish_lesson(world["student_a"].id, made[0], utcnow())
    states = lesson_states(world["student_a"].id, made[0].course)
    assert [s.status for s in states] == ["COMPLETED", "NOT_STARTED", "LOCKED"]


def test_finishing_a_locked_lesson_is_refused(course, world):
    _, made, _ = course
    with pytest.raises(lessons.LessonUnavailable):
        lessons.finish_lesson(world["student_a"].id, made[1], utcnow())


def test_time_spent_counts_short_gaps_only(course, world):
    _, made, _ = course
    start = utcnow()
    student = world["student_a"].id
    lessons.open_lesson(student, made[0], start)
    lessons.keep_reading(student, made[0], start + timedelta(seconds=60))
    lessons.keep_reading(student, made[0], start + timedelta(seconds=60))  # a replay adds nothing
    lessons.keep_reading(student, made[0], start + timedelta(hours=2))     # the phone slept: not reading
    progress = StudentProgress.get((StudentProgress.student == student) & (StudentProgress.lesson == made[0].id))
    assert progress.time_spent == 60
    assert progress.status == "IN_PROGRESS"


def test_without_javascript_the_time_from_opening_to_finishing_counts(course, world):
    _, made, _ = course  # lessons of 10 minutes
    start = utcnow()
    student = world["student_a"].id
    lessons.open_lesson(student, made[0], start)
    lessons.finish_lesson(student, made[0], start + timedelta(minutes=12))
    progress = StudentProgress.get((StudentProgress.student == student) & (StudentProgress.lesson == made[0].id))
    assert progress.time_spent == 12 * 60 and progress.status == "COMPLETED"


def test_lesson_html_is_sanitised(course, world):
    _, made, _ = course
    blocks = lessons.safe_blocks(made[0].content)
    assert "<script" not in blocks[0]["html"] and "<h2>Part 1</h2>" in blocks[0]["html"]


def test_unsafe_blocks_are_dropped():
    blocks = lessons.safe_blocks({"blocks": [
        {"type": "image", "src": "https://tracker.example/pixel.png", "alt": "x"},
        {"type": "image", "src": "../secret", "alt": "x"},
        {"type": "video", "url": "javascript:alert(1)", "title": "x"},
        {"type": "iframe", "html": "<iframe>"},
        {"type": "image", "src": "upload:../../etc/passwd", "alt": "x"},
        {"type": "image", "src": "upload:" + "a" * 40, "alt": "An uploaded picture"},
        {"type": "image", "src": "demo/pizza-eighths.svg", "alt": "A pizza"}]})
    assert [b["src"] for b in blocks] == ["upload:" + "a" * 40, "demo/pizza-eighths.svg"]


def test_start_attempt_twice_with_one_client_id_gives_one_attempt(course, world):
    _, _, quiz = course
    client_id = uuid.uuid4()
    student = world["student_a"].id
    first = quizzes.start_attempt(student, quiz, utcnow(), client_id)
    again = quizzes.start_attempt(student, quiz, utcnow(), client_id)
    assert first.id == again.id
    assert Submission.select().where(Submission.student == student).count() == 1


def test_an_open_attempt_is_resumed_not_duplicated(course, world):
    _, _, quiz = course
    student = world["student_a"].id
    first = quizzes.start_attempt(student, quiz, utcnow(), uuid.uuid4())
    assert quizzes.start_attempt(student, quiz, utcnow(), uuid.uuid4()).id == first.id


def answer_all(student, attempt, quiz, answers, when):
    questions = quizzes.attempt_questions(attempt)
    for question in questions:
        quizzes.save_answer(student, attempt, quiz, question, answers[question.type], when)


RIGHT = {"MULTIPLE_CHOICE": {"chosen": [1]}, "TRUE_FALSE": {"value": True}, "SHORT_ANSWER": {"text": "0.75"}}
WRONG = {"MULTIPLE_CHOICE": {"chosen": [0]}, "TRUE_FALSE": {"value": False}, "SHORT_ANSWER": {"text": "7"}}


def test_submit_scores_in_percent_and_a_second_submit_changes_nothing(course, world):
    _, _, quiz = course
    student = world["student_a"].id
    now = utcnow()
    attempt = quizzes.start_attempt(student, quiz, now, uuid.uuid4())
    answer_all(student, attempt, quiz, {**RIGHT, "SHORT_ANSWER": {"text": "0.5"}}, now)
    outcome = quizzes.submit_attempt(student, attempt, quiz, now + timedelta(minutes=2))
    assert outcome.newly_submitted
    assert outcome.submission.score == 50  # 2 of 4 points
    assert outcome.submission.passed is False and outcome.submission.is_final
    again = quizzes.submit_attempt(student, attempt, quiz, now + timedelta(minutes=3))
    assert not again.newly_submitted and again.submission.score == 50


def test_max_attempts_is_respected_and_the_best_attempt_counts(course, world):
    _, _, quiz = course
    student = world["student_a"].id
    now = utcnow()
    for answers in (RIGHT, WRONG):
        attempt = quizzes.start_attempt(student, quiz, now, uuid.uuid4())
        answer_all(student, attempt, quiz, answers, now)
        quizzes.submit_attempt(student, attempt, quiz, now)
    with pytest.raises(quizzes.QuizRefused) as refused:
        quizzes.start_attempt(student, quiz, now, uuid.uuid4())
    assert refused.value.reason == "no_attempts_left"
    finals = Submission.select().where((Submission.student == student) & Submission.is_final)
    assert [s.score for s in finals] == [100]


def test_answers_after_the_time_limit_are_refused(course, world):
    _, _, quiz = course
    student = world["student_a"].id
    start = utcnow() - timedelta(minutes=30)
    attempt = quizzes.start_attempt(student, quiz, start, uuid.uuid4())
    question = quizzes.attempt_questions(attempt)[0]
    with pytest.raises(quizzes.QuizRefused) as refused:
        quizzes.save_answer(student, attempt, quiz, question, {"chosen": [1]}, utcnow())
    assert refused.value.reason == "time_up"
    outcome = quizzes.submit_attempt(student, attempt, quiz, utcnow())
    assert outcome.submission.score == 0
    assert outcome.submission.time_spent == quiz.time_limit * 60 + int(quizzes.GRACE.total_seconds())


def test_randomized_order_is_stable_within_an_attempt(course, world):
    _, _, quiz = course
    quiz.randomize_questions = True
    quiz.save()
    attempt = quizzes.start_attempt(world["student_a"].id, quiz, utcnow(), uuid.uuid4())
    first = [q.id for q in quizzes.attempt_questions(attempt)]
    assert first == [q.id for q in quizzes.attempt_questions(attempt)]
    assert sorted(first) == sorted(attempt.question_order)


def test_an_essay_waits_for_the_teacher(db, world):
    essay = [{"type": "ESSAY", "text": "Why do leaves look green?", "options": None, "points": 5,
              "correct_answer": {"rubric": "Chlorophyll", "sample_answer": "...", "min_words": 5},
              "explanation": "Chlorophyll reflects green light."}]
    _, _, quiz = make_course(world.schools["a"], world["teacher_a"], world.classes["maths_a"],
                             quiz_questions=essay)
    student = world["student_a"].id
    attempt = quizzes.start_attempt(student, quiz, utcnow(), uuid.uuid4())
    answer_all(student, attempt, quiz, {"ESSAY": {"text": "Because of chlorophyll in them."}}, utcnow())
    submission = quizzes.submit_attempt(student, attempt, quiz, utcnow()).submission
    assert submission.status == "NEEDS_GRADING" and submission.passed is None and not submission.is_final
    assert SubmissionAnswer.get(SubmissionAnswer.submission == submission.id).needs_grading


# --- Pages ---------------------------------------------------------------------------------


def test_student_reads_a_lesson_and_finishes_it_once(auth, course, world):
    _, made, quiz = course
    auth.sign_in("student_a2")
    before = xp(world["student_a2"])
    page = auth.client.get(f"/student/lessons/{made[0].id}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert "Part 1" in html and "<script>x()" not in html
    token = csrf_token(page)
    first = auth.client.post(f"/student/lessons/{made[0].id}/finish", data={"csrf_token": token})
    assert first.headers["Location"] == f"/student/quizzes/{quiz.id}"
    auth.client.post(f"/student/lessons/{made[0].id}/finish", data={"csrf_token": token})  # double click
    assert xp(world["student_a2"]) == before + LESSON_COMPLETED_XP
    with as_system():
        assert RewardLedger.select().where((RewardLedger.student == world["student_a2"].id)
                                           & (RewardLedger.reason == "LESSON_COMPLETED")).count() == 1


def test_locked_lesson_sends_the_student_back_to_the_course(auth, course, world):
    _, made, _ = course
    auth.sign_in("student_a")
    response = auth.client.get(f"/student/lessons/{made[2].id}")
    assert response.headers["Location"].endswith(f"/student/courses/{made[2].course_id}")


@pytest.mark.parametrize("username", ["student_a3", "student_b"])  # another class; another school
def test_lessons_and_quizzes_of_a_course_not_followed_are_not_found(auth, course, world, username):
    _, made, quiz = course
    auth.sign_in(username)
    assert auth.client.get(f"/student/lessons/{made[0].id}").status_code == 404
    assert auth.client.get(f"/student/quizzes/{quiz.id}").status_code == 404
    assert auth.client.get(f"/student/courses/{made[0].course_id}").status_code == 404


def test_unpublished_lesson_is_not_found(auth, course, world):
    _, made, _ = course
    with as_system():
        Lesson.update(is_published=False).where(Lesson.id == made[0].id).execute()
    auth.sign_in("student_a")
    assert auth.client.get(f"/student/lessons/{made[0].id}").status_code == 404


def take_quiz_through_pages(client, quiz, answers, htmx=False):
    """Start, answer each question on its own screen, hand in; return the result page."""
    intro = client.get(f"/student/quizzes/{quiz.id}")
    token = csrf_token(intro)
    client_id = intro.get_data(as_text=True).split('name="client_id" value="')[1].split('"')[0]
    started = client.post(f"/student/quizzes/{quiz.id}/attempts", data={"csrf_token": token, "client_id": client_id})
    attempt_url = started.headers["Location"].split("?")[0]
    headers = {"HX-Request": "true"} if htmx else {}
    for number, fields in enumerate(answers, start=1):
        response = client.post(f"{attempt_url}?q={number}", data={"csrf_token": token, "go": "next", **fields},
                               headers=headers)
        assert response.status_code == 302, response.get_data(as_text=True)
    client.post(started.headers["Location"].split("?")[0].replace("/attempts/", "/attempts/") + "/submit",
                data={"csrf_token": token})
    return client.get(attempt_url + "/result")


@pytest.mark.parametrize("htmx", [False, True])
def test_student_takes_a_quiz_one_question_per_screen(auth, course, world, htmx):
    _, _, quiz = course
    auth.sign_in("student_a")
    result = take_quiz_through_pages(auth.client, quiz, [{"answer": "1"}, {"answer": "true"}, {"answer": "3/4"}],
                                     htmx=htmx)
    html = result.get_data(as_text=True)
    assert "100%" in html and "Passed" in html
    assert "8 ÷ 2 = 4" in html  # explanations shown right away


def test_an_answer_of_the_wrong_shape_is_refused_with_a_message(auth, course, world):
    _, _, quiz = course
    auth.sign_in("student_a")
    intro = auth.client.get(f"/student/quizzes/{quiz.id}")
    token = csrf_token(intro)
    started = auth.client.post(f"/student/quizzes/{quiz.id}/attempts", data={"csrf_token": token})
    attempt_url = started.headers["Location"].split("?")[0]
    response = auth.client.post(f"{attempt_url}?q=1", data={"csrf_token": token, "answer": "7"})
    assert response.status_code == 422
    assert "not one of the choices" in response.get_data(as_text=True)
    with as_system():
        assert SubmissionAnswer.select().count() == 0


def test_htmx_question_screens_are_fragments(auth, course, world):
    _, _, quiz = course
    auth.sign_in("student_a")
    intro = auth.client.get(f"/student/quizzes/{quiz.id}")
    started = auth.client.post(f"/student/quizzes/{quiz.id}/attempts", data={"csrf_token": csrf_token(intro)})
    fragment = auth.client.get(started.headers["Location"], headers={"HX-Request": "true"})
    html = fragment.get_data(as_text=True)
    assert "<html" not in html and "Half of 8?" in html and 'name="answer"' in html


@pytest.mark.parametrize("path", ["/student/courses", "/student/badges", "/student/profile", "/notifications"])
def test_other_student_pages_open(auth, course, world, path):
    auth.sign_in("student_a")
    assert auth.client.get(path).status_code == 200


@pytest.mark.parametrize("username", ["teacher_a", "guardian_a", "admin_a"])
@pytest.mark.parametrize("path", ["/student/courses", "/student/badges", "/student/profile"])
def test_student_pages_refuse_other_roles(auth, world, db, username, path):
    auth.sign_in(username)
    assert auth.client.get(path).status_code == 403


def test_profile_change_is_saved_and_bad_values_are_refused(auth, world):
    auth.sign_in("student_a")
    page = auth.client.get("/student/profile")
    token = csrf_token(page)
    bad = auth.client.post("/student/profile", data={"csrf_token": token, "display_name": "A",
                                                      "avatar": "spaceship", "language": "en"})
    assert bad.status_code == 422
    good = auth.client.post("/student/profile", data={"csrf_token": token, "display_name": "Anil K",
                                                       "avatar": "tiger", "language": "en"})
    assert good.status_code == 302
    with as_system():
        profile = Profile.get(Profile.user == world["student_a"].id)
    assert (profile.display_name, profile.avatar) == ("Anil K", "tiger")


def lesson_count_queries(client, path):
    with count_queries() as counted:
        assert client.get(path).status_code == 200
    return len(page_statements(counted))


def test_course_and_lesson_pages_issue_the_same_queries_whatever_the_number_of_lessons(auth, db, world):
    _, few, quiz_few = make_course(world.schools["a"], world["teacher_a"], world.classes["maths_a"], lessons=2,
                                   title="Short")
    _, many, quiz_many = make_course(world.schools["a"], world["teacher_a"], world.classes["maths_a"], lessons=12,
                                     title="Long")
    auth.sign_in("student_a")
    for template in ("/student/courses/{course}", "/student/lessons/{lesson}", "/student/quizzes/{quiz}"):
        counts = [lesson_count_queries(auth.client, template.format(course=made[0].course_id, lesson=made[0].id,
                                                                     quiz=quiz.id))
                  for made, quiz in ((few, quiz_few), (many, quiz_many))]
        assert counts[0] == counts[1], template
    assert lesson_count_queries(auth.client, "/student/") == 8


def test_two_simultaneous_awards_with_one_key_pay_once(committed_student):
    from spark import rewards
    from tests.concurrency import run_at_once

    school, student, _ = committed_student

    def award():
        with as_system(school.id):
            return rewards.award(student.id, "XP", 40, "LESSON_COMPLETED", "lesson", None, utcnow(),
                                 key="lesson:race:completed")

    assert sorted(run_at_once(award)) == [False, True]
    with as_system(school.id):
        assert Profile.get(Profile.user == student.id).xp_points == 40
