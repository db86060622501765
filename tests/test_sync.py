"""Offline sync (issue 6): each offline action is applied exactly once, whatever the network does."""
import json
import logging
import uuid
from contextlib import contextmanager
from datetime import timedelta

import pytest
from playhouse.test_utils import count_queries

from spark import lessons, offline, sync
from spark.accounts import utcnow
from spark.db import acting_as, as_system, database
from spark.models import (
    Enrollment, Lesson, Profile, Question, Quiz, RewardLedger, SavedLesson, StudentProgress, Submission, SyncAction,
    SyncConflict, SyncLog,
)
from tests.conftest import csrf_token
from tests.factories import make_course, make_user
from tests.test_access import page_statements

NOW = utcnow()
RIGHT = {"MULTIPLE_CHOICE": {"answer": ["1"]}, "TRUE_FALSE": {"answer": ["true"]},
         "SHORT_ANSWER": {"answer": ["0.75"]}}
WRONG = {"MULTIPLE_CHOICE": {"answer": ["0"]}, "TRUE_FALSE": {"answer": ["false"]},
         "SHORT_ANSWER": {"answer": ["7"]}}


@pytest.fixture
def course(db, world):
    """Fractions: three lessons usable offline and a three-question quiz (2 attempts), for 7A Mathematics."""
    made_course, made, quiz = make_course(world.schools["a"], world["teacher_a"], world.classes["maths_a"])
    Lesson.update(offline_content=Lesson.content).where(Lesson.course == made_course.id).execute()
    return made_course, [Lesson.get_by_id(lesson.id) for lesson in made], quiz


@pytest.fixture
def student(world):
    return world["student_a2"]


@contextmanager
def as_student(student):
    """Act as the student, as the sync API does for the session's student."""
    with acting_as(student.id, "STUDENT", student.school_id):
        yield


def progress_action(lesson, event, at, seconds=0, based_on=None, client_id=None):
    return {"client_id": str(client_id or uuid.uuid4()), "type": "lesson_progress", "occurred_at": at.isoformat(),
            "lesson_id": str(lesson.id), "event": event, "seconds": seconds, "based_on": based_on}


def attempt_action(quiz, at, answers=RIGHT, started=None, client_id=None):
    questions = Question.select().where(Question.quiz == quiz.id).order_by(Question.order_index)
    return {"client_id": str(client_id or uuid.uuid4()), "type": "quiz_attempt", "occurred_at": at.isoformat(),
            "quiz_id": str(quiz.id), "started_at": (started or at - timedelta(minutes=3)).isoformat(),
            "answers": {str(q.id): {"fields": answers[q.type], "answered_at": (at - timedelta(minutes=1)).isoformat()}
                        for q in questions}}


def apply(student, actions, now=NOW, device="phone-1"):
    with as_student(student):
        return sync.apply_batch(student.id, device, actions, now).results


def state(student):
    """What the server holds of the student's learning, in a form two runs can compare."""
    with as_student(student):
        progress = sorted((str(p.lesson_id), p.status, float(p.progress), p.time_spent, p.started_at, p.completed_at,
                           p.last_accessed)
                          for p in StudentProgress.select().where(StudentProgress.student == student.id))
        attempts = sorted((str(s.quiz_id), s.status, float(s.score or 0), s.passed)
                          for s in Submission.select().where(Submission.student == student.id))
        ledger = sorted((r.reason, r.currency, r.amount, str(r.source_id), r.occurred_at)
                        for r in RewardLedger.select().where(RewardLedger.student == student.id))
        profile = Profile.get(Profile.user == student.id)
        return {"progress": progress, "attempts": attempts, "ledger": ledger,
                "profile": (profile.xp_points, profile.crystals, profile.sparks, profile.streak,
                            profile.last_active_on)}


def end_state(student, batches, now=NOW):
    """The state after applying these batches in turn, then undone (so runs can be compared)."""
    with database.atomic() as savepoint:
        answers = [apply(student, batch, now) for batch in batches]
        found = state(student)
        savepoint.rollback()
    return found, answers


def day_of_learning(course):
    """A morning's offline work: read and finish lessons 1 and 2, and pass the quiz."""
    _, made, quiz = course
    start = NOW - timedelta(days=2)
    return [progress_action(made[0], "open", start),
            progress_action(made[0], "read", start + timedelta(minutes=1), seconds=60),
            progress_action(made[0], "finish", start + timedelta(minutes=3), seconds=120),
            attempt_action(quiz, start + timedelta(minutes=9)),
            progress_action(made[1], "open", start + timedelta(minutes=10)),
            progress_action(made[1], "finish", start + timedelta(minutes=14), seconds=240)]


# --- Applying actions ---------------------------------------------------------------------------


