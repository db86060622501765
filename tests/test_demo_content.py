"""The demo teaching content follows docs/content-format.md. Pure Python: no database, no app.

The content package is loaded straight from its files, so these tests do not import
`spark` (and its Flask app) at all.
"""
import importlib.util
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CONTENT_DIR = ROOT / "spark" / "demo" / "content"
STATIC_DIR = ROOT / "spark" / "static"


def _load_content_package():
    name = "_spark_demo_content_under_test"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(
        name, CONTENT_DIR / "__init__.py", submodule_search_locations=[str(CONTENT_DIR)])
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


content = _load_content_package()
COURSES = content.COURSES
BADGES = content.BADGES

BLOCK_FIELDS = {
    "text": {"html"},
    "image": {"src", "alt", "width", "height"},
    "example": {"title", "problem", "steps", "answer"},
    "key_points": {"points"},
    "video": {"url", "title", "duration_seconds"},
    "check": {"question", "options", "answer_index", "explanation"},
}
OPTIONAL_BLOCK_FIELDS = {"image": {"caption"}}
ALLOWED_TAGS = {"p", "h2", "h3", "ul", "ol", "li", "strong", "em", "br", "sub", "sup"}
QUESTION_TYPES = {"MULTIPLE_CHOICE", "TRUE_FALSE", "SHORT_ANSWER", "FILL_BLANK", "MATCHING", "ORDERING", "ESSAY"}
METRICS = {"lessons_completed", "quizzes_passed", "perfect_scores", "streak_days", "level", "xp_total",
           "xp_in_subject", "course_lessons_completed"}
KEY_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
BLANK_RE = re.compile(r"\[\[(\d+)\]\]")
DEVANAGARI_RE = re.compile(r"[\u0900-\u097F]")
TEXT_BLOCK_FIELDS = ("html", "alt", "caption", "title", "problem", "answer", "question", "explanation")


def lessons():
    return [(course, lesson) for course in COURSES for lesson in course["lessons"]]


def quizzes():
    return [(course, lesson, quiz) for course, lesson in lessons() for quiz in lesson.get("quizzes", [])]


def questions():
    return [(quiz, question) for _, _, quiz in quizzes() for question in quiz["questions"]]


def question_ids():
    return [f"{quiz['key']}-{n}" for _, _, quiz in quizzes() for n, _ in enumerate(quiz["questions"], start=1)]


# --- courses and keys -------------------------------------------------------------------------

def test_three_courses_with_expected_keys_and_subjects():
    assert [c["key"] for c in COURSES] == ["g7-maths", "g7-science", "g7-english"]
    assert [c["subject"] for c in COURSES] == ["Mathematics", "Science", "English"]


@pytest.mark.parametrize("course", COURSES, ids=lambda c: c["key"])
def test_course_fields(course):
    for field in ("title", "description", "subject"):
        assert isinstance(course[field], str) and course[field].strip()
    assert len(course["title"]) <= 200
    assert course["grade"] == 7
    assert course["difficulty"] in {"EASY", "MEDIUM", "HARD", "EPIC"}
    assert isinstance(course["estimated_hours"], int) and course["estimated_hours"] > 0
    assert course["learning_objectives"] and all(isinstance(o, str) and o for o in course["learning_objectives"])
    assert all(key in {c["key"] for c in COURSES} and key != course["key"] for key in course["prerequisites"])
    assert len(course["lessons"]) >= 5
    assert len([lesson for lesson in course["lessons"] if lesson.get("quizzes")]) >= 2


def test_keys_are_well_formed_and_unique_everywhere():
    groups = {
        "course": [c["key"] for c in COURSES],
        "lesson": [lesson["key"] for _, lesson in lessons()],
        "quiz": [quiz["key"] for _, _, quiz in quizzes()],
        "badge": [b["key"] for b in BADGES],
    }
    for kind, keys in groups.items():
        assert len(keys) == len(set(keys)), f"duplicate {kind} keys"
        for key in keys:
            assert KEY_RE.match(key), f"bad {kind} key {key!r}"
    everything = [key for keys in groups.values() for key in keys]
    assert len(everything) == len(set(everything))


