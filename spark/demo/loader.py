"""The demo school: people, classes, courses, badges and some learning history.

Every row has an id derived from a stable key (uuid5), and every insert ignores
a row that is already there, so loading twice changes nothing. It runs as the
system, through the application role and its row-level security.
"""
import random
import uuid
from datetime import date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from spark.db import as_system
from spark.demo.content import BADGES, COURSES
from spark.models import (Badge, ClassCourse, ContentTranslation, Course, EarnedBadge, Enrollment, GuardianLink,
                          Lesson, Profile, Question, Quiz, RewardLedger, School, SchoolClass, StudentProgress,
                          Submission, User, UserNotification)
from spark.models.enums import LinkStatus, Role
from spark.passwords import hash_password
from spark.reward_amounts import LESSON_COMPLETED_XP, QUIZ_PASSED_XP, PERFECT_SCORE_CRYSTALS

DEMO_NAMESPACE = uuid.UUID("5b3cc4a0-7a11-4d3e-9c35-5b3cc4000000")
DEMO_PASSWORD = "learn-with-spark"
SCHOOL_KEY = "school:gyan-jyoti"
TIMEZONE = "Asia/Kolkata"

TEACHERS = [  # username, name, subject of the class they run
    ("ravi.sharma", "Ravi Sharma", "g7-maths"),
    ("lakshmi.iyer", "Lakshmi Iyer", "g7-science"),
    ("farhan.khan", "Farhan Khan", "g7-english"),
]
STUDENT_NAMES = [
    "Aarav Patil", "Diya Sharma", "Vivaan Reddy", "Ananya Iyer", "Aditya Kulkarni", "Ishita Gupta",
    "Arjun Nair", "Kavya Menon", "Reyansh Joshi", "Saanvi Deshmukh", "Kabir Singh", "Myra Banerjee",
    "Vihaan Chatterjee", "Aadhya Rao", "Ayaan Qureshi", "Anika Pillai", "Krishna Yadav", "Navya Bhat",
    "Ishaan Mehta", "Riya Verma", "Shaurya Thakur", "Pari Saxena", "Atharv Pawar", "Tara Hegde",
    "Dhruv Mishra", "Meera Krishnan", "Rudra Chauhan", "Siya Agarwal", "Laksh Tiwari", "Avni Jain",
    "Yash Gaikwad", "Kiara D'Souza", "Om Prakash", "Zara Sheikh", "Parth Shinde", "Nisha Rathod",
    "Harsh Bhosale", "Gauri Salunkhe", "Tanmay Ghosh", "Sneha Pandey", "Farhan Ansari", "Pooja Kamble",
    "Rohan Sawant", "Lavanya Murthy",
]
GUARDIANS = [  # username, name, child's username, relationship, approved?
    ("sunita.patil", "Sunita Patil", "aarav", "parent", True),
    ("rajesh.sharma", "Rajesh Sharma", "diya.sharma", "parent", True),
    ("lalitha.reddy", "Lalitha Reddy", "vivaan.reddy", "parent", True),
    ("mohan.iyer", "Mohan Iyer", "ananya.iyer", "guardian", True),
    ("kavita.kulkarni", "Kavita Kulkarni", "aditya.kulkarni", "parent", False),
    ("imran.qureshi", "Imran Qureshi", "ayaan.qureshi", "parent", False),
]


def demo_id(key: str) -> uuid.UUID:
    """The stable id of a demo row."""
    return uuid.uuid5(DEMO_NAMESPACE, key)


def student_username(index: int, name: str) -> str:
    """The demo student's username; the first student is simply `aarav`."""
    return "aarav" if index == 0 else name.lower().replace(" ", ".").replace("'", "")


def demo_sign_ins():
    """(role, username) pairs worth trying, all with DEMO_PASSWORD."""
    return [("Student", "aarav"), ("Teacher", TEACHERS[0][0]), ("Guardian", GUARDIANS[0][0]),
            ("School admin", "meera.admin"), ("Platform admin", "platform")]