def test_a_day_offline_is_applied_with_its_own_moments(course, student):
    _, made, quiz = course
    actions = day_of_learning(course)
    results = apply(student, actions)
    assert [r["status"] for r in results] == ["applied"] * 6
    with as_student(student):
        first = StudentProgress.get((StudentProgress.student == student.id) & (StudentProgress.lesson == made[0].id))
        assert first.status == "COMPLETED" and first.time_spent == 180
        assert first.completed_at == sync.parse_moment(actions[2]["occurred_at"])
        attempt = Submission.get(Submission.student == student.id)
        assert attempt.score == 100 and attempt.passed and attempt.is_final
        lesson_xp = RewardLedger.get((RewardLedger.student == student.id) & (RewardLedger.source_id == made[0].id))
        # Rewards and streaks count the day the work happened, not the day of the sync.
        assert lesson_xp.occurred_at == first.completed_at
        # The last learning of that day (its local date, which may be past midnight in Kolkata).
        assert Profile.get(Profile.user == student.id).last_active_on == sync.parse_moment(
            actions[-1]["occurred_at"]).astimezone(__import__("zoneinfo").ZoneInfo("Asia/Kolkata")).date()
        log = SyncLog.get(SyncLog.user == student.id)
        assert (log.status, log.processed_actions, log.failed_actions) == ("COMPLETED", 6, 0)
    assert results[3]["detail"]["score"] == 100 and results[2]["gains"]["xp"] > 0


def test_the_same_batch_twice_changes_nothing_the_second_time(course, student):
    actions = day_of_learning(course)
    once, _ = end_state(student, [actions])
    twice, answers = end_state(student, [actions, actions])
    assert twice == once
    assert [r["status"] for r in answers[1]] == ["duplicate"] * 6
    assert [r["original"]["status"] for r in answers[1]] == ["applied"] * 6
    assert answers[1][3]["original"]["detail"]["score"] == 100


def test_a_batch_cut_off_halfway_and_sent_again_applies_each_action_once(course, student):
    actions = day_of_learning(course)
    once, _ = end_state(student, [actions])
    resent, answers = end_state(student, [actions[:3], actions])
    assert resent == once
    assert [r["status"] for r in answers[1]] == ["duplicate"] * 3 + ["applied"] * 3


def test_actions_out_of_order_are_applied_in_the_order_they_happened(course, student):
    actions = day_of_learning(course)
    in_order, _ = end_state(student, [actions])
    shuffled, answers = end_state(student, [list(reversed(actions))])
    assert shuffled == in_order
    assert {r["status"] for r in answers[0]} == {"applied"}


def test_time_spent_is_what_the_device_measured_counted_once(course, student):
    _, made, _ = course
    start = NOW - timedelta(hours=1)
    reads = [progress_action(made[0], "read", start + timedelta(minutes=n), seconds=60) for n in range(1, 4)]
    apply(student, [progress_action(made[0], "open", start)] + reads[::-1])
    apply(student, reads)  # replayed
    apply(student, [progress_action(made[0], "read", start + timedelta(minutes=5), seconds=100_000)])
    with as_student(student):
        row = StudentProgress.get((StudentProgress.student == student.id) & (StudentProgress.lesson == made[0].id))
    assert row.time_spent == 180 + sync.MAX_SECONDS_PER_ACTION


def test_a_bad_action_never_stops_the_good_ones_beside_it(course, student, monkeypatch):
    _, made, _ = course
    good = progress_action(made[0], "open", NOW - timedelta(minutes=5))
    broken = progress_action(made[0], "read", NOW - timedelta(minutes=4), seconds=30)
    real = sync.APPLIERS["lesson_progress"]

    def failing(student_id, device_id, action, *rest):
        if str(action.client_id) == broken["client_id"]:
            raise RuntimeError("a bug")
        return real(student_id, device_id, action, *rest)

    monkeypatch.setitem(sync.APPLIERS, "lesson_progress", failing)
    junk = [None, {"client_id": "nope"}, {"client_id": str(uuid.uuid4()), "type": "dance"},
            {"client_id": str(uuid.uuid4()), "type": "lesson_progress", "occurred_at": "yesterday"},
            {**progress_action(made[0], "read", NOW), "seconds": -5},
            {**progress_action(made[0], "read", NOW), "lesson_id": "not-a-uuid"}]
    results = apply(student, junk + [good, broken])
    assert [r["status"] for r in results] == ["refused"] * 6 + ["applied", "error"]
    # The failed one left no key: sent again once the bug is gone, it is applied.
    monkeypatch.setitem(sync.APPLIERS, "lesson_progress", real)
    assert apply(student, [broken])[0]["status"] == "applied"


