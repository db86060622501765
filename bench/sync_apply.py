"""How long the sync API's domain takes to apply a batch of offline actions (issue 6).

Run by hand:  .venv/bin/python bench/sync_apply.py [number of actions, default 1000]
It starts a throwaway embedded PostgreSQL (or uses TEST_DATABASE_URL, a superuser URL),
migrates a fresh database, builds the test world and a course, and applies, as the
student (row-level security on, connected as spark_app), one batch made like a real
day offline: lesson opened, reading-time pings every minute, lessons finished, quiz
attempts handed in. It then sends the same batch again (every action a duplicate).
"""
import os
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from spark import create_app, sync  # noqa: E402
from spark.accounts import utcnow  # noqa: E402
from spark.db import (APP_ROLE, OWNER_ROLE, acting_as, apply_migrations, as_system, bootstrap_database,  # noqa: E402
                      database, drop_database, start_embedded_server, url_for_role)
from spark.models import Lesson, Question  # noqa: E402
from tests import factories  # noqa: E402

RIGHT = {"MULTIPLE_CHOICE": {"answer": ["1"]}, "TRUE_FALSE": {"answer": ["true"]}, "SHORT_ANSWER": {"answer": ["0.75"]}}


def batch(lessons, quiz, questions, count, now):
    """`count` actions over a few days: per lesson an open, minute pings, a finish; a quiz attempt now and then."""
    actions, moment, index = [], now - timedelta(days=3), 0
    while len(actions) < count:
        lesson = lessons[index % len(lessons)]
        index += 1
        actions.append(_progress(lesson, "open", moment, 0))
        for _ in range(min(15, count - len(actions) - 1)):
            moment += timedelta(seconds=60)
            actions.append(_progress(lesson, "read", moment, 60))
        moment += timedelta(seconds=30)
        actions.append(_progress(lesson, "finish", moment, 30))
        if index % 4 == 0 and len(actions) < count:
            actions.append({"client_id": str(uuid.uuid4()), "type": "quiz_attempt", "occurred_at": moment.isoformat(),
                            "quiz_id": str(quiz.id), "started_at": (moment - timedelta(minutes=2)).isoformat(),
                            "answers": {str(q.id): {"fields": RIGHT[q.type]} for q in questions}})
    return actions[:count]


def _progress(lesson, event, moment, seconds):
    return {"client_id": str(uuid.uuid4()), "type": "lesson_progress", "occurred_at": moment.isoformat(),
            "lesson_id": str(lesson.id), "event": event, "seconds": seconds}


def main(count):
    server = os.environ.get("TEST_DATABASE_URL") or start_embedded_server(
        Path(tempfile.mkdtemp(prefix="spark-bench-")) / "pg", delete_on_exit=True)
    name = f"spark_bench_{os.getpid()}"
    drop_database(server, name)
    bootstrap_database(server, name)
    apply_migrations(url_for_role(server, OWNER_ROLE, name))
    app = create_app({"TESTING": True, "SECRET_KEY": "bench", "DATABASE_URL": url_for_role(server, APP_ROLE, name),
                      "DATABASE_OWNER_URL": url_for_role(server, OWNER_ROLE, name)})
    try:
        with app.app_context():
            database.connect(reuse_if_open=True)
            with as_system():
                world = factories.build_world()
                course, lessons, quiz = factories.make_course(world.schools["a"], world["teacher_a"],
                                                              world.classes["maths_a"], lessons=12)
                # Twelve lessons, each open at once (the lock is per lesson order; finish order follows).
                Lesson.update(offline_content=Lesson.content).where(Lesson.course == course.id).execute()
                questions = list(Question.select().where(Question.quiz == quiz.id))
            student = world["student_a2"]
            now = utcnow()
            actions = batch(lessons, quiz, questions, count, now)
            for label in ("first time", "replayed (all duplicates)"):
                started = time.perf_counter()
                with acting_as(student.id, "STUDENT", student.school_id):
                    results = sync.apply_batch(student.id, "bench-phone", actions, now).results
                elapsed = time.perf_counter() - started
                counts = {}
                for result in results:
                    counts[result["status"]] = counts.get(result["status"], 0) + 1
                print(f"{count} actions, {label}: {elapsed:.2f} s ({1000 * elapsed / count:.1f} ms per action) {counts}")
            database.close()
    finally:
        database.obj.close_all()
        drop_database(server, name)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
