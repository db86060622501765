"""Offline sync: applying what a student did offline, and the conflicts it raises.

A device queues each offline action with a client-made id, the device id, the
moment it happened and the `sync_version` of the server row it was based on,
and sends the queue in batches (ARCHITECTURE.md, 8). `apply_batch` acts as the
student whose session sent it, logs the batch in `sync_logs`, and applies each
action through the same domain functions as the pages (`spark.lessons`,
`spark.quizzes`, `spark.learning_rewards`; ARCHITECTURE.md, 4), in its own
savepoint, so a bad action never stops the good ones beside it. Each action
gets its own answer:

- `applied`: done (its `detail` says what the server now holds);
- `duplicate`: this (student, client id) was answered before; nothing changes
  and the first answer is returned again (`original`). The key is written in
  `sync_actions` in the same savepoint as the work, so a batch cut off halfway
  and sent again, the same batch twice or two tabs at once apply each action once;
- `conflict`: kept in `sync_conflicts` with the client's and the server's data,
  waiting for a teacher (see below); nothing of it was applied;
- `refused`: with a `reason`; nothing was applied and retrying will not help
  (`invalid`, `not_found` for anything that is not the student's, `unpublished`);
- `error`: the server failed on it; nothing was applied, the device keeps it and
  retries later.
The device removes from its queue only what got one of the first four answers.

Conflict rules (the one place they are written; docs/offline.md points here):

1. Moments. An action's moment is what counts for streaks, rewards and
   analytics (ARCHITECTURE.md, 6). A device clock ahead of the server is
   clamped to the server's now (the answer says `clamped`). An action more
   than 30 days old is not applied: it is kept as a conflict (`too_old`) for a
   teacher, because backdated work can change past streaks and rewards.
   Within a batch, actions are applied in the order they happened, whatever
   the order they were sent in.
2. Lesson progress merges and never goes back: the furthest progress and the
   most advanced status win (NOT_STARTED < IN_PROGRESS < COMPLETED, through
   `open_lesson` and `finish_lesson`), `started_at` and `completed_at` are the
   earliest known, `last_accessed` the latest. Time spent offline is what the
   device measured: each action carries the seconds since the previous one
   (at most LONGEST_COUNTED_GAP each), added once per client id, so replays
   and out-of-order arrival never count it twice. When another device changed
   the row after the version the action was based on, the merge is recorded
   as a conflict already resolved (`merge`), for the record. The reward for
   finishing keeps the moment of the first finish the server applied (the
   ledger is append-only); a device sends its queue in order, so only another
   device's earlier finish can arrive later, and it moves `completed_at` only.
   A `based_on` that is not a version the server gave (in the future, not a
   number) is ignored: it is only ever compared, never written; the database
   counts `sync_version` itself (sql/0015_sync.sql).
3. A lesson that is locked for the student when the action arrives (the one
   before it is not finished on the server) is kept as a conflict (`locked`).
4. Quiz attempts carry answers only; they are scored on the server by
   `submit_attempt`, with the time limit measured from the attempt's offline
   start (answers after it are dropped, as online). An attempt beyond
   `max_attempts` (`no_attempts_left`), or on a quiz unpublished since
   (`quiz_closed`), is kept as a conflict and changes neither the score nor
   the rewards.
5. Anything on an unpublished lesson or course is refused (`unpublished`);
   anything naming what is not the student's is refused as `not_found`.
6. A text hand-in for an assignment is handed in at its own moment (which
   decides lateness, and a hand-in after a due date without late work is
   refused, `assignment_refused`, with the page's message). The latest
   hand-in wins: one older than the hand-in on the server
   (`newer_on_server`), or for work already graded (`already_graded`), is
   kept as a conflict and replaces nothing.

Deciding a kept conflict (teachers of the student's classes, admins of the
school; `resolve_conflict`, audited through sync_conflicts' trigger):
- `server_wins`: the action is dropped; the server's data stays.
- `client_wins`: the action is applied as the device sent it, at its own
  moment; an attempt beyond the limit becomes one more attempt, scored and
  rewarded, and the best attempt counts.
- `merge`: the action is applied but the server's result stands: progress
  merges as in rule 2; an attempt is scored and kept for the record, while the
  attempt that counts and the rewards stay as they were; a hand-in stays in
  the conflict, for the record, and the server's hand-in stays.
"""
import copy
import logging
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from peewee import fn
from werkzeug.datastructures import MultiDict