def test_an_action_on_another_students_or_schools_objects_is_refused(course, student, world):
    _, other_lessons, other_quiz = make_course(world.schools["b"], world["teacher_b"], world.classes["maths_b"],
                                               title="Decimals")
    science_course = make_course(world.schools["a"], world["teacher_a2"], world.classes["science_a"],
                                 title="Plants", subject="Science")
    before = state(student)
    results = apply(student, [progress_action(other_lessons[0], "finish", NOW),
                              attempt_action(other_quiz, NOW),
                              progress_action(science_course[1][0], "finish", NOW),  # a class not mine
                              progress_action(Lesson(id=uuid.uuid4()), "open", NOW)])
    assert [(r["status"], r["reason"]) for r in results] == [("refused", "not_found")] * 4
    assert state(student) == before


def test_a_forged_sync_version_is_ignored_and_never_written(course, student):
    _, made, _ = course
    apply(student, [progress_action(made[0], "open", NOW - timedelta(minutes=9))])
    forged = [progress_action(made[0], "read", NOW - timedelta(minutes=8), seconds=10, based_on=based_on)
              for based_on in (10**6, -1, "7", 2**40, True)]
    results = apply(student, forged)
    assert {r["status"] for r in results} == {"applied"} and not any("resolution" in r for r in results)
    with as_student(student):
        row = StudentProgress.get((StudentProgress.student == student.id) & (StudentProgress.lesson == made[0].id))
        assert row.sync_version < 10 and row.time_spent == 50
        assert SyncConflict.select().count() == 0


def test_a_device_clock_in_the_future_is_clamped_to_the_servers_now(course, student):
    _, made, _ = course
    results = apply(student, [progress_action(made[0], "finish", NOW + timedelta(days=3))])
    assert results[0]["status"] == "applied" and results[0]["clamped"] is True
    with as_student(student):
        row = StudentProgress.get((StudentProgress.student == student.id) & (StudentProgress.lesson == made[0].id))
    assert row.completed_at == NOW


def test_an_unpublished_lesson_is_refused(course, student):
    _, made, quiz = course
    Lesson.update(is_published=False).where(Lesson.id == made[0].id).execute()
    results = apply(student, [progress_action(made[0], "finish", NOW), attempt_action(quiz, NOW)])
    assert [(r["status"], r["reason"]) for r in results] == [("refused", "unpublished")] * 2


def test_progress_merges_to_the_most_advanced_and_the_earliest(course, student):
    _, made, _ = course
    online = NOW - timedelta(hours=1)
    offline_moment = NOW - timedelta(hours=3)
    with as_student(student):
        lessons.open_lesson(student.id, made[0], online - timedelta(minutes=5), "web")
        lessons.finish_lesson(student.id, made[0], online, "web")
    # The phone, offline, opened and finished the lesson earlier, based on no server version.
    results = apply(student, [progress_action(made[0], "open", offline_moment - timedelta(minutes=5), based_on=1),
                              progress_action(made[0], "finish", offline_moment, seconds=200, based_on=1)])
    assert results[1]["resolution"] == "merge"
    with as_student(student):
        row = StudentProgress.get((StudentProgress.student == student.id) & (StudentProgress.lesson == made[0].id))
        assert row.status == "COMPLETED" and float(row.progress) == 100
        assert row.completed_at == offline_moment and row.started_at == offline_moment - timedelta(minutes=5)
        merged = SyncConflict.get(SyncConflict.id == uuid.UUID(results[1]["conflict_id"]))
        assert merged.resolution_strategy == "merge" and merged.resolved_at is not None
        assert merged.server_data["progress"]["status"] == "COMPLETED" and merged.client_data["event"] == "finish"
        # An "open" after completion changes no status back.
        apply(student, [progress_action(made[0], "open", NOW - timedelta(minutes=1))])
        assert StudentProgress.get_by_id(row.id).status == "COMPLETED"


def test_finishing_a_lesson_before_the_one_it_needs_waits_for_a_teacher(course, student):
    _, made, _ = course
    results = apply(student, [progress_action(made[1], "finish", NOW - timedelta(minutes=1))])
    assert (results[0]["status"], results[0]["reason"]) == ("conflict", "locked")


# --- Conflicts kept for a teacher -------------------------------------------------------------------


def three_attempts(course):
    _, _, quiz = course
    return [attempt_action(quiz, NOW - timedelta(hours=3), answers=WRONG),
            attempt_action(quiz, NOW - timedelta(hours=2), answers=WRONG),
            attempt_action(quiz, NOW - timedelta(hours=1), answers=RIGHT)]


