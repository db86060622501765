"""Teachers author content: courses, lessons and blocks, quizzes and questions, previews."""
import re
import struct
import uuid
import zlib
from decimal import Decimal
from io import BytesIO

import pytest
from playhouse.test_utils import count_queries

from spark import authoring, quizzes
from spark.accounts import utcnow
from spark.db import as_system
from spark.grading import grade
from spark.models import (
    Course, Lesson, Question, Quiz, RetiredQuestion, StudentProgress, Submission, SubmissionAnswer,
)
from tests.conftest import csrf_token
from tests.factories import make_course
from tests.test_access import page_statements

HTMX = {"HX-Request": "true"}


@pytest.fixture
def course(db, world):
    """School A's maths course (3 lessons, a 3-question quiz on the first), followed by 7A."""
    return make_course(world.schools["a"], world["teacher_a"], world.classes["maths_a"])


@pytest.fixture
def platform_course(db, world):
    """A platform course (no school): readable by every teacher, writable by none."""
    made, lessons, quiz = make_course(world.schools["a"], world["teacher_a"], world.classes["maths_a"],
                                      title="Platform geometry")
    Course.update(school=None).where(Course.id == made.id).execute()
    return Course.get_by_id(made.id), lessons, quiz


@pytest.fixture
def teacher(auth):
    auth.sign_in("teacher_a")
    return auth.client


def post(client, url, data=None, headers=None, page=None, **kwargs):
    """POST with the CSRF token of `page` (default: the teacher's course list)."""
    token = csrf_token(client.get(page or "/teacher/courses"))
    return client.post(url, data={"csrf_token": token, **(data or {})}, headers=headers or {}, **kwargs)


def reload(model, row):
    with as_system():
        return model.get_by_id(row.id)


# --- Access ---------------------------------------------------------------------------------


def _paths(course, platform_course):
    c, lessons, quiz = course
    question = Question.select().where(Question.quiz == quiz.id).order_by(Question.order_index).first()
    return [
        "/teacher/courses", "/teacher/courses/new",
        f"/teacher/courses/{c.id}", f"/teacher/courses/{c.id}/edit", f"/teacher/courses/{c.id}/lessons/new",
        f"/teacher/lessons/{lessons[0].id}", f"/teacher/lessons/{lessons[0].id}/preview",
        f"/teacher/lessons/{lessons[0].id}/blocks/new?type=text", f"/teacher/lessons/{lessons[0].id}/blocks/0",
        f"/teacher/lessons/{lessons[0].id}/quizzes/new",
        f"/teacher/quizzes/{quiz.id}", f"/teacher/quizzes/{quiz.id}/preview",
        f"/teacher/quizzes/{quiz.id}/questions/new?type=MATCHING", f"/teacher/questions/{question.id}",
    ]


@pytest.mark.parametrize("username, expected", [
    ("teacher_a", 200), ("teacher_a2", 200), ("student_a", 403), ("guardian_a", 403), ("admin_a", 403),
])
def test_authoring_pages_are_for_teachers_only(course, platform_course, auth, username, expected):
    paths = _paths(course, platform_course)
    auth.sign_in(username)
    for path in paths:
        assert auth.client.get(path).status_code == expected, path


def test_anonymous_visitors_are_sent_to_sign_in(course, platform_course, client):
    for path in _paths(course, platform_course):
        response = client.get(path)
        assert response.status_code == 302 and "/sign-in" in response.headers["Location"], path


def test_another_schools_content_is_not_found(course, platform_course, auth):
    paths = _paths(course, platform_course)
    auth.sign_in("teacher_b")
    for path in paths[2:]:
        assert auth.client.get(path).status_code == 404, path
    assert "Fractions" not in auth.client.get("/teacher/courses").get_data(as_text=True)


def test_malformed_ids_and_unknown_kinds_are_not_found(course, teacher):
    _, lessons, quiz = course
    assert teacher.get("/teacher/courses/not-a-uuid").status_code == 404
    assert teacher.get(f"/teacher/courses/{uuid.uuid4()}").status_code == 404
    assert teacher.get(f"/teacher/lessons/{lessons[0].id}/blocks/99").status_code == 404
    assert teacher.get(f"/teacher/lessons/{lessons[0].id}/blocks/new?type=iframe").status_code == 404
    assert teacher.get(f"/teacher/quizzes/{quiz.id}/questions/new?type=RIDDLE").status_code == 404