from spark import grading, lessons, quizzes
from spark.access import student_ids_visible_to
from spark.courses import course_ids_of_student
from spark.db import as_system, database
from spark.learning_rewards import reward_attempt, reward_finished_lesson
from spark.models import (
    Assignment, ClassCourse, Course, Enrollment, Lesson, Profile, Quiz, StudentProgress, Submission,
    SyncAction, SyncConflict, SyncLog, User,
)
from spark.models.enums import EnrollmentStatus, SubmissionStatus, SyncStatus

log = logging.getLogger(__name__)

MAX_ACTIONS = 5_000
OLDEST_ACCEPTED = timedelta(days=30)
# A device's measure of reading time, per action, is trusted up to the same gap
# the pages count between two signs of reading.
MAX_SECONDS_PER_ACTION = int(lessons.LONGEST_COUNTED_GAP.total_seconds())
MAX_ANSWER_FIELDS = 50
MAX_FIELD_LENGTH = grading.ESSAY_LIMIT

APPLIED, DUPLICATE, CONFLICT, REFUSED, ERROR = "applied", "duplicate", "conflict", "refused", "error"
ACKNOWLEDGED = (APPLIED, DUPLICATE, CONFLICT, REFUSED)
STRATEGIES = ("client_wins", "server_wins", "merge")
PROGRESS_EVENTS = ("open", "read", "finish")


class InvalidAction(Exception):
    """An action that cannot be read; nothing of it is applied or recorded."""

    def __init__(self, reason="invalid"):
        super().__init__(reason)
        self.reason = reason


class Refused(Exception):
    """An action not applied; `keep` makes it a conflict waiting for a teacher."""

    def __init__(self, reason, keep=False, entity_type=None, entity_id=None, server_data=None):
        super().__init__(reason)
        self.reason = reason
        self.keep = keep
        self.entity_type = entity_type
        self.entity_id = entity_id
        self.server_data = server_data


class CannotResolve(Exception):
    """A conflict whose client side still cannot be applied; `reason` says why."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Action:
    """One action as the server reads it."""

    client_id: uuid.UUID
    type: str
    occurred_at: datetime   # clamped to the server's now
    clamped: bool
    based_on: int | None    # None when absent or not believable
    data: dict              # the action as sent (the moment replaced by the clamped one)


@dataclass
class Batch:
    """The batch being applied: its log, and the lessons already looked up for the student."""

    log: SyncLog
    lessons: dict = field(default_factory=dict)  # lesson id -> Lesson (or None: not the student's)

    def lesson(self, student_id, lesson_id):
        """The published lesson of the student's with this id, looked up once per batch."""
        if lesson_id not in self.lessons:
            self.lessons[lesson_id] = lessons.lesson_for_student(student_id, lesson_id)
        return self.lessons[lesson_id]


@dataclass(frozen=True)
class BatchOutcome:
    """What a batch did: its log and one answer per action, in the order sent."""

    sync_log: SyncLog
    results: list


# ---------------------------------------------------------------------------------- reading


def parse_moment(value):
    """An ISO 8601 moment with its offset, as an aware datetime; InvalidAction otherwise."""
    if not isinstance(value, str) or len(value) > 40:
        raise InvalidAction("invalid_moment")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise InvalidAction("invalid_moment") from None
    if moment.tzinfo is None:
        raise InvalidAction("invalid_moment")
    return moment


def parse_uuid(value):
    """A uuid from its text, or None."""
    if not isinstance(value, str) or len(value) > 40:
        return None
    try:
        return uuid.UUID(value)
    except ValueError:
        return None