@pytest.mark.parametrize("course,lesson", lessons(), ids=lambda x: x["key"])
def test_lesson_fields(course, lesson):
    assert isinstance(lesson["title"], str) and lesson["title"].strip() and len(lesson["title"]) <= 200
    assert isinstance(lesson["duration"], int) and 5 <= lesson["duration"] <= 60
    assert lesson["objectives"] and lesson["keywords"]
    assert lesson["difficulty_level"] in range(1, 6)
    assert lesson["requires_internet"] is False
    assert lesson["content"]["version"] == 1
    assert 5 <= len(lesson["content"]["blocks"]) <= 9
    assert len(lesson.get("quizzes", [])) <= 1  # the loader's history assumes one quiz per lesson


# --- blocks -------------------------------------------------------------------------------------

def all_blocks():
    found = []
    for course, lesson in lessons():
        for block in lesson["content"]["blocks"]:
            found.append((lesson["key"], block))
        translated = lesson.get("translations", {}).get("hi", {}).get("content")
        if translated:
            for block in translated["blocks"]:
                found.append((lesson["key"] + ":hi", block))
    return found


@pytest.mark.parametrize("where,block", all_blocks(), ids=lambda x: x if isinstance(x, str) else x["type"])
def test_block_shape(where, block):
    kind = block.get("type")
    assert kind in BLOCK_FIELDS, f"{where}: unknown block type {kind!r}"
    fields = set(block) - {"type"}
    missing = BLOCK_FIELDS[kind] - fields
    extra = fields - BLOCK_FIELDS[kind] - OPTIONAL_BLOCK_FIELDS.get(kind, set())
    assert not missing, f"{where}: {kind} block lacks {missing}"
    assert not extra, f"{where}: {kind} block has unknown fields {extra}"
    if kind == "text":
        tags = re.findall(r"</?\s*([a-zA-Z0-9]+)([^>]*)>", block["html"])
        assert tags, "text blocks are HTML"
        for tag, attributes in tags:
            assert tag.lower() in ALLOWED_TAGS, f"{where}: tag <{tag}> is not allowed"
            assert not attributes.strip(), f"{where}: tags carry no attributes"
    elif kind == "image":
        assert block["src"].startswith("demo/") and block["src"].endswith(".svg")
        assert (STATIC_DIR / block["src"]).is_file(), f"{where}: missing image {block['src']}"
        assert block["alt"].strip()
        assert isinstance(block["width"], int) and isinstance(block["height"], int)
    elif kind == "example":
        assert block["title"] and block["problem"] and block["answer"]
        assert isinstance(block["steps"], list) and block["steps"] and all(isinstance(s, str) and s for s in block["steps"])
    elif kind == "key_points":
        assert isinstance(block["points"], list) and len(block["points"]) >= 2
    elif kind == "video":
        assert block["url"].startswith("https://")
        assert block["title"].strip()
        assert block["duration_seconds"] is None or isinstance(block["duration_seconds"], int)
    elif kind == "check":
        assert len(block["options"]) >= 2 and len(set(block["options"])) == len(block["options"])
        assert isinstance(block["answer_index"], int) and 0 <= block["answer_index"] < len(block["options"])
        assert block["explanation"].strip()
    for field in ("html", "title", "problem", "answer", "question", "explanation", "caption", "alt"):
        if field in block:
            assert "<script" not in block[field].lower()


@pytest.mark.parametrize("course", COURSES, ids=lambda c: c["key"])
def test_videos_are_rare(course):
    per_lesson = [sum(b["type"] == "video" for b in lesson["content"]["blocks"]) for lesson in course["lessons"]]
    assert all(count <= 1 for count in per_lesson)
    assert not all(per_lesson)


def test_every_lesson_teaches_with_text_and_a_summary():
    for _, lesson in lessons():
        kinds = [b["type"] for b in lesson["content"]["blocks"]]
        assert "text" in kinds and "key_points" in kinds, lesson["key"]


# --- illustrations ------------------------------------------------------------------------------

SVGS = sorted((STATIC_DIR / "demo").glob("*.svg"))


def test_there_are_four_to_six_illustrations_and_all_are_used():
    assert 4 <= len(SVGS) <= 6
    used = {b["src"] for _, b in all_blocks() if b["type"] == "image"}
    assert used == {f"demo/{p.name}" for p in SVGS}