def test_platform_content_is_read_only(platform_course, teacher):
    c, lessons, quiz = platform_course
    page = teacher.get(f"/teacher/courses/{c.id}").get_data(as_text=True)
    assert "Platform geometry" in page and "read and preview it, not change it" in page
    assert teacher.get(f"/teacher/courses/{c.id}/edit").status_code == 404
    assert post(teacher, f"/teacher/lessons/{lessons[0].id}", {"title": "Mine now"}).status_code == 404
    assert post(teacher, f"/teacher/lessons/{lessons[0].id}/move", {"direction": "down"}).status_code == 404
    assert post(teacher, f"/teacher/quizzes/{quiz.id}/publish", {"published": "0"}).status_code == 404
    assert teacher.get(f"/teacher/lessons/{lessons[0].id}/preview").status_code == 200


# --- Courses --------------------------------------------------------------------------------


def course_form(**changes):
    data = {"title": "Decimals", "description": "Tenths and hundredths", "subject": "Mathematics", "grade": "7",
            "difficulty": "MEDIUM", "estimated_hours": "5", "learning_objectives": "Read decimals\n\nCompare them\n"}
    data.update(changes)
    return data


def test_teacher_creates_and_edits_a_course(course, teacher, world):
    response = post(teacher, "/teacher/courses/new", course_form())
    assert response.status_code == 302
    made = Course.get(Course.title == "Decimals")
    assert (made.school_id, made.created_by_id, made.is_published) == (world.schools["a"].id,
                                                                        world["teacher_a"].id, False)
    assert made.learning_objectives == ["Read decimals", "Compare them"]
    prerequisite = course[0]
    response = post(teacher, f"/teacher/courses/{made.id}/edit",
                    course_form(title="Decimals 1", prerequisites=str(prerequisite.id)))
    assert response.status_code == 302
    assert reload(Course, made).prerequisites == [prerequisite.id]
    assert reload(Course, made).title == "Decimals 1"


@pytest.mark.parametrize("changes", [{"grade": "13"}, {"title": ""}, {"difficulty": "IMPOSSIBLE"},
                                     {"estimated_hours": "-1"}, {"prerequisites": str(uuid.uuid4())}])
def test_bad_course_details_are_refused(course, teacher, changes):
    response = post(teacher, "/teacher/courses/new", course_form(**changes))
    assert response.status_code == 422
    assert not Course.select().where(Course.title == "Decimals").exists()


def test_a_prerequisite_cycle_is_refused(course, teacher):
    first = course[0]
    post(teacher, "/teacher/courses/new", course_form(prerequisites=str(first.id)))
    second = Course.get(Course.title == "Decimals")
    response = post(teacher, f"/teacher/courses/{first.id}/edit",
                    course_form(title=first.title, prerequisites=str(second.id)))
    assert response.status_code == 422 and "cannot need this course itself" in response.get_data(as_text=True)
    assert reload(Course, first).prerequisites is None


def test_publishing_a_course_decides_what_students_see(course, teacher, auth, world):
    c, lessons, _ = course
    post(teacher, f"/teacher/courses/{c.id}/publish", {"published": "0"})
    assert reload(Course, c).is_published is False
    auth.sign_out()
    auth.sign_in("student_a")
    assert auth.client.get(f"/student/courses/{c.id}").status_code == 404
    assert auth.client.get(f"/student/lessons/{lessons[0].id}").status_code == 404


def test_unpublished_lesson_is_hidden_from_students(course, teacher, auth):
    c, lessons, _ = course
    post(teacher, f"/teacher/lessons/{lessons[0].id}/publish", {"published": "0"})
    auth.sign_out()
    auth.sign_in("student_a")
    assert auth.client.get(f"/student/lessons/{lessons[0].id}").status_code == 404
    assert lessons[0].title not in auth.client.get(f"/student/courses/{c.id}").get_data(as_text=True)


# --- Lessons --------------------------------------------------------------------------------


def lesson_form(**changes):
    data = {"title": "Tenths", "duration": "15", "difficulty_level": "2", "objectives": "Read tenths",
            "keywords": "decimal\ntenth"}
    data.update(changes)
    return data


def test_teacher_adds_a_lesson_at_the_end(course, teacher):
    c, lessons, _ = course
    response = post(teacher, f"/teacher/courses/{c.id}/lessons/new", lesson_form())
    assert response.status_code == 302
    lesson = Lesson.get(Lesson.title == "Tenths")
    assert lesson.order_index == 4 and lesson.is_published is False
    assert lesson.keywords == ["decimal", "tenth"] and lesson.content == {"version": 1, "blocks": []}
    assert lesson.offline_content == lesson.content


def test_offline_flag_keeps_offline_content_in_sync(course, teacher):
    lesson = course[1][0]
    post(teacher, f"/teacher/lessons/{lesson.id}", lesson_form(requires_internet="y"))
    assert reload(Lesson, lesson).offline_content is None
    post(teacher, f"/teacher/lessons/{lesson.id}", lesson_form())
    saved = reload(Lesson, lesson)
    assert saved.requires_internet is False and saved.offline_content == saved.content