def parse_action(raw, now) -> Action:
    """Read one action of a batch; raise InvalidAction when it cannot be read."""
    if not isinstance(raw, dict):
        raise InvalidAction()
    client_id = parse_uuid(raw.get("client_id"))
    if client_id is None:
        raise InvalidAction("invalid_client_id")
    kind = raw.get("type")
    if kind not in APPLIERS:
        raise InvalidAction("unknown_type")
    moment = parse_moment(raw.get("occurred_at"))
    clamped = moment > now
    moment = min(moment, now)
    based_on = raw.get("based_on")
    if isinstance(based_on, bool) or not isinstance(based_on, int) or not 0 < based_on < 2**31:
        based_on = None
    return Action(client_id=client_id, type=kind, occurred_at=moment, clamped=clamped, based_on=based_on,
                  data={**raw, "occurred_at": moment.isoformat()})


def action_client_id(raw):
    """The client id an answer names, even for an action that cannot be read."""
    value = raw.get("client_id") if isinstance(raw, dict) else None
    return value if isinstance(value, str) and len(value) <= 40 else None


# ---------------------------------------------------------------------------------- batches


def apply_batch(student_id, device_id, actions, now) -> BatchOutcome:
    """Apply a batch of the student's offline actions, each once; log the batch; answer each action."""
    sync_log = SyncLog(id=uuid.uuid4(), user=student_id, device_id=device_id, actions=actions,
                       status=SyncStatus.PROCESSING, created_at=now)
    sync_log.save(force_insert=True)
    results, batch = [None] * len(actions), Batch(log=sync_log)
    for index in sorted(range(len(actions)), key=lambda i: _sort_key(actions[i])):
        results[index] = answer_action(student_id, device_id, actions[index], now, batch)
    finish_log(sync_log, results, now)
    return BatchOutcome(sync_log=sync_log, results=results)


def _sort_key(raw):
    # In the order the actions happened; unreadable ones first (they are refused anyway).
    try:
        return (1, parse_moment(raw.get("occurred_at")))
    except (InvalidAction, AttributeError):
        return (0, datetime.min.replace(tzinfo=timezone.utc))


def finish_log(sync_log, results, now, error=None):
    """Write the batch's counts, its conflicts and its status."""
    conflicts = [{"client_id": r["client_id"], "conflict_id": r["conflict_id"], "reason": r["reason"]}
                 for r in results if r["status"] == CONFLICT]
    sync_log.processed_actions = sum(1 for r in results if r["status"] in (APPLIED, DUPLICATE, CONFLICT))
    sync_log.failed_actions = sum(1 for r in results if r["status"] in (REFUSED, ERROR))
    sync_log.conflicts = conflicts or None
    sync_log.error_message = error
    sync_log.status = (SyncStatus.FAILED if error else SyncStatus.CONFLICT if conflicts else SyncStatus.COMPLETED)
    sync_log.processed_at = now
    sync_log.save()


def log_refused_batch(student_id, device_id, error, now):
    """Log a batch refused as a whole (unreadable, too many actions), so staff can see the device failing."""
    sync_log = SyncLog(id=uuid.uuid4(), user=student_id, device_id=device_id, actions=[], created_at=now,
                       status=SyncStatus.PROCESSING)
    sync_log.save(force_insert=True)
    finish_log(sync_log, [], now, error=error)
    return sync_log


def answer_action(student_id, device_id, raw, now, batch) -> dict:
    """Apply one action in its own savepoint and answer it; never raises."""
    try:
        action = parse_action(raw, now)
    except InvalidAction as invalid:
        return {"client_id": action_client_id(raw), "status": REFUSED, "reason": invalid.reason}
    try:
        with database.atomic():
            return _claim_and_apply(student_id, device_id, action, now, batch)
    except Exception:  # a bug or a lost connection: this action only, and the device retries it
        log.exception("sync action %s of student %s failed", action.client_id, student_id)
        return {"client_id": str(action.client_id), "status": ERROR, "reason": "server_error"}