def test_an_attempt_beyond_max_attempts_is_kept_and_the_score_stays(course, student):
    results = apply(student, three_attempts(course))
    assert [r["status"] for r in results] == ["applied", "applied", "conflict"]
    assert results[2]["reason"] == "no_attempts_left" and results[2]["resolution"] == "pending"
    with as_student(student):
        assert sorted(float(s.score) for s in Submission.select()) == [0.0, 0.0]
        conflict = SyncConflict.get_by_id(uuid.UUID(results[2]["conflict_id"]))
        assert conflict.resolved_at is None and len(conflict.server_data["attempts"]) == 2
        assert conflict.client_data["answers"]  # the answers are kept, never lost
        assert SyncLog.get(SyncLog.user == student.id).status == "CONFLICT"


def test_teacher_accepts_the_extra_attempt_and_the_best_counts(course, student, world):
    results = apply(student, three_attempts(course))
    with acting_as(world["teacher_a"].id, "TEACHER", world.schools["a"].id):
        decided = sync.resolve_conflict(world["teacher_a"], uuid.UUID(results[2]["conflict_id"]), "client_wins", NOW)
        assert decided.resolved_by_id == world["teacher_a"].id and decided.resolution_strategy == "client_wins"
    with as_student(student):
        attempts = list(Submission.select().where(Submission.student == student.id).order_by(Submission.attempt))
        assert [float(a.score) for a in attempts] == [0, 0, 100] and attempts[2].is_final
        assert RewardLedger.select().where(RewardLedger.reason == "QUIZ_PASSED").count() == 1


def test_teacher_keeps_the_extra_attempt_for_the_record_only(course, student, world):
    results = apply(student, three_attempts(course))
    xp_before = state(student)["profile"][0]
    with acting_as(world["teacher_a"].id, "TEACHER", world.schools["a"].id):
        sync.resolve_conflict(world["teacher_a"], uuid.UUID(results[2]["conflict_id"]), "merge", NOW)
    with as_student(student):
        attempts = list(Submission.select().where(Submission.student == student.id).order_by(Submission.attempt))
        assert [float(a.score) for a in attempts] == [0, 0, 100] and attempts[0].is_final
    assert state(student)["profile"][0] == xp_before


def test_teacher_discards_the_extra_attempt(course, student, world):
    results = apply(student, three_attempts(course))
    before = state(student)
    with acting_as(world["teacher_a"].id, "TEACHER", world.schools["a"].id):
        decided = sync.resolve_conflict(world["teacher_a"], uuid.UUID(results[2]["conflict_id"]), "server_wins", NOW)
    assert decided.resolution_strategy == "server_wins" and state(student) == before


def test_an_attempt_on_a_quiz_closed_since_is_kept(course, student):
    _, _, quiz = course
    Quiz.update(is_published=False).where(Quiz.id == quiz.id).execute()
    results = apply(student, [attempt_action(quiz, NOW - timedelta(minutes=5))])
    assert (results[0]["status"], results[0]["reason"]) == ("conflict", "quiz_closed")


def test_an_action_older_than_30_days_waits_and_counts_on_its_own_day_when_accepted(course, student, world):
    _, made, _ = course
    long_ago = NOW - timedelta(days=45)
    results = apply(student, [progress_action(made[0], "finish", long_ago)])
    assert (results[0]["status"], results[0]["reason"]) == ("conflict", "too_old")
    assert state(student)["progress"] == []
    with acting_as(world["admin_a"].id, "ADMIN", world.schools["a"].id):
        sync.resolve_conflict(world["admin_a"], uuid.UUID(results[0]["conflict_id"]), "client_wins", NOW)
    with as_student(student):
        row = StudentProgress.get(StudentProgress.student == student.id)
        assert row.completed_at == long_ago
        assert RewardLedger.get(RewardLedger.source_id == made[0].id).occurred_at == long_ago


def test_a_teacher_of_another_class_or_school_cannot_decide(course, student, world):
    results = apply(student, three_attempts(course))
    conflict_id = uuid.UUID(results[2]["conflict_id"])
    for username in ("teacher_a2", "teacher_b", "admin_b"):
        user = world[username]
        with acting_as(user.id, user.role, user.school_id):
            assert sync.resolve_conflict(user, conflict_id, "server_wins", NOW) is None


def test_a_student_cannot_settle_their_own_conflict_in_the_database(course, student):
    results = apply(student, three_attempts(course))
    with as_student(student):
        changed = (SyncConflict.update(resolution_strategy="client_wins", resolved_at=NOW)
                   .where(SyncConflict.id == uuid.UUID(results[2]["conflict_id"])).execute())
    assert changed == 0


def test_another_student_sees_no_sync_keys_or_logs(course, student, world):
    apply(student, day_of_learning(course))
    with as_student(world["student_a"]):
        assert SyncAction.select().count() == 0 and SyncLog.select().count() == 0
        assert SyncConflict.select().count() == 0