def test_bad_lesson_details_are_refused(course, teacher):
    lesson = course[1][0]
    response = post(teacher, f"/teacher/lessons/{lesson.id}", lesson_form(duration="ten"))
    assert response.status_code == 422
    assert reload(Lesson, lesson).title == lesson.title


def order_of(course_row):
    return [lesson.title for lesson in Lesson.select().where(Lesson.course == course_row.id).order_by(Lesson.order_index)]


def test_lessons_move_without_javascript(course, teacher):
    c, lessons, _ = course
    response = post(teacher, f"/teacher/lessons/{lessons[0].id}/move", {"direction": "down"})
    assert response.status_code == 302 and response.headers["Location"].endswith("#lessons")
    assert order_of(c) == ["Fractions lesson 2", "Fractions lesson 1", "Fractions lesson 3"]
    post(teacher, f"/teacher/lessons/{lessons[0].id}/move", {"direction": "down"})
    post(teacher, f"/teacher/lessons/{lessons[0].id}/move", {"direction": "down"})  # already last: no change
    assert order_of(c) == ["Fractions lesson 2", "Fractions lesson 3", "Fractions lesson 1"]


def test_lessons_move_with_htmx_and_get_the_list_back(course, teacher):
    c, lessons, _ = course
    response = post(teacher, f"/teacher/lessons/{lessons[2].id}/move", {"direction": "up"}, headers=HTMX)
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and html.lstrip().startswith('<section id="lessons"')
    assert "<html" not in html and "HX-Request" in response.headers["Vary"]
    assert html.index("Fractions lesson 3") < html.index("Fractions lesson 2")
    assert order_of(c) == ["Fractions lesson 1", "Fractions lesson 3", "Fractions lesson 2"]


def test_a_bad_direction_is_refused(course, teacher):
    lesson = course[1][0]
    assert post(teacher, f"/teacher/lessons/{lesson.id}/move", {"direction": "sideways"}).status_code == 400


def test_course_editor_queries_do_not_grow_with_lessons(db, world, auth):
    few, _, _ = make_course(world.schools["a"], world["teacher_a"], world.classes["maths_a"], lessons=2, title="Few")
    many, _, _ = make_course(world.schools["a"], world["teacher_a"], world.classes["maths_a"], lessons=25,
                             title="Many")
    auth.sign_in("teacher_a")
    counts = []
    for c in (few, many):
        with count_queries() as counted:
            assert auth.client.get(f"/teacher/courses/{c.id}").status_code == 200
        counts.append(len(page_statements(counted)))
    with count_queries() as counted:
        auth.client.get("/teacher/courses")
    assert counts[0] == counts[1], counts
    assert len(page_statements(counted)) <= counts[0]


# --- Lesson blocks --------------------------------------------------------------------------


def blocks_of(lesson):
    return reload(Lesson, lesson).content["blocks"]


def revision(lesson):
    return authoring.revision_of(reload(Lesson, lesson))


def add_block(client, lesson, kind, data, headers=None):
    return post(client, f"/teacher/lessons/{lesson.id}/blocks/new?type={kind}",
                {"revision": revision(lesson), **data}, headers=headers)


def test_text_html_is_sanitised_on_save(course, teacher):
    lesson = course[1][0]
    response = add_block(teacher, lesson, "text", {
        "html": '<h2 onclick="x()">Tenths</h2><p style="color:red">A <a href="http://x">tenth</a>'
                '<script>alert(1)</script></p><iframe src="x"></iframe><ul><li>one</li></ul>'})
    assert response.status_code == 302
    block = blocks_of(lesson)[-1]
    assert block == {"type": "text", "html": "<h2>Tenths</h2><p>A tenth</p><ul><li>one</li></ul>"}
    saved = reload(Lesson, lesson)
    assert saved.offline_content == saved.content


@pytest.mark.parametrize("kind, data, stored", [
    ("example", {"title": "Halves", "problem": "Half of 6?", "steps": "6 ÷ 2\n\n= 3", "answer": "3"},
     {"type": "example", "title": "Halves", "problem": "Half of 6?", "steps": ["6 ÷ 2", "= 3"], "answer": "3"}),
    ("key_points", {"points": "One\nTwo\n"}, {"type": "key_points", "points": ["One", "Two"]}),
    ("video", {"url": "https://diksha.gov.in/", "title": "Search: fractions", "minutes": "3"},
     {"type": "video", "url": "https://diksha.gov.in/", "title": "Search: fractions", "duration_seconds": 180}),
    ("check", {"question": "Half of 4?", "options": "1\n2\n3", "answer": "2", "explanation": "4 ÷ 2"},
     {"type": "check", "question": "Half of 4?", "options": ["1", "2", "3"], "answer_index": 1,
      "explanation": "4 ÷ 2"}),
])
def test_each_block_kind_is_stored_in_the_reader_format(course, teacher, kind, data, stored):
    lesson = course[1][0]
    assert add_block(teacher, lesson, kind, data).status_code == 302
    assert blocks_of(lesson)[-1] == stored