def _claim_and_apply(student_id, device_id, action, now, batch) -> dict:
    # The key is claimed first: a concurrent batch with the same action waits here
    # for this savepoint's transaction, then finds the key and answers "duplicate".
    claimed = (SyncAction
               .insert(id=uuid.uuid4(), student=student_id, client_id=action.client_id, sync_log=batch.log.id,
                       device_id=device_id, action_type=action.type, occurred_at=action.occurred_at,
                       result={"status": "pending"})
               .on_conflict_ignore()
               .as_rowcount()
               .execute())
    if not claimed:
        first = (SyncAction.select(SyncAction.result)
                 .where((SyncAction.student == student_id) & (SyncAction.client_id == action.client_id))
                 .get())
        return {"client_id": str(action.client_id), "status": DUPLICATE, "original": first.result}
    try:
        with database.atomic():  # the work: rolled back alone when the action is refused
            result = APPLIERS[action.type](student_id, device_id, action, now, batch, None)
    except Refused as refusal:
        result = _refusal_result(action, refusal, batch.log)
    except InvalidAction as invalid:  # a part of the action (a moment inside it) cannot be read
        result = {"status": REFUSED, "reason": invalid.reason}
    if action.clamped:
        result["clamped"] = True
    result["client_id"] = str(action.client_id)
    (SyncAction.update(result=result)
     .where((SyncAction.student == student_id) & (SyncAction.client_id == action.client_id))
     .execute())
    return result


def _refusal_result(action, refusal, sync_log) -> dict:
    if not refusal.keep:
        message = (refusal.server_data or {}).get("message")
        return {"status": REFUSED, "reason": refusal.reason, **({"message": message} if message else {})}
    conflict = record_conflict(sync_log, refusal.entity_type, refusal.entity_id, action.data,
                               {"reason": refusal.reason, **(refusal.server_data or {})})
    return {"status": CONFLICT, "reason": refusal.reason, "conflict_id": str(conflict.id),
            "resolution": "pending"}


def record_conflict(sync_log, entity_type, entity_id, client_data, server_data, strategy=None,
                    resolved_data=None, resolved_at=None):
    """Write a conflict; with a strategy and a moment it was settled by the rules, else it waits."""
    conflict = SyncConflict(id=uuid.uuid4(), sync_log=sync_log.id, entity_type=entity_type, entity_id=entity_id,
                            client_data=client_data, server_data=server_data, resolution_strategy=strategy,
                            resolved_data=resolved_data, resolved_at=resolved_at)
    conflict.save(force_insert=True)
    return conflict


def _too_old(action, now) -> bool:
    return action.occurred_at < now - OLDEST_ACCEPTED


# ---------------------------------------------------------------------------------- lesson progress


def _progress_row(student_id, lesson_id):
    return (StudentProgress.select()
            .where((StudentProgress.student == student_id) & (StudentProgress.lesson == lesson_id))
            .first())


def progress_data(progress) -> dict | None:
    """A progress row as JSON, for answers and conflicts."""
    if progress is None:
        return None
    return {"status": progress.status, "progress": float(progress.progress), "time_spent": progress.time_spent,
            "started_at": _iso(progress.started_at), "completed_at": _iso(progress.completed_at),
            "last_accessed": _iso(progress.last_accessed), "sync_version": progress.sync_version,
            "device_id": progress.device_id}


def _iso(moment):
    return moment.isoformat() if moment else None


def _lesson_refusal(student_id, lesson_id):
    """Why a lesson is not available: unpublished (in a course of the student's classes), else not found."""
    enrolled = (ClassCourse
                .select(ClassCourse.course)
                .join(Enrollment, on=(Enrollment.school_class == ClassCourse.school_class))
                .where((Enrollment.student == student_id) & (Enrollment.status == EnrollmentStatus.ACTIVE)))
    unpublished = (Lesson.select(Lesson.id)
                   .join(Course)
                   .where((Lesson.id == lesson_id) & Lesson.course.in_(enrolled)
                          & (~Lesson.is_published | ~Course.is_published))
                   .exists())
    return Refused("unpublished" if unpublished else "not_found")