def test_sync_version_counts_real_changes_only(course, student):
    _, made, _ = course
    with as_student(student):
        progress = lessons.open_lesson(student.id, made[0], NOW - timedelta(minutes=2))
        version = StudentProgress.get_by_id(progress.id).sync_version
        StudentProgress.update(sync_version=1).where(StudentProgress.id == progress.id).execute()  # forged
        assert StudentProgress.get_by_id(progress.id).sync_version == version
        lessons.keep_reading(student.id, made[0], NOW - timedelta(minutes=1))
        assert StudentProgress.get_by_id(progress.id).sync_version == version + 1


# --- The JSON API --------------------------------------------------------------------------------


def post_batch(client, actions, saved=None, device="phone-1"):
    token = client.get("/api/sync").get_json()["csrf_token"]
    return client.post("/api/sync", data=json.dumps({"device_id": device, "actions": actions, "saved": saved or {}}),
                       content_type="application/json", headers={"X-CSRFToken": token})


def test_the_api_applies_a_batch_for_the_sessions_student(auth, course, student):
    auth.sign_in("student_a2")
    response = post_batch(auth.client, day_of_learning(course))
    assert response.status_code == 200
    body = response.get_json()
    assert [r["status"] for r in body["results"]] == ["applied"] * 6
    assert body["saved"] == [] and body["removed"] == []
    again = post_batch(auth.client, day_of_learning(course)[:1])
    assert again.get_json()["results"][0]["status"] == "applied"  # a new client id is a new action


@pytest.mark.parametrize("body, content_type, status, error", [
    ("{", "application/json", 400, "malformed_json"),
    ("null", "application/json", 400, "malformed_json"),
    ("[1, 2]", "application/json", 400, "malformed_json"),
    ("[" * 100_000 + "]" * 100_000, "application/json", 400, "malformed_json"),
    ('{"device_id": 5, "actions": []}', "application/json", 400, "malformed_batch"),
    ('{"device_id": "p", "actions": {}}', "application/json", 400, "malformed_batch"),
    ('{"device_id": "p", "actions": []}', "text/plain", 415, "json_required"),
    ('{"device_id": "p", "actions": []}', "application/x-www-form-urlencoded", 415, "json_required"),
])
def test_malformed_batches_get_a_json_error_never_a_500(auth, world, body, content_type, status, error):
    auth.sign_in("student_a2")
    token = auth.client.get("/api/sync").get_json()["csrf_token"]
    response = auth.client.post("/api/sync", data=body, content_type=content_type, headers={"X-CSRFToken": token})
    assert (response.status_code, response.get_json()["error"]) == (status, error)


def test_the_api_needs_the_csrf_header_a_session_and_a_student(client, auth, world):
    body = json.dumps({"device_id": "p", "actions": []})
    assert client.post("/api/sync", data=body, content_type="application/json").get_json()["error"] in (
        "csrf", "not_signed_in")
    assert client.get("/api/sync").status_code == 401
    auth.sign_in("student_a2")
    response = client.post("/api/sync", data=body, content_type="application/json")
    assert (response.status_code, response.get_json()["error"]) == (400, "csrf")
    auth.sign_out()
    auth.sign_in("teacher_a")
    assert client.get("/api/sync").status_code == 403
    assert client.put("/api/sync").status_code == 405


def test_more_than_5000_actions_is_refused_with_a_clear_error(auth, world, student):
    auth.sign_in("student_a2")
    actions = [{"client_id": str(uuid.uuid4())}] * (sync.MAX_ACTIONS + 1)
    response = post_batch(auth.client, actions)
    assert response.status_code == 413
    assert response.get_json()["error"] == "too_many_actions" and response.get_json()["max_actions"] == 5000
    with as_student(student):
        assert SyncLog.get(SyncLog.user == student.id).status == "FAILED"


def test_a_batch_of_5000_actions_is_answered_action_by_action(course, student, caplog):
    caplog.set_level(logging.WARNING, logger="peewee")  # logging 40,000 queries would be most of the time
    _, made, _ = course
    start = NOW - timedelta(days=1)
    reads = [progress_action(made[0], "read", start + timedelta(seconds=n), seconds=1) for n in range(1, 500)]
    actions = [progress_action(made[0], "open", start)] + reads
    actions += reads * 7  # the same actions again, as a device that lost many answers would send them
    actions += [{"client_id": str(uuid.uuid4()), "type": "lesson_progress"}] * 1007  # unreadable
    results = apply(student, actions)
    statuses = [r["status"] for r in results]
    assert len(results) == 5000 and statuses.count("applied") == 500 and statuses.count("duplicate") == 3493
    with as_student(student):
        assert StudentProgress.get(StudentProgress.student == student.id).time_spent == 499