@pytest.mark.parametrize("kind, data, message", [
    ("video", {"url": "javascript:alert(1)", "title": "x"}, "https://"),
    ("video", {"url": "ftp://example.org/v", "title": "x"}, "https://"),
    ("check", {"question": "?", "options": "only one", "answer": "1"}, "2 to 8 choices"),
    ("check", {"question": "?", "options": "a\nb", "answer": "3"}, "from 1 to 2"),
    ("text", {"html": "<script>alert(1)</script>"}, "Write some text"),
    ("image", {"alt": "A leaf"}, "Choose a picture"),
])
def test_bad_blocks_are_refused_with_a_reason(course, teacher, kind, data, message):
    lesson = course[1][0]
    before = blocks_of(lesson)
    response = add_block(teacher, lesson, kind, data)
    assert response.status_code == 422 and message in response.get_data(as_text=True)
    assert blocks_of(lesson) == before


def test_editing_a_block_replaces_it(course, teacher):
    lesson = course[1][0]
    page = teacher.get(f"/teacher/lessons/{lesson.id}/blocks/1").get_data(as_text=True)
    assert "One\nTwo" in page
    response = post(teacher, f"/teacher/lessons/{lesson.id}/blocks/1", {"revision": revision(lesson),
                                                                         "points": "Three"})
    assert response.status_code == 302
    assert blocks_of(lesson)[1] == {"type": "key_points", "points": ["Three"]}
    assert len(blocks_of(lesson)) == 2


def test_blocks_move_and_are_removed_without_javascript(course, teacher):
    lesson = course[1][0]
    response = post(teacher, f"/teacher/lessons/{lesson.id}/blocks/0/move",
                    {"revision": revision(lesson), "direction": "down"})
    assert response.status_code == 302 and response.headers["Location"].endswith("#blocks")
    assert [b["type"] for b in blocks_of(lesson)] == ["key_points", "text"]
    post(teacher, f"/teacher/lessons/{lesson.id}/blocks/0/remove", {"revision": revision(lesson)})
    assert [b["type"] for b in blocks_of(lesson)] == ["text"]
    assert reload(Lesson, lesson).offline_content["blocks"] == blocks_of(lesson)


def test_blocks_move_and_are_removed_with_htmx(course, teacher):
    lesson = course[1][0]
    response = post(teacher, f"/teacher/lessons/{lesson.id}/blocks/1/move",
                    {"revision": revision(lesson), "direction": "up"}, headers=HTMX)
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and html.lstrip().startswith('<section id="blocks"')
    assert html.index("Key points") < html.index("Read me")
    new_revision = re.search(r'name="revision" value="([0-9a-f]+)"', html).group(1)
    assert new_revision == revision(lesson)
    response = post(teacher, f"/teacher/lessons/{lesson.id}/blocks/0/remove", {"revision": new_revision},
                    headers=HTMX)
    assert response.status_code == 200 and [b["type"] for b in blocks_of(lesson)] == ["text"]


def test_a_second_click_on_an_old_revision_changes_nothing(course, teacher):
    lesson = course[1][0]
    old = revision(lesson)
    post(teacher, f"/teacher/lessons/{lesson.id}/blocks/0/remove", {"revision": old})
    response = post(teacher, f"/teacher/lessons/{lesson.id}/blocks/0/remove", {"revision": old}, headers=HTMX)
    assert response.status_code == 409 and "changed in the meantime" in response.get_data(as_text=True)
    assert [b["type"] for b in blocks_of(lesson)] == ["key_points"]
    response = add_block(teacher, lesson, "key_points", {"points": "x", "revision": old})
    assert response.status_code == 422 and [b["type"] for b in blocks_of(lesson)] == ["key_points"]