@pytest.mark.parametrize("path", SVGS, ids=lambda p: p.name)
def test_svg_is_small_and_safe(path):
    data = path.read_bytes()
    assert len(data) < 3 * 1024
    text = data.decode("utf-8")
    lowered = text.lower()
    assert "viewbox=" in lowered
    assert "<script" not in lowered
    assert not re.search(r"href\s*=\s*[\"']\s*(https?:|//|data:)", lowered)
    assert "url(http" not in lowered and "@import" not in lowered and "<foreignobject" not in lowered
    assert not re.search(r"\bon[a-z]+\s*=", lowered), "no event handler attributes"
    for family in re.findall(r"font-family\s*[=:]\s*[\"']?([^\"';>]+)", text):
        assert family.strip() == "sans-serif"
    import xml.etree.ElementTree as ET
    ET.fromstring(data)  # well-formed


# --- quizzes and questions --------------------------------------------------------------------

@pytest.mark.parametrize("course,lesson,quiz", quizzes(), ids=lambda x: x["key"])
def test_quiz_fields(course, lesson, quiz):
    assert quiz["title"].strip() and quiz["description"].strip()
    assert quiz["time_limit"] is None or (isinstance(quiz["time_limit"], int) and quiz["time_limit"] > 0)
    assert isinstance(quiz["max_attempts"], int) and quiz["max_attempts"] > 0
    assert 0 <= quiz["passing_score"] <= 100
    assert isinstance(quiz["randomize_questions"], bool) and isinstance(quiz["show_results_immediately"], bool)
    assert 4 <= len(quiz["questions"]) <= 8


def test_every_course_has_two_quizzes():
    for course in COURSES:
        assert sum(len(lesson.get("quizzes", [])) for lesson in course["lessons"]) >= 2


def test_all_seven_question_types_appear_several_times():
    counts = {}
    for _, question in questions():
        counts[question["type"]] = counts.get(question["type"], 0) + 1
    assert set(counts) == QUESTION_TYPES
    assert all(count >= 3 for count in counts.values()), counts


def _plain_strings(values):
    return isinstance(values, list) and values and all(isinstance(v, str) and v.strip() for v in values)


@pytest.mark.parametrize("quiz,question", questions(), ids=question_ids())
def test_question_shape(quiz, question):
    kind = question["type"]
    assert kind in QUESTION_TYPES
    assert isinstance(question["text"], str) and question["text"].strip()
    assert isinstance(question["explanation"], str) and question["explanation"].strip()
    assert question.get("difficulty", 1) in range(1, 6)
    points = question.get("points", 1)
    assert isinstance(points, int) and points > 0
    if "tags" in question:
        assert all(isinstance(t, str) and t for t in question["tags"])
    options, answer = question["options"], question["correct_answer"]
    assert isinstance(answer, dict)

    if kind == "MULTIPLE_CHOICE":
        assert _plain_strings(options) and len(options) >= 2 and len(set(options)) == len(options)
        assert set(answer) == {"correct"}
        correct = answer["correct"]
        assert correct and len(set(correct)) == len(correct)
        assert all(isinstance(i, int) and 0 <= i < len(options) for i in correct)
        assert len(correct) < len(options)
        if len(correct) > 1:
            assert "all that apply" in question["text"].lower()
    elif kind == "TRUE_FALSE":
        assert options is None
        assert set(answer) == {"value"} and isinstance(answer["value"], bool)
    elif kind == "SHORT_ANSWER":
        assert options is None
        if "numeric" in answer:
            assert set(answer) == {"numeric", "tolerance"}
            assert isinstance(answer["numeric"], (int, float)) and not isinstance(answer["numeric"], bool)
            assert isinstance(answer["tolerance"], (int, float)) and answer["tolerance"] >= 0
        else:
            assert set(answer) == {"accepted", "case_sensitive"}
            assert _plain_strings(answer["accepted"]) and isinstance(answer["case_sensitive"], bool)
    elif kind == "FILL_BLANK":
        assert options is None
        assert set(answer) == {"blanks", "case_sensitive"} and isinstance(answer["case_sensitive"], bool)
        markers = [int(n) for n in BLANK_RE.findall(question["text"])]
        assert markers == list(range(1, len(markers) + 1)), "blanks are numbered [[1]], [[2]], ... in order"
        assert len(answer["blanks"]) == len(markers) >= 1
        assert all(_plain_strings(accepted) for accepted in answer["blanks"])
    elif kind == "MATCHING":
        assert isinstance(options, dict) and set(options) == {"left", "right"}
        left, right = options["left"], options["right"]
        assert _plain_strings(left) and _plain_strings(right) and len(left) >= 2
        assert len(right) in (len(left), len(left) + 1)
        assert len(set(left)) == len(left) and len(set(right)) == len(right)
        assert set(answer) == {"pairs"}
        pairs = answer["pairs"]
        assert all(isinstance(p, list) and len(p) == 2 for p in pairs)
        assert sorted(p[0] for p in pairs) == list(range(len(left))), "one pair per left item"
        rights = [p[1] for p in pairs]
        assert all(0 <= r < len(right) for r in rights) and len(set(rights)) == len(rights)
    elif kind == "ORDERING":
        assert _plain_strings(options) and len(options) >= 3 and len(set(options)) == len(options)
        assert set(answer) == {"order"}
        order = answer["order"]
        assert sorted(order) == list(range(len(options))), "order is a permutation"
        assert order != list(range(len(options))), "options must not already be in the correct order"
    elif kind == "ESSAY":
        assert options is None
        assert set(answer) == {"rubric", "sample_answer", "min_words"}
        assert answer["rubric"].strip()
        assert isinstance(answer["min_words"], int) and answer["min_words"] > 0
        assert len(answer["sample_answer"].split()) >= answer["min_words"]
        assert points == 5