def test_the_sync_answer_refreshes_and_removes_saved_lessons(auth, course, student):
    _, made, _ = course
    auth.sign_in("student_a2")
    page = auth.client.get(f"/student/lessons/{made[0].id}")
    auth.client.post("/student/saved", data={"csrf_token": csrf_token(page), "course_id": str(made[0].course_id)})
    body = post_batch(auth.client, []).get_json()
    saved = {entry["lesson_id"]: entry for entry in body["saved"]}
    assert set(saved) == {str(lesson.id) for lesson in made}
    first = saved[str(made[0].id)]
    assert f"/student/saved/lessons/{made[0].id}" in first["urls"]
    assert sum("/student/saved/quizzes/" in url for url in first["urls"]) == 4  # 3 questions + hand-in
    # The teacher edits lesson 1 and unpublishes lesson 3.
    with as_system():
        Lesson.update(offline_content={"blocks": [{"type": "text", "html": "<p>New</p>"}]}).where(
            Lesson.id == made[0].id).execute()
        Lesson.update(is_published=False).where(Lesson.id == made[2].id).execute()
    body = post_batch(auth.client, []).get_json()
    saved = {entry["lesson_id"]: entry for entry in body["saved"]}
    assert body["removed"] == [str(made[2].id)] and set(saved) == {str(made[0].id), str(made[1].id)}
    assert saved[str(made[0].id)]["version"] != first["version"]
    with as_student(student):
        assert SavedLesson.select().count() == 2


# --- Pages ---------------------------------------------------------------------------------------


def test_student_saves_a_lesson_sees_its_size_and_removes_it(auth, course):
    _, made, _ = course
    auth.sign_in("student_a2")
    page = auth.client.get(f"/student/lessons/{made[0].id}")
    assert "Save for offline" in page.get_data(as_text=True)
    response = auth.client.post("/student/saved", data={"csrf_token": csrf_token(page), "lesson_id": str(made[0].id)})
    assert response.status_code == 302 and response.headers["Location"] == "/student/saved"
    html = auth.client.get("/student/saved").get_data(as_text=True)
    assert "Fractions lesson 1" in html and " KB" in html and f'data-offline-lesson="{made[0].id}"' in html
    assert "Remove" in auth.client.get(f"/student/lessons/{made[0].id}").get_data(as_text=True)
    auth.client.post(f"/student/saved/{made[0].id}/remove", data={"csrf_token": csrf_token(page)})
    assert "Nothing is saved yet" in auth.client.get("/student/saved").get_data(as_text=True)


def test_a_lesson_that_needs_the_internet_cannot_be_saved(auth, course):
    _, made, _ = course
    Lesson.update(offline_content=None).where(Lesson.id == made[0].id).execute()
    auth.sign_in("student_a2")
    page = auth.client.get(f"/student/lessons/{made[0].id}")
    assert "Save for offline" not in page.get_data(as_text=True)
    response = auth.client.post("/student/saved", data={"csrf_token": csrf_token(page), "lesson_id": str(made[0].id)},
                                follow_redirects=True)
    assert "needs the internet" in response.get_data(as_text=True)


def test_the_offline_quiz_page_carries_no_answer_key(auth, course):
    _, made, quiz = course
    auth.sign_in("student_a2")
    pages = [auth.client.get(f"/student/saved/quizzes/{quiz.id}?q={n}") for n in (1, 2, 3, 4)]
    assert [p.status_code for p in pages] == [200] * 4
    html = "".join(p.get_data(as_text=True) for p in pages)
    assert "Half of 8?" in html and "Write 3/4 as a decimal" in html and "Hand in my answers" in html
    assert "0.75" not in html and "numeric" not in html and "tolerance" not in html and "8 ÷ 2" not in html
    assert 'type="radio"' in html  # the same macro as the online quiz
    assert pages[0].headers["X-Spark-Offline"] == "page"


def test_without_javascript_the_offline_quiz_goes_on_as_a_real_attempt(auth, course, student):
    _, made, quiz = course
    auth.sign_in("student_a2")
    page = auth.client.get(f"/student/saved/quizzes/{quiz.id}?q=1")
    response = auth.client.post(f"/student/saved/quizzes/{quiz.id}?q=1",
                                data={"csrf_token": csrf_token(page), "client_id": str(uuid.uuid4()), "answer": "1"})
    assert response.status_code == 302 and "/student/attempts/" in response.headers["Location"]
    bad = auth.client.post(f"/student/saved/quizzes/{quiz.id}?q=1",
                           data={"csrf_token": csrf_token(page), "client_id": str(uuid.uuid4()), "answer": "9"})
    assert bad.status_code == 422