def tiny_png(width=3, height=2):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    raw = b"".join(b"\x00" + b"\x00\x00\x00" * width for _ in range(height))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def test_a_picture_is_uploaded_and_served_to_students_of_the_lesson(course, teacher, auth):
    lesson = course[1][0]
    response = post(teacher, f"/teacher/lessons/{lesson.id}/blocks/new?type=image",
                    {"revision": revision(lesson), "alt": "A leaf", "caption": "Fig. 1",
                     "image": (BytesIO(tiny_png()), "leaf.png")}, content_type="multipart/form-data")
    assert response.status_code == 302
    block = blocks_of(lesson)[-1]
    assert block["src"].startswith("upload:") and (block["width"], block["height"]) == (3, 2)
    assert block["alt"] == "A leaf" and block["caption"] == "Fig. 1"
    # Editing the words keeps the picture.
    post(teacher, f"/teacher/lessons/{lesson.id}/blocks/2", {"revision": revision(lesson), "alt": "A green leaf"})
    assert blocks_of(lesson)[-1]["src"] == block["src"] and blocks_of(lesson)[-1]["alt"] == "A green leaf"
    key = block["src"].removeprefix("upload:")
    auth.sign_out()
    auth.sign_in("student_a")
    served = auth.client.get(f"/files/{key}")
    assert served.status_code == 200 and served.mimetype == "image/png"
    # Today's reader does not show uploaded pictures yet, and must not break on them either.
    assert auth.client.get(f"/student/lessons/{lesson.id}").status_code == 200
    auth.sign_out()
    auth.sign_in("student_b")
    assert auth.client.get(f"/files/{key}").status_code == 404


def test_a_picture_that_is_not_one_is_refused(course, teacher):
    lesson = course[1][0]
    response = post(teacher, f"/teacher/lessons/{lesson.id}/blocks/new?type=image",
                    {"revision": revision(lesson), "alt": "x",
                     "image": (BytesIO(b"<svg><script>alert(1)</script></svg>"), "leaf.png")},
                    content_type="multipart/form-data")
    assert response.status_code == 422 and len(blocks_of(lesson)) == 2


def test_lesson_preview_shows_blocks_and_records_nothing(course, teacher):
    lesson = course[1][0]
    html = teacher.get(f"/teacher/lessons/{lesson.id}/preview").get_data(as_text=True)
    assert "<h2>Part 1</h2>" in html and "<script>x()" not in html and "Key points" in html
    assert not StudentProgress.select().exists()


# --- Quizzes --------------------------------------------------------------------------------


def quiz_form(**changes):
    data = {"title": "Tenths quiz", "description": "", "time_limit": "", "max_attempts": "2",
            "passing_score": "60", "show_results_immediately": "y"}
    data.update(changes)
    return data


def test_teacher_adds_a_quiz_and_changes_its_settings(course, teacher):
    lesson = course[1][1]
    assert post(teacher, f"/teacher/lessons/{lesson.id}/quizzes/new", quiz_form()).status_code == 302
    quiz = Quiz.get(Quiz.title == "Tenths quiz")
    assert (quiz.time_limit, quiz.max_attempts, quiz.passing_score, quiz.is_published) == (None, 2, 60, False)
    response = post(teacher, f"/teacher/quizzes/{quiz.id}", quiz_form(time_limit="15", randomize_questions="y"))
    assert response.status_code == 302
    quiz = reload(Quiz, quiz)
    assert quiz.time_limit == 15 and quiz.randomize_questions and quiz.show_results_immediately
    assert post(teacher, f"/teacher/quizzes/{quiz.id}", quiz_form(passing_score="101")).status_code == 422


def test_a_quiz_without_questions_cannot_be_published(course, teacher):
    post(teacher, f"/teacher/lessons/{course[1][1].id}/quizzes/new", quiz_form())
    quiz = Quiz.get(Quiz.title == "Tenths quiz")
    response = post(teacher, f"/teacher/quizzes/{quiz.id}/publish", {"published": "1"}, follow_redirects=True)
    assert "Add a question before publishing" in response.get_data(as_text=True)
    assert reload(Quiz, quiz).is_published is False


BASE = {"text": "Question?", "explanation": "Because.", "points": "1", "difficulty": "1"}

GOOD_QUESTIONS = [
    ("MULTIPLE_CHOICE", {"options": "2\n4\n6", "correct": "2"}, ["2", "4", "6"], {"correct": [1]}),
    ("TRUE_FALSE", {"value": "false"}, None, {"value": False}),
    ("SHORT_ANSWER", {"mode": "text", "accepted": "chlorophyll\nphotosynth*"}, None,
     {"accepted": ["chlorophyll", "photosynth*"], "case_sensitive": False}),
    ("SHORT_ANSWER", {"mode": "numeric", "numeric": "0,75", "tolerance": "0.001"}, None,
     {"numeric": 0.75, "tolerance": 0.001}),
    ("FILL_BLANK", {"text": "Plants make food by [[1]] in their [[2]].", "blanks": "photosynthesis\nleaves | leaf",
                    "case_sensitive": "y"}, None,
     {"blanks": [["photosynthesis"], ["leaves", "leaf"]], "case_sensitive": True}),
    ("ESSAY", {"rubric": "Names two causes.", "sample_answer": "Rain and wind wear rocks down.", "min_words": "5",
               "points": "5"}, None,
     {"rubric": "Names two causes.", "sample_answer": "Rain and wind wear rocks down.", "min_words": 5}),
]