def print_demo_sign_ins(echo):
    """Print the demo sign-ins (at start-up and after loading)."""
    echo(f"Demo sign-ins (password for all: {DEMO_PASSWORD}):")
    for role, username in demo_sign_ins():
        echo(f"  {role:<15} {username}")


def demo_school_exists() -> bool:
    """True when the demo school has been loaded into this database."""
    with as_system():
        return School.select().where(School.id == demo_id(SCHOOL_KEY)).exists()


def load_demo_school(now=None):
    """Load the demo school; a second run changes nothing."""
    now = now or datetime.now(timezone.utc)
    with as_system():
        school_id = _school()
        people = _people(school_id)
        course_ids = _courses(school_id, people["teachers"])
        classes = _classes(school_id, people, course_ids)
        _badges(course_ids)
        _guardian_links(people)
        _history(people["students"], course_ids, classes, now)
        _assignments(people, classes, now)
    return school_id


def _insert(model, rows):
    """Insert rows whose ids may already exist; existing rows stay as they are."""
    if rows:
        # Conflict on the id only: ON CONFLICT cannot name the deferrable order keys.
        model.insert_many(rows).on_conflict(conflict_target=[model.id], action="IGNORE").execute()


def _school():
    school_id = demo_id(SCHOOL_KEY)
    _insert(School, [{
        "id": school_id, "name": "Gyan Jyoti Public School", "address": "Karve Road, Kothrud",
        "district": "Pune", "state": "Maharashtra", "timezone": TIMEZONE, "default_language": "en",
        "contact_email": "office@gyanjyoti.example.in", "contact_phone": "+91 20 2545 0000",
        "settings": {"leaderboard_full_names": False},
    }])
    return school_id


def _people(school_id):
    """Admins, teachers, students and guardians, each with a profile."""
    accounts = [("platform", "Platform Admin", Role.ADMIN, None, None),
                ("meera.admin", "Meera Kulkarni", Role.ADMIN, school_id, None)]
    accounts += [(username, name, Role.TEACHER, school_id, None) for username, name, _ in TEACHERS]
    students = [(student_username(i, name), name, Role.STUDENT, school_id, 7)
                for i, name in enumerate(STUDENT_NAMES)]
    accounts += students
    accounts += [(username, name, Role.GUARDIAN, None, None) for username, name, *_ in GUARDIANS]
    existing = {u for (u,) in User.select(User.username).where(
        User.id.in_([demo_id(f"user:{a[0]}") for a in accounts])).tuples()}
    password_hash = hash_password(DEMO_PASSWORD) if len(existing) < len(accounts) else None
    new = [a for a in accounts if a[0] not in existing]
    _insert(User, [{"id": demo_id(f"user:{username}"), "username": username, "password_hash": password_hash,
                    "role": role, "school": school, "email_verified": False}
                   for username, _, role, school, _ in new])
    _insert(Profile, [{"id": demo_id(f"profile:{username}"), "user": demo_id(f"user:{username}"),
                       "first_name": name.split(" ")[0], "last_name": name.partition(" ")[2],
                       "display_name": name, "grade": grade}
                      for username, name, _, _, grade in new])
    return {
        "teachers": {course: demo_id(f"user:{username}") for username, _, course in TEACHERS},
        "students": [demo_id(f"user:{username}") for username, *_ in students],
        "usernames": {username: demo_id(f"user:{username}") for username, *_ in accounts},
    }


def _courses(school_id, teachers):
    """The three courses with their lessons, quizzes, questions and Hindi translations."""
    course_ids = {}
    for course in COURSES:
        course_id = course_ids[course["key"]] = demo_id(f"course:{course['key']}")
        _insert(Course, [{
            "id": course_id, "title": course["title"], "description": course["description"],
            "subject": course["subject"], "grade": course["grade"], "difficulty": course["difficulty"],
            "estimated_hours": course.get("estimated_hours"),
            "learning_objectives": course.get("learning_objectives") or [],
            "prerequisites": [demo_id(f"course:{key}") for key in course.get("prerequisites", [])],
            "is_published": True, "school": school_id, "created_by": teachers.get(course["key"]),
        }])
        _translations(course_id, "course", course.get("translations", {}))
        for order, lesson in enumerate(course["lessons"], start=1):
            _lesson(course_id, course["key"], order, lesson)
    return course_ids


