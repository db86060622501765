"""Time the teacher's class pages for a class of 50, with the Flask test client.

Run by hand (it starts an embedded PostgreSQL in a temporary folder, or uses
TEST_DATABASE_URL, a superuser URL, and creates and drops its own database):
    .venv/bin/python bench/teacher_pages.py [students]
Each student has three lessons completed and three graded quiz attempts with
answers, so the insight page has real rows to count. Prints the median and the
slowest of 20 requests per page, the statements each page ran, and the time to
import a 50-row roster (argon2 hashing dominates it).
"""
import datetime
import io
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import RUNS, bench_app, build_as_system, signed_in_client, timed  # noqa: E402

from spark.db import database  # noqa: E402
from tests import factories  # noqa: E402

SIZE = int(sys.argv[1]) if len(sys.argv) > 1 else 50


def build(world, size):
    """A class of `size` students with progress and graded attempts."""
    from spark.models import Enrollment, StudentProgress, Submission, SubmissionAnswer
    school, teacher = world.schools["a"], world["teacher_a"]
    school_class = factories.make_class(school, teacher, "Bench class")
    from spark.models import SchoolClass
    SchoolClass.update(max_students=size + 60).where(SchoolClass.id == school_class.id).execute()
    course, lessons, quiz = factories.make_course(school, teacher, school_class, title="Bench course")
    questions = list(quiz.questions)
    now = datetime.datetime.now(datetime.timezone.utc)
    for n in range(size):
        student = factories.make_user(f"bench_{n}", "STUDENT", school, f"Bench Student {n}", grade=7,
                                      streak=n % 9)
        Enrollment.create(student=student, school_class=school_class)
        for index, lesson in enumerate(lessons):
            at = now - datetime.timedelta(days=3 * n % 40 + index)
            StudentProgress.create(student=student, lesson=lesson, status="COMPLETED", progress=100,
                                   started_at=at, completed_at=at)
        for attempt in range(1, 4):
            at = now - datetime.timedelta(days=attempt)
            score = (n * 7 + attempt * 13) % 101
            submission = Submission.create(student=student, quiz=quiz, status="GRADED", score=score, max_score=4,
                                           points_earned=score * 4 / 100, passed=score >= 60, attempt=attempt,
                                           started_at=at, submitted_at=at, graded_at=at)
            for q in questions:
                credit = (n + attempt + q.order_index) % 2
                SubmissionAnswer.create(submission=submission, student_id=student.id, question=q,
                                        answer={"value": 1}, credit=credit, points_awarded=credit, max_points=1)
    return school_class


def main():
    with bench_app() as app:
        def make(world):
            made = build(world, SIZE)
            database.execute_sql("SELECT refresh_class_performance()")
            return made

        school_class = build_as_system(app, make)
        client = signed_in_client(app, "teacher_a")
        print(f"class of {SIZE} students, {RUNS} requests each (Flask test client, embedded PostgreSQL)")
        print(f"{'page':<40} {'median ms':>10} {'max ms':>8} {'queries':>8}")
        for label, path in [("roster", f"/teacher/classes/{school_class.id}"),
                            ("insight", f"/teacher/classes/{school_class.id}/insight"),
                            ("add students (search 'bench')",
                             f"/teacher/classes/{school_class.id}/students/add?q=bench"),
                            ("home", "/teacher/")]:
            median, slowest, queries = timed(client, path)
            print(f"{label:<40} {median:>10.1f} {slowest:>8.1f} {queries:>8}")
        roster = "name,grade\n" + "".join(f"Import Student {n},7\n" for n in range(50))
        page = client.get(f"/teacher/classes/{school_class.id}/import")
        token = re.search(r'name="csrf_token" value="([^"]+)"', page.get_data(as_text=True)).group(1)
        start = time.perf_counter()
        checked = client.post(f"/teacher/classes/{school_class.id}/import", content_type="multipart/form-data",
                              data={"csrf_token": token, "roster": (io.BytesIO(roster.encode()), "r.csv")})
        check_ms = (time.perf_counter() - start) * 1000
        start = time.perf_counter()
        created = client.post(f"/teacher/classes/{school_class.id}/import/confirm",
                              data={"csrf_token": token, "content": roster})
        create_ms = (time.perf_counter() - start) * 1000
        assert checked.status_code == 200 and created.status_code == 200, (checked.status_code, created.status_code)
        print(f"{'import 50 rows: check':<40} {check_ms:>10.1f}")
        print(f"{'import 50 rows: create + login cards':<40} {create_ms:>10.1f}")


if __name__ == "__main__":
    main()