@pytest.mark.parametrize("kind, data, options, key", GOOD_QUESTIONS)
def test_each_question_type_is_stored_in_the_content_format(course, teacher, kind, data, options, key):
    quiz = course[2]
    response = post(teacher, f"/teacher/quizzes/{quiz.id}/questions/new?type={kind}", {**BASE, **data})
    assert response.status_code == 302, response.get_data(as_text=True)
    question = Question.select().where(Question.quiz == quiz.id).order_by(Question.order_index.desc()).first()
    assert (question.type, question.options, question.correct_answer, question.order_index) == (kind, options,
                                                                                                 key, 4)
    assert reload(Quiz, quiz).question_count == 4


def test_matching_is_stored_shuffled_with_the_pairs_that_fit(course, teacher):
    quiz = course[2]
    post(teacher, f"/teacher/quizzes/{quiz.id}/questions/new?type=MATCHING",
         {**BASE, "left": "1/2\n1/4\n3/4", "right": "0.5\n0.25\n0.75", "spare": "0.1"})
    question = Question.get((Question.quiz == quiz.id) & (Question.type == "MATCHING"))
    left, right = question.options["left"], question.options["right"]
    assert left == ["1/2", "1/4", "3/4"] and sorted(right) == ["0.1", "0.25", "0.5", "0.75"]
    assert right[:3] != ["0.5", "0.25", "0.75"] or right[3] != "0.1"  # not as typed
    matched = {left[a]: right[b] for a, b in question.correct_answer["pairs"]}
    assert matched == {"1/2": "0.5", "1/4": "0.25", "3/4": "0.75"}
    # The edit form shows it lined up again, as the teacher typed it.
    page = teacher.get(f"/teacher/questions/{question.id}").get_data(as_text=True)
    assert "0.5\n0.25\n0.75" in page


def test_ordering_is_stored_jumbled_never_in_order(course, teacher):
    quiz = course[2]
    for _ in range(5):
        post(teacher, f"/teacher/quizzes/{quiz.id}/questions/new?type=ORDERING",
             {**BASE, "items": "seed\nsprout\nplant"})
    for question in Question.select().where((Question.quiz == quiz.id) & (Question.type == "ORDERING")):
        assert question.options != ["seed", "sprout", "plant"]
        assert [question.options[i] for i in question.correct_answer["order"]] == ["seed", "sprout", "plant"]
        assert grade("ORDERING", question.options, question.correct_answer,
                     {"order": question.correct_answer["order"]}).credit == 1


BAD_QUESTIONS = [
    ("MULTIPLE_CHOICE", {"options": "2\n4\n6", "correct": "5"}, "only 3 choices"),
    ("MULTIPLE_CHOICE", {"options": "2\n4\n6"}, "Tick at least one right answer"),
    ("MULTIPLE_CHOICE", {"options": "only one", "correct": "1"}, "2 to 8 choices"),
    ("MULTIPLE_CHOICE", {"options": "a\nb", "correct": ["1", "2"]}, "at least one choice wrong"),
    ("MULTIPLE_CHOICE", {"options": "a\na\nb", "correct": "1"}, "Each choice must be different"),
    ("TRUE_FALSE", {}, "Choose true or false"),
    ("SHORT_ANSWER", {"mode": "text", "accepted": ""}, "at least one accepted answer"),
    ("SHORT_ANSWER", {"mode": "text", "accepted": "*"}, "at least one accepted answer"),
    ("SHORT_ANSWER", {"mode": "numeric", "numeric": "three"}, "Give the right number"),
    ("SHORT_ANSWER", {"mode": "numeric", "numeric": "3", "tolerance": "-1"}, "0 or more"),
    ("FILL_BLANK", {"text": "No blanks here", "blanks": "x"}, "Mark each blank"),
    ("FILL_BLANK", {"text": "A [[1]] and [[3]]", "blanks": "x\ny"}, "in order"),
    ("FILL_BLANK", {"text": "A [[1]] and [[2]]", "blanks": "x"}, "has 2 blanks but you gave answers for 1"),
    ("MATCHING", {"left": "a\nb\nc", "right": "x\ny"}, "one match per item"),
    ("MATCHING", {"left": "a", "right": "x"}, "2 to 8 items"),
    ("MATCHING", {"left": "a\nb", "right": "x\nx"}, "must be different"),
    ("ORDERING", {"items": "only"}, "2 to 8 items"),
    ("ORDERING", {"items": "a\na\nb"}, "Each item must be different"),
    ("ESSAY", {"rubric": "r", "sample_answer": "Too short.", "min_words": "40", "points": "5"}, "at least 40 words"),
    ("ESSAY", {"rubric": "", "sample_answer": "x", "min_words": "1", "points": "5"}, "Fill this in"),
]


