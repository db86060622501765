"""Rows for tests: two schools with their people, built once per run (see conftest.world)."""
from dataclasses import dataclass, field
from functools import lru_cache

from spark.models import Enrollment, GuardianLink, Profile, RewardLedger, School, SchoolClass, User
from spark.models.enums import LinkStatus, Role
from spark.passwords import hash_password

PASSWORD = "correct horse battery"


@lru_cache(maxsize=1)
def password_hash() -> str:
    # Hashing once keeps the fixtures fast; every test user shares the password.
    return hash_password(PASSWORD)


def make_user(username, role, school=None, display_name=None, is_active=True, grade=None, email=None,
              xp=0, streak=0, preferred_language=None):
    """A user and their profile, inserted directly (the caller acts as the system)."""
    user = User.create(username=username, email=email, password_hash=password_hash(), role=role,
                       school=school, is_active=is_active, preferred_language=preferred_language)
    name = display_name or username.replace("_", " ").title()
    first, _, last = name.partition(" ")
    Profile.create(user=user, first_name=first, last_name=last, display_name=name, grade=grade,
                   streak=streak)
    if xp:
        RewardLedger.create(student=user, currency="XP", amount=xp, reason="ADJUSTMENT",
                            idempotency_key="test-setup", description="Starting XP for a test")
    return user


def make_class(school, teacher, name, subject="Mathematics", grade=7, students=()):
    """A class with its students enrolled."""
    school_class = SchoolClass.create(name=name, subject=subject, grade=grade, teacher=teacher, school=school,
                                      academic_year="2026-27")
    for student in students:
        Enrollment.create(student=student, school_class=school_class)
    return school_class


@dataclass
class World:
    """What build_world made, by name."""

    schools: dict = field(default_factory=dict)
    users: dict = field(default_factory=dict)
    classes: dict = field(default_factory=dict)
    links: dict = field(default_factory=dict)

    def __getitem__(self, username):
        return self.users[username]


def build_world() -> World:
    """School A: an admin, two teachers, three students, two guardians (one approved, one pending).
    School B: an admin, a teacher and a student. And a platform admin with no school."""
    world = World()
    a = School.create(name="Sunrise Public School", district="Pune", state="Maharashtra")
    b = School.create(name="Riverside School", district="Patna", state="Bihar")
    world.schools.update(a=a, b=b)
    u = world.users
    u["admin_a"] = make_user("admin_a", Role.ADMIN, a, "Asha Admin")
    u["teacher_a"] = make_user("teacher_a", Role.TEACHER, a, "Tara Teacher")
    u["teacher_a2"] = make_user("teacher_a2", Role.TEACHER, a, "Tarun Teacher")
    u["student_a"] = make_user("student_a", Role.STUDENT, a, "Anil Kumar", grade=7, xp=450, streak=3,
                               email="anil@example.org")
    u["student_a2"] = make_user("student_a2", Role.STUDENT, a, "Bina Das", grade=7, xp=120)
    u["student_a3"] = make_user("student_a3", Role.STUDENT, a, "Chetan Rao", grade=7)
    u["inactive_a"] = make_user("inactive_a", Role.STUDENT, a, "Old Student", is_active=False)
    u["guardian_a"] = make_user("guardian_a", Role.GUARDIAN, None, "Gita Kumar")
    u["guardian_pending"] = make_user("guardian_pending", Role.GUARDIAN, None, "Pending Parent")
    u["admin_b"] = make_user("admin_b", Role.ADMIN, b, "Bela Admin")
    u["teacher_b"] = make_user("teacher_b", Role.TEACHER, b, "Bhanu Teacher")
    u["student_b"] = make_user("student_b", Role.STUDENT, b, "Dev Singh", grade=7)
    u["platform_admin"] = make_user("platform_admin", Role.ADMIN, None, "Platform Admin")
    world.classes["maths_a"] = make_class(a, u["teacher_a"], "7A Mathematics",
                                          students=[u["student_a"], u["student_a2"]])
    world.classes["science_a"] = make_class(a, u["teacher_a2"], "7B Science", subject="Science",
                                            students=[u["student_a3"]])
    world.classes["maths_b"] = make_class(b, u["teacher_b"], "7 Mathematics", students=[u["student_b"]])
    world.links["approved"] = GuardianLink.create(guardian=u["guardian_a"], student=u["student_a"],
                                                  status=LinkStatus.APPROVED, approved_by=u["admin_a"])
    world.links["pending"] = GuardianLink.create(guardian=u["guardian_pending"], student=u["student_a2"],
                                                 status=LinkStatus.PENDING)
    return world


def make_course(school, teacher, school_class, lessons=3, title="Fractions", subject="Mathematics",
                quiz_questions=None, published=True):
    """A course followed by `school_class`, with lessons (each a text block) and a quiz on the first."""
    from spark.models import ClassCourse, Course, Lesson, Question, Quiz

    course = Course.create(title=title, subject=subject, grade=7, difficulty="EASY", is_published=published,
                           school=school, created_by=teacher)
    ClassCourse.create(school_class=school_class, course=course, assigned_by=teacher)
    made = [Lesson.create(title=f"{title} lesson {n}", course=course, order_index=n, duration=10,
                          is_published=True,
                          content={"version": 1, "blocks": [
                              {"type": "text", "html": f"<h2>Part {n}</h2><p>Read me.</p><script>x()</script>"},
                              {"type": "key_points", "points": ["One", "Two"]}]})
            for n in range(1, lessons + 1)]
    quiz = Quiz.create(title=f"{title} quiz", lesson=made[0], max_attempts=2, passing_score=60,
                       is_published=True, time_limit=10,
                       question_count=len(quiz_questions or DEFAULT_QUESTIONS))
    for number, question in enumerate(quiz_questions or DEFAULT_QUESTIONS, start=1):
        Question.create(quiz=quiz, order_index=number, **question)
    return course, made, quiz


DEFAULT_QUESTIONS = [
    {"type": "MULTIPLE_CHOICE", "text": "Half of 8?", "options": ["2", "4", "6"], "correct_answer": {"correct": [1]},
     "points": 1, "explanation": "8 ÷ 2 = 4"},
    {"type": "TRUE_FALSE", "text": "1/2 = 2/4", "options": None, "correct_answer": {"value": True}, "points": 1,
     "explanation": "Equivalent fractions."},
    {"type": "SHORT_ANSWER", "text": "Write 3/4 as a decimal", "options": None,
     "correct_answer": {"numeric": 0.75, "tolerance": 0.001}, "points": 2, "explanation": "3 ÷ 4"},
]