def _lesson(course_id, course_key, order, lesson):
    lesson_id = demo_id(f"lesson:{course_key}:{lesson['key']}")
    _insert(Lesson, [{
        "id": lesson_id, "title": lesson["title"], "content": lesson["content"], "course": course_id,
        "order_index": order, "duration": lesson.get("duration"), "objectives": lesson.get("objectives") or [],
        "keywords": lesson.get("keywords") or [], "difficulty_level": lesson.get("difficulty_level", 1),
        "is_published": True, "requires_internet": lesson.get("requires_internet", False),
        "offline_content": None if lesson.get("requires_internet") else lesson["content"],
    }])
    _translations(lesson_id, "lesson", lesson.get("translations", {}))
    for quiz in lesson.get("quizzes", []):
        quiz_id = demo_id(f"quiz:{course_key}:{quiz['key']}")
        _insert(Quiz, [{
            "id": quiz_id, "title": quiz["title"], "description": quiz.get("description"), "lesson": lesson_id,
            "time_limit": quiz.get("time_limit"), "max_attempts": quiz.get("max_attempts", 3),
            "passing_score": quiz.get("passing_score", 70), "question_count": len(quiz["questions"]),
            "is_published": True, "randomize_questions": quiz.get("randomize_questions", False),
            "show_results_immediately": quiz.get("show_results_immediately", True),
        }])
        _insert(Question, [{
            "id": demo_id(f"question:{course_key}:{quiz['key']}:{number}"), "quiz": quiz_id,
            "order_index": number, "text": question["text"], "type": question["type"],
            "options": question.get("options"), "correct_answer": question["correct_answer"],
            "explanation": question.get("explanation"), "points": question.get("points", 1),
            "difficulty": question.get("difficulty", 1), "tags": question.get("tags") or [],
        } for number, question in enumerate(quiz["questions"], start=1)])


def _translations(content_id, content_type, translations):
    _insert(ContentTranslation, [{
        "id": demo_id(f"translation:{content_type}:{content_id}:{language}"), "content_id": content_id,
        "content_type": content_type, "language": language, "translated_content": fields,
        "translated_by": "human", "translation_quality": 1,
    } for language, fields in translations.items()])


def _classes(school_id, people, course_ids):
    """Three classes, each following one course; every student is in two or three of them."""
    students = people["students"]
    plan = [  # key, name, course key, section, students
        ("7a-maths", "7A Mathematics", "g7-maths", "A", students),
        ("7a-science", "7A Science", "g7-science", "A", students[:28]),
        ("7b-english", "7B English", "g7-english", "B", students[20:]),
    ]
    classes = {}
    for key, name, course_key, section, members in plan:
        class_id = classes[course_key] = demo_id(f"class:{key}")
        teacher_id = people["teachers"][course_key]
        subject = next(c["subject"] for c in COURSES if c["key"] == course_key)
        _insert(SchoolClass, [{"id": class_id, "name": name, "subject": subject, "grade": 7, "section": section,
                               "teacher": teacher_id, "school": school_id, "max_students": 50,
                               "academic_year": "2026-27"}])
        _insert(ClassCourse, [{"id": demo_id(f"class-course:{key}"), "school_class": class_id,
                               "course": course_ids[course_key], "assigned_by": teacher_id}])
        _insert(Enrollment, [{"id": demo_id(f"enrollment:{key}:{student}"), "student": student,
                              "school_class": class_id} for student in members])
    return classes


