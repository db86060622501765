"""Time an assignment's grading page for a class of 50, with the Flask test client.

Run by hand (it starts an embedded PostgreSQL in a temporary folder, or uses
TEST_DATABASE_URL, a superuser URL, and creates and drops its own database):
    .venv/bin/python bench/grading_page.py [students]
Three students in four have handed in (half of them late, each with a file
row); a third of those are graded. Prints the median and slowest of 20 GETs of
the grading page and the statements it ran, then the time of one htmx grade
(save a row) and of "save and next ungraded" (which re-renders the table).
"""
import datetime
import re
import sys
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from harness import RUNS, bench_app, build_as_system, signed_in_client, timed  # noqa: E402

from tests import factories  # noqa: E402

SIZE = int(sys.argv[1]) if len(sys.argv) > 1 else 50


def build(world, size):
    """A class of `size` students and an assignment most of them handed in."""
    from spark.models import Assignment, AssignmentSubmission, Enrollment, SchoolClass, Upload
    school, teacher = world.schools["a"], world["teacher_a"]
    school_class = factories.make_class(school, teacher, "Bench class")
    SchoolClass.update(max_students=size + 10).where(SchoolClass.id == school_class.id).execute()
    now = datetime.datetime.now(datetime.timezone.utc)
    assignment = Assignment.create(school_class=school_class, created_by=teacher, title="Bench essay",
                                   description="Write.", due_date=now + datetime.timedelta(days=1), max_score=20,
                                   allowed_file_types=["pdf"], is_published=True, late_penalty=10)
    for n in range(size):
        student = factories.make_user(f"bench_{n}", "STUDENT", school, f"Bench Student {n:02d}", grade=7)
        Enrollment.create(student=student, school_class=school_class)
        if n % 4 == 3:
            continue
        submission = AssignmentSubmission.create(
            assignment=assignment, student=student, content="My essay " * 40, is_late=n % 2 == 0,
            submitted_at=now - datetime.timedelta(hours=n), score=12 if n % 3 == 0 else None,
            raw_score=12 if n % 3 == 0 else None)
        Upload.create(key=uuid.uuid4().hex + uuid.uuid4().hex[:8], owner=student, school=school,
                      purpose="assignment_submission", original_name=f"essay-{n}.pdf",
                      content_type="application/pdf", size=1234, sha256="0" * 64, assignment_submission=submission)
    return assignment


def main():
    with bench_app() as app:
        def make(world):
            made = build(world, SIZE)
            return made

        assignment = build_as_system(app, make)
        client = signed_in_client(app, "teacher_a")
        path = f"/teacher/assignments/{assignment.id}/submissions"
        print(f"class of {SIZE} students, {RUNS} requests (Flask test client, embedded PostgreSQL)")
        print(f"{'page':<40} {'median ms':>10} {'max ms':>8} {'queries':>8}")
        median, slowest, queries = timed(client, path)
        print(f"{'grading page':<40} {median:>10.1f} {slowest:>8.1f} {queries:>8}")
        html = client.get(path).get_data(as_text=True)
        token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
        for label, suffix in (("grade one row (htmx)", ""), ("save and next ungraded (htmx)", "?next=1")):
            html = client.get(path).get_data(as_text=True)
            action, version = re.search(
                r'action="([^"]+/grade)"[^>]*>\s*<input[^>]*>\s*<input type="hidden" name="version" value="(\d+)"',
                html).groups()
            start = time.perf_counter()
            response = client.post(action + suffix, data={"csrf_token": token, "score": "15", "version": version},
                                   headers={"HX-Request": "true"})
            elapsed = (time.perf_counter() - start) * 1000
            assert response.status_code == 200, response.status_code
            print(f"{label:<40} {elapsed:>10.1f}")


if __name__ == "__main__":
    main()