def apply_lesson_progress(student_id, device_id, action, now, batch, decision=None) -> dict:
    """Open, keep reading or finish a lesson offline, merged by rule 2 of this module."""
    data = action.data
    lesson_id, event, seconds = parse_uuid(data.get("lesson_id")), data.get("event"), data.get("seconds", 0)
    if lesson_id is None or event not in PROGRESS_EVENTS or isinstance(seconds, bool) \
            or not isinstance(seconds, int) or seconds < 0:
        raise Refused("invalid")
    lesson = batch.lesson(student_id, lesson_id)
    if lesson is None:
        raise _lesson_refusal(student_id, lesson_id)
    before = _progress_row(student_id, lesson.id)
    if decision is None and _too_old(action, now):
        raise Refused("too_old", keep=True, entity_type="lesson_progress", entity_id=lesson.id,
                      server_data={"progress": progress_data(before)})
    first_time = False
    try:
        if event == "open":
            row = lessons.open_lesson(student_id, lesson, action.occurred_at, device_id)
        elif event == "read":
            row = lessons.keep_reading(student_id, lesson, action.occurred_at, device_id)
        else:
            first_time = lessons.finish_lesson(student_id, lesson, action.occurred_at, device_id)
            row = _progress_row(student_id, lesson.id)
    except lessons.LessonUnavailable as unavailable:
        raise Refused(unavailable.reason, keep=True, entity_type="lesson_progress", entity_id=lesson.id,
                      server_data={"progress": progress_data(before)}) from None
    after, merged = _merge_progress(row, before, action, event, min(seconds, MAX_SECONDS_PER_ACTION))
    result = {"status": APPLIED, "detail": progress_data(after)}
    if first_time:
        gains = reward_finished_lesson(student_id, lesson, lesson.course.subject, action.occurred_at)
        result["gains"] = {"xp": gains.xp, "crystals": gains.crystals, "sparks": gains.sparks}
    if seconds > MAX_SECONDS_PER_ACTION:
        result["seconds_capped"] = MAX_SECONDS_PER_ACTION
    if _changed_elsewhere(before, action, device_id) or merged:
        conflict = record_conflict(batch.log, "lesson_progress", lesson.id, action.data,
                                   {"progress": progress_data(before)}, strategy="merge",
                                   resolved_data={"progress": progress_data(after), "merged": merged},
                                   resolved_at=now)
        result["resolution"] = "merge"
        result["conflict_id"] = str(conflict.id)
    return result


def _merge_progress(row, before, action, event, seconds):
    """Time spent = what the device measured; the earliest completion wins. Returns (row, what was merged)."""
    changes, merged = {}, []
    # The domain counted the gap since the last sign of reading; offline, the device's own
    # measure replaces it (the gap means nothing when actions arrive out of order).
    time_spent = (before.time_spent if before else 0) + seconds
    if row.time_spent != time_spent:
        changes[StudentProgress.time_spent] = time_spent
    # finish_lesson leaves a completed lesson untouched: the merge still takes the extremes.
    if row.last_accessed < action.occurred_at:
        changes[StudentProgress.last_accessed] = action.occurred_at
    if row.started_at is None or row.started_at > action.occurred_at:
        changes[StudentProgress.started_at] = action.occurred_at
    if event == "finish" and row.completed_at and row.completed_at > action.occurred_at:
        changes[StudentProgress.completed_at] = action.occurred_at
        merged.append("completed_at")
    if not changes:
        return row, merged
    # RETURNING: the row as the trigger left it (a new sync_version), without reading it again.
    updated = list(StudentProgress.update(changes).where(StudentProgress.id == row.id).returning(StudentProgress))
    return updated[0], merged


def _changed_elsewhere(before, action, device_id) -> bool:
    """True when another device changed the row after the version the action was based on."""
    return (before is not None and action.based_on is not None and action.based_on < before.sync_version
            and before.device_id != device_id)


# ---------------------------------------------------------------------------------- quiz attempts


def _quiz_refusal(student_id, quiz_id):
    """Why a quiz is not available: closed (unpublished, its lesson still open), unpublished, not found."""
    quiz = (Quiz.select(Quiz.id, Quiz.lesson).where(Quiz.id == quiz_id).first())
    if quiz is None or quiz.lesson_id is None:
        return Refused("not_found")
    if lessons.lesson_for_student(student_id, quiz.lesson_id) is None:
        return _lesson_refusal(student_id, quiz.lesson_id)
    return Refused("quiz_closed", keep=True, entity_type="quiz_attempt", entity_id=quiz.id,
                   server_data={"attempts": attempts_data(student_id, quiz.id)})