@pytest.mark.parametrize("kind, data, message", BAD_QUESTIONS)
def test_an_answer_key_of_the_wrong_shape_is_refused(course, teacher, kind, data, message):
    quiz = course[2]
    response = post(teacher, f"/teacher/quizzes/{quiz.id}/questions/new?type={kind}", {**BASE, **data})
    assert response.status_code == 422
    assert message in response.get_data(as_text=True).replace("&#39;", "'")
    assert Question.select().where(Question.quiz == quiz.id).count() == 3


def test_the_domain_refuses_keys_the_forms_could_not_make(course):
    quiz = course[2]
    bad = [
        authoring.QuestionFields("MULTIPLE_CHOICE", "q", ["a", "b"], {"correct": [True]}, "e", 1, 1),
        authoring.QuestionFields("TRUE_FALSE", "q", None, {"value": "yes"}, "e", 1, 1),
        authoring.QuestionFields("ORDERING", "q", ["a", "b", "c"], {"order": [0, 1, 2]}, "e", 1, 1),
        authoring.QuestionFields("MATCHING", "q", {"left": ["a", "b"], "right": ["x", "y"]},
                                 {"pairs": [[0, 0], [1, 0]]}, "e", 1, 1),
        authoring.QuestionFields("SHORT_ANSWER", "q", None, {"numeric": 1, "tolerance": 0, "x": 1}, "e", 1, 1),
        authoring.QuestionFields("ESSAY", "q", None, {"rubric": "r", "sample_answer": "s"}, "e", 1, 1),
        authoring.QuestionFields("RIDDLE", "q", None, {}, "e", 1, 1),
    ]
    for fields in bad:
        with pytest.raises(authoring.AuthoringRefused):
            authoring.add_question(quiz, fields)


def test_questions_move_with_and_without_htmx(course, teacher):
    quiz = course[2]
    first, second, third = Question.select().where(Question.quiz == quiz.id).order_by(Question.order_index)
    post(teacher, f"/teacher/questions/{first.id}/move", {"direction": "down"})
    response = post(teacher, f"/teacher/questions/{third.id}/move", {"direction": "up"}, headers=HTMX)
    assert response.get_data(as_text=True).lstrip().startswith('<section id="questions"')
    order = [q.id for q in authoring.active_questions(quiz)]
    assert order == [second.id, third.id, first.id]


# --- Editing a quiz that has attempts --------------------------------------------------------


def take_quiz(student_id, quiz, answers):
    """A student's whole attempt through the domain; returns the submitted attempt."""
    attempt = quizzes.start_attempt(student_id, quiz, utcnow(), uuid.uuid4())
    for question in quizzes.attempt_questions(attempt):
        quizzes.save_answer(student_id, attempt, quiz, question, answers[question.text], utcnow())
    return quizzes.submit_attempt(student_id, attempt, quiz, utcnow()).submission


ANSWERS = {"Half of 8?": {"chosen": [1]}, "1/2 = 2/4": {"value": True}, "Write 3/4 as a decimal": {"text": "0.75"}}


def test_editing_an_answered_question_keeps_the_scores_of_earlier_attempts(course, teacher, world):
    quiz = reload(Quiz, course[2])
    student = world["student_a"].id
    with as_system():
        before = take_quiz(student, quiz, ANSWERS)
    assert before.score == Decimal("100.00")
    question = Question.get((Question.quiz == quiz.id) & (Question.text == "Half of 8?"))
    page = teacher.get(f"/teacher/questions/{question.id}").get_data(as_text=True)
    assert "Students have answered this question" in page
    # The teacher now says 6 is right, and doubles the points.
    response = post(teacher, f"/teacher/questions/{question.id}",
                    {**BASE, "text": "Half of 8?", "options": "2\n4\n6", "correct": "3", "points": "2"},
                    follow_redirects=True)
    assert "saved as a new version" in response.get_data(as_text=True)

    assert RetiredQuestion.get_by_id(question.id).replaced_by_id is not None
    assert reload(Question, question).correct_answer == {"correct": [1]}  # the old row is untouched
    active = authoring.active_questions(quiz)
    assert [q.text for q in active] == ["Half of 8?", "1/2 = 2/4", "Write 3/4 as a decimal"]
    assert active[0].id != question.id and active[0].correct_answer == {"correct": [2]}
    assert reload(Quiz, quiz).question_count == 3

    with as_system():
        kept = Submission.get_by_id(before.id)
        assert (kept.score, kept.points_earned) == (before.score, before.points_earned)
        old_questions = quizzes.attempt_questions(kept)
        assert question.id in [q.id for q in old_questions]
        # Grading the old attempt again from its own rows gives the same credit.
        for q in old_questions:
            assert grade(q.type, q.options, q.correct_answer, q.saved.answer).credit == 1
        after = take_quiz(student, quiz, ANSWERS)  # the same answers, on the new version
    assert active[0].id in after.question_order and question.id not in after.question_order
    assert after.score < before.score