def _badges(course_ids):
    def resolve(criteria):
        if "all" in criteria or "any" in criteria:
            (combinator, parts), = criteria.items()
            return {combinator: [resolve(part) for part in parts]}
        leaf = dict(criteria)
        if "course" in leaf:
            leaf["course_id"] = str(course_ids[leaf.pop("course")])
        return leaf

    for badge in BADGES:
        badge_id = demo_id(f"badge:{badge['key']}")
        _insert(Badge, [{
            "id": badge_id, "name": badge["name"], "description": badge["description"],
            "icon_url": f"badge:{badge.get('icon', 'star')}", "category": badge["category"],
            "rarity": badge.get("rarity", "COMMON"), "criteria": resolve(badge["criteria"]),
            "xp_reward": badge.get("xp_reward", 0), "crystal_reward": badge.get("crystal_reward", 0),
            "spark_reward": badge.get("spark_reward", 0),
        }])
        _translations(badge_id, "badge", badge.get("translations", {}))


def _guardian_links(people):
    ids = people["usernames"]
    _insert(GuardianLink, [{
        "id": demo_id(f"link:{guardian}:{child}"), "guardian": ids[guardian], "student": ids[child],
        "relationship": relationship,
        "status": LinkStatus.APPROVED if approved else LinkStatus.PENDING,
        "approved_by": ids["meera.admin"] if approved else None,
    } for guardian, _, child, relationship, approved in GUARDIANS])


def _history(students, course_ids, classes, now):
    """Three weeks of learning for most students: lessons done, quiz scores, XP, streaks, a badge."""
    rng = random.Random(2026)
    zone = ZoneInfo(TIMEZONE)
    today = now.astimezone(zone).date()
    lessons = {key: list(Lesson.select(Lesson.id, Lesson.order_index).where(Lesson.course == course_id)
                         .order_by(Lesson.order_index)) for key, course_id in course_ids.items()}
    quizzes = {q.lesson_id: q for q in Quiz.select()}
    first_steps = demo_id("badge:first-steps")
    has_first_steps = Badge.select().where(Badge.id == first_steps).exists()
    for index, student in enumerate(students):
        if index % 7 == 6:
            continue  # a few students have not started yet
        done = rng.randint(1, 5) if index else 3
        streak = rng.choice([0, 1, 2, 3, 5, 8]) if index else 4
        last_day = today - timedelta(days=0 if streak else rng.randint(2, 9))
        for number, lesson in enumerate(lessons["g7-maths"][:done]):
            day = last_day - timedelta(days=(done - number - 1) * 2)
            _learn(student, lesson, quizzes.get(lesson.id), _moment(day, zone, rng), rng, completed=True)
        if done < len(lessons["g7-maths"]):
            _learn(student, lessons["g7-maths"][done], None, _moment(last_day, zone, rng), rng, completed=False)
        Profile.update(streak=streak, last_active=_moment(last_day, zone, rng), last_active_on=last_day,
                       total_time_spent=done * 900).where(
            (Profile.user == student) & (Profile.streak == 0) & Profile.last_active_on.is_null()).execute()
        if has_first_steps:
            _insert(EarnedBadge, [{"id": demo_id(f"earned:{student}:first-steps"), "user": student,
                                   "badge": first_steps, "earned_at": _moment(last_day, zone, rng),
                                   "progress_data": {"lessons_completed": done}}])
    _insert(UserNotification, [{
        "id": demo_id(f"notification:welcome:{student}"), "user": student, "title": "Welcome to Spark!",
        "message": "Finish a lesson today to start your streak.", "type": "SYSTEM", "priority": "NORMAL",
    } for student in students])