def _closed_quiz(student_id, quiz_id):
    """A quiz unpublished since, with its lesson still open to the student (for a decided conflict)."""
    return (Quiz.select(Quiz, Lesson, Course)
            .join(Lesson).join(Course)
            .where((Quiz.id == quiz_id) & Lesson.is_published
                   & Lesson.course.in_(course_ids_of_student(student_id)))
            .first())


def attempts_data(student_id, quiz_id) -> list:
    """The student's attempts at a quiz as JSON, for answers and conflicts."""
    return [{"attempt": a.attempt, "status": a.status, "score": float(a.score) if a.score is not None else None,
             "is_final": a.is_final, "submitted_at": _iso(a.submitted_at)}
            for a in quizzes.attempts_of(student_id, quiz_id)]


def _answers_of(data):
    answers = data.get("answers", {})
    if not isinstance(answers, dict) or len(answers) > 200:
        raise Refused("invalid")
    return answers


def _form_of(entry):
    """The answer's form fields as the page would post them; Refused when they cannot be."""
    fields = entry.get("fields") if isinstance(entry, dict) else None
    if not isinstance(fields, dict) or len(fields) > MAX_ANSWER_FIELDS:
        raise Refused("invalid")
    form = MultiDict()
    for name, values in fields.items():
        for value in values if isinstance(values, list) else [values]:
            if not isinstance(value, (str, int, float)) or isinstance(value, bool) \
                    or len(str(value)) > MAX_FIELD_LENGTH:
                raise Refused("invalid")
            form.add(str(name), str(value))
    return form


def apply_quiz_attempt(student_id, device_id, action, now, batch, decision=None) -> dict:
    """A quiz attempt taken offline: started, answered and handed in on the server, scored there."""
    data = action.data
    quiz_id = parse_uuid(data.get("quiz_id"))
    if quiz_id is None:
        raise Refused("invalid")
    answers = _answers_of(data)
    started_at = min(parse_moment(data["started_at"]), action.occurred_at) if data.get("started_at") \
        else action.occurred_at
    quiz = quizzes.quiz_for_student(student_id, quiz_id) or (decision and _closed_quiz(student_id, quiz_id))
    if not quiz:
        raise _quiz_refusal(student_id, quiz_id)
    if decision is None and _too_old(action, now):
        raise Refused("too_old", keep=True, entity_type="quiz_attempt", entity_id=quiz.id,
                      server_data={"attempts": attempts_data(student_id, quiz.id)})
    attempt = _start(student_id, quiz, started_at, action, device_id, decision)
    if attempt.status != SubmissionStatus.IN_PROGRESS:  # this client id was handed in already
        return {"status": APPLIED, "detail": _attempt_data(attempt)}
    rejected, late = _save_answers(student_id, attempt, quiz, answers, started_at, action.occurred_at)
    outcome = quizzes.submit_attempt(student_id, attempt, quiz, action.occurred_at)
    result = {"status": APPLIED}
    if decision == "merge":
        _keep_final_within(student_id, quiz)
    elif outcome.newly_submitted:
        gains = reward_attempt(student_id, outcome.submission, quiz, quiz.lesson.course.subject, action.occurred_at)
        result["gains"] = {"xp": gains.xp, "crystals": gains.crystals, "sparks": gains.sparks}
    result["detail"] = {**_attempt_data(Submission.get_by_id(attempt.id)), "rejected": rejected, "late": late}
    return result


def _start(student_id, quiz, started_at, action, device_id, decision):
    attempts = quizzes.attempts_of(student_id, quiz.id)
    if decision in ("client_wins", "merge"):
        # A teacher accepted an attempt beyond the limit: room for exactly this one more.
        quiz = copy.copy(quiz)
        quiz.__data__ = dict(quiz.__data__)  # a model's copy shares its field values otherwise
        quiz.max_attempts = max(quiz.max_attempts, len(attempts) + 1)
    try:
        return quizzes.start_attempt(student_id, quiz, started_at, action.client_id, device_id)
    except quizzes.QuizRefused as refused:
        raise Refused(refused.reason, keep=True, entity_type="quiz_attempt", entity_id=quiz.id,
                      server_data={"attempts": [a for a in attempts_data(student_id, quiz.id)]}) from None