def test_the_offline_lesson_page_queues_its_finish(auth, course):
    _, made, _ = course
    auth.sign_in("student_a2")
    html = auth.client.get(f"/student/saved/lessons/{made[0].id}").get_data(as_text=True)
    assert 'data-offline="finish"' in html and "Part 1" in html and "<script>" not in html
    assert "/student/saved/quizzes/" in html


def test_service_worker_manifest_and_offline_page(client, world):
    worker = client.get("/sw.js")
    assert worker.status_code == 200 and worker.mimetype == "text/javascript"
    assert worker.headers["Cache-Control"] == "no-cache" and worker.headers["Service-Worker-Allowed"] == "/"
    source = worker.get_data(as_text=True)
    assert offline.app_version() in source and "__SHELL__" not in source and "/static/css/spark.css?v=" in source
    manifest = client.get("/manifest.webmanifest")
    assert manifest.mimetype == "application/manifest+json"
    assert json.loads(manifest.get_data(as_text=True))["start_url"] == "/"
    assert client.get("/offline").status_code == 200
    for icon in ("icon.svg", "icon-192.png", "icon-512.png"):
        assert client.get(f"/static/icons/{icon}").status_code == 200


def test_pages_of_other_roles_are_never_marked_for_offline(auth, world):
    auth.sign_in("teacher_a")
    assert "X-Spark-Offline" not in auth.client.get("/teacher/").headers
    auth.sign_out()
    auth.sign_in("student_a2")
    assert auth.client.get("/student/").headers["X-Spark-Offline"] == "page"
    assert "X-Spark-Offline" not in auth.client.get("/student/profile").headers
    assert "X-Spark-Offline" not in auth.client.get("/student/", headers={"HX-Request": "true"}).headers


STUDENT_PAGES = ["/student/saved", "/student/saved/lessons/{lesson}", "/student/saved/quizzes/{quiz}"]
STAFF_PAGES = ["/sync/devices", "/sync/conflicts"]


@pytest.mark.parametrize("username, expected", [
    ("student_a2", {"student": 200, "staff": 403}),
    ("teacher_a", {"student": 403, "staff": 200}),
    ("admin_a", {"student": 403, "staff": 200}),
    ("guardian_a", {"student": 403, "staff": 403}),
    ("platform_admin", {"student": 403, "staff": 200}),
    ("student_b", {"student": 404, "staff": 403}),  # another school's lesson
])
def test_every_sync_page_checks_the_role(auth, course, username, expected):
    _, made, quiz = course
    auth.sign_in(username)
    for path in STUDENT_PAGES:
        response = auth.client.get(path.format(lesson=made[0].id, quiz=quiz.id))
        wanted = 200 if path == "/student/saved" and expected["student"] == 404 else expected["student"]
        assert response.status_code == wanted, path
    for path in STAFF_PAGES:
        assert auth.client.get(path).status_code == expected["staff"], path


def test_anonymous_visitors_are_sent_to_sign_in(client, course):
    assert client.get("/student/saved").status_code == 302
    assert client.get("/sync/conflicts").status_code == 302


@pytest.mark.parametrize("path", ["/student/saved/lessons/not-a-uuid", "/student/saved/quizzes/1234",
                                  "/sync/conflicts/nope"])
def test_malformed_ids_are_not_found(auth, world, path):
    auth.sign_in("teacher_a" if path.startswith("/sync") else "student_a2")
    assert auth.client.get(path).status_code in (404, 405)


def test_teacher_decides_a_conflict_in_the_page(auth, course, student, world):
    results = apply(student, three_attempts(course))
    conflict_id = results[2]["conflict_id"]
    auth.sign_in("teacher_a")
    page = auth.client.get("/sync/conflicts")
    html = page.get_data(as_text=True)
    assert "Bina Das" in html and "An attempt beyond the number allowed" in html and "Fractions quiz" in html
    assert auth.client.post(f"/sync/conflicts/{conflict_id}", data={"csrf_token": csrf_token(page),
                                                                  "strategy": "dance"}).status_code == 400
    response = auth.client.post(f"/sync/conflicts/{conflict_id}", data={"csrf_token": csrf_token(page),
                                                                       "strategy": "client_wins"})
    assert response.status_code == 302
    assert "Nothing waits for a decision" in auth.client.get("/sync/conflicts").get_data(as_text=True)
    again = auth.client.post(f"/sync/conflicts/{conflict_id}", data={"csrf_token": csrf_token(page),
                                                                    "strategy": "server_wins"})
    assert again.status_code == 404  # decided already: double submit changes nothing
    devices = auth.client.get("/sync/devices").get_data(as_text=True)
    assert "Bina Das" in devices and "phone-1"[:8] in devices