# --- spot checks of answers (arithmetic that is easy to get wrong) -----------------------------

def _question(quiz_key, text_start):
    for quiz, question in questions():
        if quiz["key"] == quiz_key and question["text"].startswith(text_start):
            return question
    raise AssertionError(f"no question starting {text_start!r} in {quiz_key}")


def test_some_answers_are_right():
    from fractions import Fraction as F
    q = _question("fractions-basics-quiz", "Arrange these fractions")
    values = [F(o) for o in q["options"]]
    assert [values[i] for i in q["correct_answer"]["order"]] == sorted(values)
    q = _question("fractions-basics-quiz", "Which of these fractions are equal to 2/3")
    assert q["correct_answer"]["correct"] == [i for i, o in enumerate(q["options"]) if F(o) == F(2, 3)]
    q = _question("fractions-basics-quiz", "Match each fraction")
    assert all(F(q["options"]["left"][a]) == F(q["options"]["right"][b]) for a, b in q["correct_answer"]["pairs"])
    q = _question("fraction-operations-quiz", "What is 3/4 × 2/5")
    assert F(q["options"][q["correct_answer"]["correct"][0]]) == F(3, 4) * F(2, 5)
    q = _question("decimals-integers-quiz", "Work out 1.2 × 0.3")
    assert abs(q["correct_answer"]["numeric"] - 1.2 * 0.3) < 1e-9
    q = _question("decimals-integers-quiz", "Which of these products are positive")
    signs = [(-3) * (-7) > 0, (-2) * 5 > 0, (-1) * (-1) * (-1) > 0, (-4) * (-2) * 3 > 0]
    assert q["correct_answer"]["correct"] == [i for i, s in enumerate(signs) if s]
    q = _question("decimals-integers-quiz", "Arrange these temperatures")
    temps = [int(o.split(" ")[0].replace("−", "-")) for o in q["options"]]
    assert [temps[i] for i in q["correct_answer"]["order"]] == sorted(temps)


# --- badges -------------------------------------------------------------------------------------

def _leaves(criteria):
    if "all" in criteria or "any" in criteria:
        assert len(criteria) == 1
        (_, parts), = criteria.items()
        assert isinstance(parts, list) and parts
        for part in parts:
            yield from _leaves(part)
    else:
        yield criteria


def _uses_combinator(criteria, name):
    if name in criteria:
        return True
    return any(_uses_combinator(p, name) for key in ("all", "any") for p in criteria.get(key, []))