def _save_answers(student_id, attempt, quiz, answers, started_at, handed_in_at):
    questions = {question.id: question for question in quizzes.attempt_questions(attempt)}
    rejected, late = [], []
    for key, entry in answers.items():
        question = questions.get(parse_uuid(key))
        if question is None:
            rejected.append(key)
            continue
        form = _form_of(entry)
        try:
            moment = parse_moment(entry["answered_at"]) if entry.get("answered_at") else handed_in_at
        except InvalidAction:
            moment = handed_in_at
        moment = min(max(moment, started_at), handed_in_at)
        try:
            answer = grading.answer_from_form(question.type, question.options, question.correct_answer,
                                              form, "answer")
            quizzes.save_answer(student_id, attempt, quiz, question, answer, moment)
        except grading.AnswerRejected:
            rejected.append(key)
        except quizzes.QuizRefused as refused:
            (late if refused.reason == "time_up" else rejected).append(key)
    return rejected, late


def _attempt_data(attempt) -> dict:
    return {"attempt_id": str(attempt.id), "attempt": attempt.attempt, "status": attempt.status,
            "score": float(attempt.score) if attempt.score is not None else None, "passed": attempt.passed}


def _keep_final_within(student_id, quiz):
    """After a merged extra attempt: the attempt that counts is chosen among the allowed ones only."""
    mine = (Submission.student == student_id) & (Submission.quiz == quiz.id)
    best = (Submission.select(Submission.id)
            .where(mine & (Submission.status == SubmissionStatus.GRADED)
                   & (Submission.attempt <= quiz.max_attempts))
            .order_by(Submission.score.desc(), Submission.attempt)
            .first())
    # Two statements, as in quizzes.mark_final_attempt: one final attempt at any moment.
    Submission.update(is_final=False).where(mine & Submission.is_final).execute()
    if best is not None:
        Submission.update(is_final=True).where(Submission.id == best.id).execute()


# ---------------------------------------------------------------------------------- assignment hand-ins


def apply_assignment_submission(student_id, device_id, action, now, batch, decision=None) -> dict:
    """A text hand-in written offline, handed in through `assignments.submit_assignment` at its own moment.

    Its moment decides lateness, as on the page. A hand-in older than the one on the server,
    or for work already graded, is kept as a conflict rather than replacing newer work.
    """
    from spark import assignments  # imported here: assignments imports uploads, which the API never needs
    data = action.data
    assignment_id, text = parse_uuid(data.get("assignment_id")), data.get("text")
    if assignment_id is None or not isinstance(text, str):
        raise Refused("invalid")
    item = assignments.assignment_for_student(student_id, assignment_id, action.occurred_at)
    if item is None:
        raise Refused("not_found")
    current = item.submission
    server_data = {"submission": None if current is None else {
        "submitted_at": _iso(current.submitted_at), "content": current.content,
        "graded": current.score is not None}}
    if decision is None:
        if _too_old(action, now):
            raise Refused("too_old", keep=True, entity_type="assignment_submission", entity_id=assignment_id,
                          server_data=server_data)
        if current is not None and current.score is not None:
            raise Refused("already_graded", keep=True, entity_type="assignment_submission",
                          entity_id=assignment_id, server_data=server_data)
        if current is not None and current.submitted_at > action.occurred_at:
            raise Refused("newer_on_server", keep=True, entity_type="assignment_submission",
                          entity_id=assignment_id, server_data=server_data)
    if decision == "merge":  # kept for the record, in the conflict itself; the server's hand-in stays
        return {"status": APPLIED, "detail": server_data}
    try:
        submission = assignments.submit_assignment(User.get_by_id(student_id), item.assignment, text, [],
                                                   action.occurred_at, 0)
    except assignments.SubmissionRefused as refused:
        raise Refused("assignment_refused", server_data={"message": str(refused.message)}) from None
    return {"status": APPLIED, "detail": {"submission_id": str(submission.id), "is_late": submission.is_late,
                                          "submitted_at": _iso(submission.submitted_at)}}