def test_an_unanswered_question_is_edited_in_place(course, teacher):
    quiz = course[2]
    question = Question.get((Question.quiz == quiz.id) & (Question.text == "Half of 8?"))
    post(teacher, f"/teacher/questions/{question.id}",
         {**BASE, "text": "Half of 10?", "options": "2\n5", "correct": "2"})
    assert reload(Question, question).text == "Half of 10?"
    assert not RetiredQuestion.select().exists()


def test_saving_an_unchanged_answered_question_makes_no_new_version(course, teacher, world):
    quiz = reload(Quiz, course[2])
    with as_system():
        take_quiz(world["student_a"].id, quiz, ANSWERS)
    question = Question.get((Question.quiz == quiz.id) & (Question.text == "Half of 8?"))
    post(teacher, f"/teacher/questions/{question.id}", {**BASE, "text": "Half of 8?", "options": "2\n4\n6",
                                                        "correct": "2", "explanation": "8 ÷ 2 = 4"})
    assert not RetiredQuestion.select().exists()


def test_answers_of_students_the_teacher_cannot_see_still_count(course, auth, world):
    """teacher_a2 teaches another class: they cannot see 7A's attempts, yet those attempts are kept."""
    quiz = reload(Quiz, course[2])
    with as_system():
        take_quiz(world["student_a"].id, quiz, ANSWERS)
    auth.sign_in("teacher_a2")
    question = Question.get((Question.quiz == quiz.id) & (Question.text == "Half of 8?"))
    post(auth.client, f"/teacher/questions/{question.id}",
         {**BASE, "text": "Half of 8?", "options": "2\n4\n6", "correct": "3"})
    assert reload(Question, question).correct_answer == {"correct": [1]}
    assert RetiredQuestion.select().where(RetiredQuestion.question == question.id).exists()


def test_removing_an_answered_question_retires_it_and_an_unanswered_one_is_deleted(course, teacher, world):
    quiz = reload(Quiz, course[2])
    with as_system():
        attempt = take_quiz(world["student_a"].id, quiz, ANSWERS)
    answered = Question.get((Question.quiz == quiz.id) & (Question.text == "Half of 8?"))
    post(teacher, f"/teacher/quizzes/{quiz.id}/questions/new?type=TRUE_FALSE", {**BASE, "value": "true"})
    fresh = Question.get((Question.quiz == quiz.id) & (Question.text == "Question?"))
    post(teacher, f"/teacher/questions/{answered.id}/remove")
    post(teacher, f"/teacher/questions/{fresh.id}/remove")
    assert not Question.select().where(Question.id == fresh.id).exists()
    assert RetiredQuestion.get_by_id(answered.id).replaced_by_id is None
    assert reload(Quiz, quiz).question_count == 2
    # A second click on the removed question finds nothing to remove.
    assert post(teacher, f"/teacher/questions/{answered.id}/remove").status_code == 404
    with as_system():
        assert SubmissionAnswer.select().where(SubmissionAnswer.submission == attempt.id).count() == 3
        assert Submission.get_by_id(attempt.id).score == Decimal("100.00")


# --- Quiz preview ---------------------------------------------------------------------------


def test_quiz_preview_marks_an_answer_and_records_nothing(course, teacher):
    quiz = course[2]
    page = teacher.get(f"/teacher/quizzes/{quiz.id}/preview?q=1").get_data(as_text=True)
    assert "Half of 8?" in page and 'name="answer"' in page
    response = post(teacher, f"/teacher/quizzes/{quiz.id}/preview?q=1", {"answer": "1"}, headers=HTMX)
    html = response.get_data(as_text=True)
    assert response.status_code == 200 and "Right: full marks" in html and "<html" not in html
    response = post(teacher, f"/teacher/quizzes/{quiz.id}/preview?q=1", {"answer": "9"})
    assert response.status_code == 422
    with as_system():
        assert not Submission.select().exists() and not SubmissionAnswer.select().exists()
