"""Property: however a device's actions are shuffled, repeated and cut into batches, the server ends
up exactly as if it had applied each action once (issue 6)."""
import uuid
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from spark.accounts import utcnow
from spark.models import Lesson
from tests.factories import make_course
from tests.test_sync import RIGHT, WRONG, attempt_action, end_state, progress_action

# Every moment falls on one school day (yesterday, around noon in Pune): the streak counts days
# in the order they are applied, which only the whole history could make order-free (spark/streaks.py).
NOON = datetime.combine(utcnow().astimezone(ZoneInfo("Asia/Kolkata")).date() - timedelta(days=1), time(12),
                        tzinfo=ZoneInfo("Asia/Kolkata"))


@pytest.fixture
def course(db, world):
    """One lesson open to the student (no lock to depend on) and its two-attempt quiz."""
    made_course, made, quiz = make_course(world.schools["a"], world["teacher_a"], world.classes["maths_a"],
                                          lessons=1)
    Lesson.update(offline_content=Lesson.content).where(Lesson.course == made_course.id).execute()
    return made[0], quiz


progress_events = st.tuples(st.sampled_from(["open", "read", "finish"]), st.integers(0, 400), st.integers(-150, 150))
attempts = st.lists(st.tuples(st.booleans(), st.integers(-150, 150)), max_size=2)  # at most max_attempts


def intended(lesson, quiz, events, tries):
    """The actions a device made, each once, each with its own client id."""
    actions = [progress_action(lesson, event, NOON + timedelta(minutes=minute), seconds=seconds)
               for event, seconds, minute in events]
    actions += [attempt_action(quiz, NOON + timedelta(minutes=minute, seconds=1), answers=RIGHT if right else WRONG,
                               client_id=uuid.uuid4())
                for right, minute in tries]
    return actions


def comparable(state):
    """The state, with each reward dated by its school day: the ledger is append-only, so a lesson's
    reward keeps the moment of the first finish applied, while completed_at takes the earliest."""
    local = ZoneInfo("Asia/Kolkata")
    return {**state, "ledger": sorted((*row[:4], row[4].astimezone(local).date()) for row in state["ledger"])}


@st.composite
def deliveries(draw, actions):
    """The same actions as a flaky network delivers them: reordered, some sent again, cut into batches."""
    again = draw(st.lists(st.sampled_from(actions), max_size=len(actions))) if actions else []
    sent = draw(st.permutations(actions + again))
    cuts = sorted(draw(st.lists(st.integers(0, len(sent)), max_size=4)))
    return [sent[start:end] for start, end in zip([0] + cuts, cuts + [len(sent)])]


@settings(max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(events=st.lists(progress_events, min_size=1, max_size=8), tries=attempts, data=st.data())
def test_shuffled_repeated_and_split_batches_end_as_each_action_applied_once(course, world, events, tries, data):
    lesson, quiz = course
    student = world["student_a2"]
    actions = intended(lesson, quiz, events, tries)
    once, _ = end_state(student, [actions])
    batches = data.draw(deliveries(actions))
    delivered, answers = end_state(student, batches)
    assert comparable(delivered) == comparable(once)
    # Every action got exactly one answer that was not "duplicate": nothing lost, nothing twice.
    first_answers = {}
    for answer in (a for batch in answers for a in batch):
        if answer["status"] != "duplicate":
            assert answer["client_id"] not in first_answers
            first_answers[answer["client_id"]] = answer["status"]
    assert set(first_answers) == {action["client_id"] for action in actions}
    assert set(first_answers.values()) <= {"applied"}