def _assignments(people, classes, now):
    """Farhan Khan's 7B English assignments: one open with hand-ins to grade, one past due with late work, a draft."""
    from spark.models import Assignment, AssignmentSubmission  # issue 4
    teacher, class_id = people["teachers"]["g7-english"], classes["g7-english"]
    members = people["students"][20:]
    plan = [  # key, title, description, due from now, type, published, handed in by (index in class, days before due)
        ("letter", "Letter to a friend",
         "Write a letter (120-150 words) to a friend about your last school trip. Use the letter format from the lesson.",
         timedelta(days=5), "TEXT", True, [(0, 2), (1, 2), (2, 1), (3, 1), (4, 0)]),
        ("review", "Review of a story",
         "Review a story you read this month: what happened, who you liked, and why. About 150 words.",
         -timedelta(days=2), "PROJECT", True, [(5, 1), (6, -1), (7, -1)]),
        ("poem", "Recite a poem", "Choose a short poem and write why you chose it.",
         timedelta(days=12), "TEXT", False, []),
    ]
    for key, title, description, due_in, kind, published, hand_ins in plan:
        assignment_id = demo_id(f"assignment:7b-english:{key}")
        due = (now + due_in).replace(second=0, microsecond=0)
        _insert(Assignment, [{
            "id": assignment_id, "title": title, "description": description, "school_class": class_id,
            "due_date": due, "max_score": 20, "submission_type": kind, "allowed_file_types": ["pdf", "jpg", "png"],
            "max_file_size": 5 * 1024 * 1024, "is_published": published, "late_submission_allowed": True,
            "late_penalty": 10, "created_by": teacher}])
        due = Assignment.get_by_id(assignment_id).due_date  # as first loaded
        moments = {index: min(due - timedelta(days=days_before, hours=3), now - timedelta(hours=1 + index))
                   for index, days_before in hand_ins}  # never in the future
        _insert(AssignmentSubmission, [{
            "id": demo_id(f"assignment-submission:{key}:{members[index]}"), "assignment": assignment_id,
            "student": members[index], "submitted_at": moments[index], "is_late": moments[index] > due,
            "content": f"Dear friend,\n\nThis is my work for \u201c{title}\u201d. (Demo hand-in {index + 1}.)",
        } for index, _ in hand_ins])


def _learn(student, lesson, quiz, moment, rng, completed):
    key = f"{student}:{lesson.id}"
    _insert(StudentProgress, [{
        "id": demo_id(f"progress:{key}"), "student": student, "lesson": lesson.id,
        "status": "COMPLETED" if completed else "IN_PROGRESS",
        "progress": 100 if completed else rng.choice([20, 40, 60]), "time_spent": rng.randint(420, 1200),
        "attempts": 1, "last_accessed": moment, "started_at": moment - timedelta(minutes=15),
        "completed_at": moment if completed else None, "device_id": "demo-phone",
    }])
    if not completed:
        return
    _reward(student, "XP", LESSON_COMPLETED_XP, "LESSON_COMPLETED", "lesson", lesson.id, moment)
    if quiz is not None:
        score = rng.choice([60, 70, 80, 90, 100])
        passed = score >= quiz.passing_score
        submission_id = demo_id(f"submission:{key}")
        _insert(Submission, [{
            "id": submission_id, "student": student, "quiz": quiz.id, "status": "GRADED", "answers": {},
            "score": score, "max_score": 100, "passed": passed, "time_spent": rng.randint(120, 500),
            "attempt": 1, "is_final": True, "started_at": moment - timedelta(minutes=8),
            "submitted_at": moment, "graded_at": moment,
        }])
        if passed:
            _reward(student, "XP", QUIZ_PASSED_XP * score // 100, "QUIZ_PASSED", "quiz", quiz.id, moment)
        if score == 100:
            _reward(student, "CRYSTALS", PERFECT_SCORE_CRYSTALS, "PERFECT_SCORE", "quiz", quiz.id, moment)


def _reward(student, currency, amount, reason, source_type, source_id, moment):
    # The ledger's unique key makes this a no-op on a second load; its trigger updates the totals.
    _insert(RewardLedger, [{
        "id": demo_id(f"ledger:{student}:{reason}:{source_id}"), "student": student, "currency": currency,
        "amount": amount, "reason": reason, "source_type": source_type, "source_id": source_id,
        "idempotency_key": f"{reason}:{source_type}:{source_id}", "occurred_at": moment,
    }])


def _moment(day: date, zone: ZoneInfo, rng) -> datetime:
    """A moment in the school's afternoon or evening of `day`, in UTC."""
    local = datetime.combine(day, time(rng.randint(15, 21), rng.choice([0, 15, 30, 45])), tzinfo=zone)
    return local.astimezone(timezone.utc)