APPLIERS = {
    "lesson_progress": apply_lesson_progress,
    "quiz_attempt": apply_quiz_attempt,
    "assignment_submission": apply_assignment_submission,
}


# ---------------------------------------------------------------------------------- for staff


def pending_conflicts(actor, limit=200) -> list:
    """Conflicts of the students this teacher or admin sees that wait for a decision, oldest first."""
    return list(SyncConflict
                .select(SyncConflict, SyncLog, User, Profile)
                .join(SyncLog)
                .join(User)
                .join(Profile, on=(Profile.user == User.id))
                .where(SyncConflict.resolved_at.is_null()
                       & SyncLog.user.in_(student_ids_visible_to(actor)))
                .order_by(SyncConflict.created_at, SyncConflict.id)
                .limit(limit))


def conflict_titles(conflicts) -> dict:
    """The title of each conflict's lesson, quiz or assignment, by id (three queries)."""
    ids = {conflict.entity_id for conflict in conflicts}
    if not ids:
        return {}
    titles = {}
    for model in (Lesson, Quiz, Assignment):
        titles.update({row.id: row.title for row in model.select(model.id, model.title).where(model.id.in_(ids))})
    return titles


def devices_of_students(actor, limit=500) -> list:
    """Each visible student's devices: batches, last sync and its status, newest first (one query)."""
    statuses = fn.ARRAY_AGG(SyncLog.status.cast("text")).order_by(SyncLog.created_at.desc())
    return list(SyncLog
                .select(SyncLog.user, SyncLog.device_id, Profile.display_name.alias("student_name"),
                        fn.COUNT(SyncLog.id).alias("batches"),
                        fn.MAX(SyncLog.created_at).alias("last_sync"),
                        fn.SUM(SyncLog.failed_actions).alias("failed"),
                        statuses.alias("statuses"))
                .join(Profile, on=(Profile.user == SyncLog.user))
                .where(SyncLog.user.in_(student_ids_visible_to(actor)))
                .group_by(SyncLog.user, SyncLog.device_id, Profile.display_name)
                .order_by(fn.MAX(SyncLog.created_at).desc())
                .limit(limit)
                .dicts())


def resolve_conflict(actor, conflict_id, strategy, now) -> SyncConflict | None:
    """Decide a waiting conflict the actor may see; None when there is no such conflict.

    Raises CannotResolve when the client's side cannot be applied (any more).
    """
    if strategy not in STRATEGIES:
        raise ValueError(f"unknown strategy {strategy!r}")
    conflict = next((c for c in pending_conflicts_by_id(actor, conflict_id)), None)
    if conflict is None:
        return None
    student = conflict.sync_log.user
    if strategy == "server_wins":
        resolved = {"kept": conflict.server_data}
    else:
        resolved = _apply_decided(conflict, student, strategy, now)
    (SyncConflict
     .update(resolution_strategy=strategy, resolved_data=resolved, resolved_at=now, resolved_by=actor.id)
     .where((SyncConflict.id == conflict.id) & SyncConflict.resolved_at.is_null())
     .execute())
    return SyncConflict.get_by_id(conflict.id)


def pending_conflicts_by_id(actor, conflict_id):
    """The waiting conflict with this id, if the actor sees its student (a list of 0 or 1)."""
    return list(SyncConflict
                .select(SyncConflict, SyncLog, User)
                .join(SyncLog)
                .join(User)
                .where((SyncConflict.id == conflict_id) & SyncConflict.resolved_at.is_null()
                       & SyncLog.user.in_(student_ids_visible_to(actor))))


def _apply_decided(conflict, student, strategy, now) -> dict:
    try:
        action = parse_action(conflict.client_data, now)
    except InvalidAction as invalid:
        raise CannotResolve(invalid.reason) from None
    # The work is the student's, done as the system of their school: a teacher may
    # not see every course the student follows, and the audit keeps who decided.
    with as_system(student.school_id):
        try:
            with database.atomic():
                return APPLIERS[action.type](student.id, conflict.sync_log.device_id, action, now,
                                             Batch(log=conflict.sync_log), strategy)
        except Refused as refusal:
            raise CannotResolve(refusal.reason) from None