def test_badges():
    assert 8 <= len(BADGES) <= 10
    assert len({b["name"] for b in BADGES}) == len(BADGES)
    course_keys = {c["key"]: c for c in COURSES}
    subjects = {c["subject"] for c in COURSES}
    for badge in BADGES:
        assert badge["name"].strip() and len(badge["name"]) <= 100 and badge["description"].strip()
        assert badge["category"] in {"PROGRESS", "MASTERY", "SOCIAL", "SPECIAL", "STREAK"}
        assert badge["rarity"] in {"COMMON", "RARE", "EPIC", "LEGENDARY"}
        assert isinstance(badge["icon"], str) and KEY_RE.match(badge["icon"])
        for reward in ("xp_reward", "crystal_reward", "spark_reward"):
            assert isinstance(badge[reward], int) and badge[reward] >= 0
        for leaf in _leaves(badge["criteria"]):
            assert leaf["metric"] in METRICS, badge["key"]
            assert isinstance(leaf["gte"], int) and leaf["gte"] > 0
            allowed = {"metric", "gte"}
            if leaf["metric"] == "xp_in_subject":
                assert leaf["subject"] in subjects
                allowed.add("subject")
            if leaf["metric"] == "course_lessons_completed":
                assert leaf["course"] in course_keys
                assert leaf["gte"] <= len(course_keys[leaf["course"]]["lessons"])
                allowed.add("course")
            assert set(leaf) == allowed, badge["key"]
    assert any(_uses_combinator(b["criteria"], "all") for b in BADGES)
    assert any(_uses_combinator(b["criteria"], "any") for b in BADGES)
    metrics_used = {leaf["metric"] for b in BADGES for leaf in _leaves(b["criteria"])}
    assert {"lessons_completed", "quizzes_passed", "perfect_scores", "streak_days", "level",
            "xp_in_subject", "course_lessons_completed"} <= metrics_used


# --- translations -----------------------------------------------------------------------------

def _strings(value, skip=("type", "src", "url")):
    """Every string in a translation, except machine fields and check options (tested apart)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item, skip)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in skip and not (key == "options" and value.get("type") == "check"):
                yield from _strings(item, skip)


def test_hindi_translations_exist_where_promised():
    for course in COURSES:
        hi = course["translations"]["hi"]
        assert set(hi) == {"title", "description"}
        for n, lesson in enumerate(course["lessons"]):
            lesson_hi = lesson["translations"]["hi"]
            assert "title" in lesson_hi
            if n == 0:
                assert set(lesson_hi) == {"title", "content"}
            else:
                assert set(lesson_hi) == {"title"}
    for badge in BADGES:
        assert set(badge["translations"]["hi"]) == {"name", "description"}


def test_every_hindi_string_contains_devanagari():
    translations = [c["translations"] for c in COURSES]
    translations += [lesson["translations"] for _, lesson in lessons()]
    translations += [b["translations"] for b in BADGES]
    count = 0
    for translation in translations:
        for text in _strings(translation["hi"]):
            count += 1
            assert DEVANAGARI_RE.search(text), f"no Devanagari in {text!r}"
    assert count > 50


@pytest.mark.parametrize("course", COURSES, ids=lambda c: c["key"])
def test_translated_first_lesson_mirrors_the_original(course):
    lesson = course["lessons"][0]
    original = lesson["content"]["blocks"]
    translated = lesson["translations"]["hi"]["content"]["blocks"]
    assert lesson["translations"]["hi"]["content"]["version"] == 1
    assert [b["type"] for b in translated] == [b["type"] for b in original]
    for en, hi in zip(original, translated):
        assert set(en) == set(hi)
        for field in ("src", "url", "width", "height", "answer_index", "duration_seconds"):
            assert en.get(field) == hi.get(field)
        for field in ("steps", "points", "options"):
            if field in en:
                assert len(en[field]) == len(hi[field])
        if en["type"] == "check":
            assert any(DEVANAGARI_RE.search(o) for o in hi["options"])
        for field in TEXT_BLOCK_FIELDS:
            if field in hi:
                assert hi[field] != en[field]