def test_teacher_of_another_school_cannot_see_or_decide(auth, course, student, world):
    results = apply(student, three_attempts(course))
    auth.sign_in("teacher_b")
    page = auth.client.get("/sync/conflicts")
    assert "Bina Das" not in page.get_data(as_text=True)
    response = auth.client.post(f"/sync/conflicts/{results[2]['conflict_id']}",
                                data={"csrf_token": csrf_token(page), "strategy": "client_wins"})
    assert response.status_code == 404
    assert "Bina Das" not in auth.client.get("/sync/devices").get_data(as_text=True)


def _staff_page_statements(auth, path):
    with count_queries() as counted:
        assert auth.client.get(path).status_code == 200
    return len(page_statements(counted))


def test_staff_pages_make_the_same_number_of_queries_for_many_students(auth, course, world):
    _, _, quiz = course
    apply(world["student_a2"], [attempt_action(quiz, NOW - timedelta(hours=n)) for n in (3, 2, 1)])
    auth.sign_in("teacher_a")
    small = {path: _staff_page_statements(auth, path) for path in STAFF_PAGES}
    for n in range(4):
        with as_system():
            extra = make_user(f"offline_{n}", "STUDENT", world.schools["a"], grade=7)
            Enrollment.create(student=extra, school_class=world.classes["maths_a"])
        apply(extra, [attempt_action(quiz, NOW - timedelta(hours=h)) for h in (3, 2, 1)], device=f"tab-{n}")
    large = {path: _staff_page_statements(auth, path) for path in STAFF_PAGES}
    assert large == small


def test_saved_page_makes_the_same_number_of_queries_for_many_lessons(auth, course, world):
    _, made, _ = course
    auth.sign_in("student_a2")
    with as_student(world["student_a2"]):
        offline.save_lesson(world["student_a2"].id, made[0].id, "en", NOW)
    with count_queries() as counted:
        auth.client.get("/student/saved")
    small = len(page_statements(counted))
    with as_student(world["student_a2"]):
        offline.save_course(world["student_a2"].id, made[0].course_id, "en", NOW)
    with count_queries() as counted:
        html = auth.client.get("/student/saved").get_data(as_text=True)
    assert len(page_statements(counted)) == small and html.count("data-offline-lesson=") == 3


# --- Assignment hand-ins written offline ----------------------------------------------------------


def text_assignment(world, **fields):
    """A published text assignment of 7A Mathematics (the caller is SYSTEM)."""
    from spark.models import Assignment
    values = dict(title="Monsoon essay", description="Write about the monsoon.", due_date=NOW + timedelta(days=2),
                  submission_type="TEXT", is_published=True, late_submission_allowed=False)
    values.update(fields)
    return Assignment.create(school_class=world.classes["maths_a"], created_by=world["teacher_a"], **values)


def hand_in_action(assignment, at, text="Rain fell all week."):
    return {"client_id": str(uuid.uuid4()), "type": "assignment_submission", "occurred_at": at.isoformat(),
            "assignment_id": str(assignment.id), "text": text}


def test_a_hand_in_written_offline_counts_at_the_moment_it_was_written(db, world, student):
    from spark.models import AssignmentSubmission
    assignment = text_assignment(world, due_date=NOW - timedelta(hours=1))
    written = apply(student, [hand_in_action(assignment, NOW - timedelta(hours=2))])[0]
    assert written["status"] == "applied" and written["detail"]["is_late"] is False
    after_due = apply(student, [hand_in_action(assignment, NOW - timedelta(minutes=30), text="Later")])[0]
    assert (after_due["status"], after_due["reason"]) == ("refused", "assignment_refused")
    assert "does not take late work" in after_due["message"]
    older = apply(student, [hand_in_action(assignment, NOW - timedelta(hours=3), text="Draft")])[0]
    assert (older["status"], older["reason"]) == ("conflict", "newer_on_server")
    with as_student(student):
        assert AssignmentSubmission.get(AssignmentSubmission.student == student.id).content == "Rain fell all week."


def test_a_hand_in_for_graded_work_is_kept_and_another_class_is_not_found(db, world, student):
    from spark.models import AssignmentSubmission
    assignment = text_assignment(world)
    AssignmentSubmission.create(assignment=assignment, student=student, content="First", score=80,
                                submitted_at=NOW - timedelta(days=1))
    other = text_assignment(world, title="Other class")
    other.school_class = world.classes["science_a"]
    other.save()
    results = apply(student, [hand_in_action(assignment, NOW), hand_in_action(other, NOW)])
    assert [(r["status"], r["reason"]) for r in results] == [("conflict", "already_graded"), ("refused", "not_found")]
