"""Quiz grading follows docs/content-format.md. Pure functions: no database, no app."""
import unicodedata
from decimal import Decimal

import pytest
from werkzeug.datastructures import MultiDict

from spark.demo.content import COURSES
from spark.grading import (AnswerRejected, Grade, answer_from_form, check_answer, grade, parse_number,
                           points_for, score_percent)

MC, TF, SA, FB, MA, OR, ES = ("MULTIPLE_CHOICE", "TRUE_FALSE", "SHORT_ANSWER", "FILL_BLANK",
                              "MATCHING", "ORDERING", "ESSAY")

# Questions in the shape of the demo content, as (type, options, correct_answer).
SINGLE = (MC, ["Haemoglobin", "Chlorophyll", "Melanin", "Keratin"], {"correct": [1]})
SEVERAL = (MC, ["Sunlight", "Carbon dioxide", "Oxygen", "Water", "Chlorophyll"], {"correct": [0, 1, 3, 4]})
HALF_RIGHT = (MC, ["4/6", "6/8", "10/15", "3/5"], {"correct": [0, 2]})
TRUE = (TF, None, {"value": True})
COLOUR = (SA, None, {"accepted": ["blue*black", "dark blue"], "case_sensitive": False})
FORMULA = (SA, None, {"accepted": ["NaCl"], "case_sensitive": True})
LITERAL = (SA, None, {"accepted": ["why?", "a[1]", "a?c"], "case_sensitive": False})
CAFE = (SA, None, {"accepted": ["café"], "case_sensitive": False})
HINDI = (SA, None, {"accepted": ["पहला क़दम"], "case_sensitive": False})
QUARTER = (SA, None, {"numeric": 0.75, "tolerance": 0.001})
WATER = (SA, None, {"numeric": 71, "tolerance": 3})
NUMBER = (SA, None, {"numeric": 1.5, "tolerance": 0})
BLANKS = (FB, None, {"blanks": [["stomata", "stoma"], ["oxygen", "o2"], ["leaves", "leaf"]],
                     "case_sensitive": False})
PAIRS = (MA, {"left": ["1/2", "3/4", "2/5"], "right": ["6/8", "4/10", "5/10", "2/3"]},
         {"pairs": [[0, 2], [1, 0], [2, 1]]})
STEPS = (OR, ["C", "A", "E", "B", "D"], {"order": [1, 3, 0, 4, 2]})  # A B C D E
FOUR = (OR, ["3/4", "1/2", "5/8", "1/4"], {"order": [3, 1, 2, 0]})
ESSAY = (ES, None, {"rubric": "...", "sample_answer": "...", "min_words": 40})

D = Decimal


def credit_of(question, answer):
    return grade(*question, answer).credit


@pytest.mark.parametrize("question, answer, credit", [
    (SINGLE, {"chosen": [1]}, D(1)),
    (SINGLE, {"chosen": [2]}, D(0)),
    (SEVERAL, {"chosen": [0, 1, 3, 4]}, D(1)),
    (SEVERAL, {"chosen": [4, 3, 1, 0]}, D(1)),
    (SEVERAL, {"chosen": [0, 1, 3]}, D("0.75")),
    (SEVERAL, {"chosen": [0, 1, 2, 3, 4]}, D("0.75")),   # all four right and one wrong extra
    (SEVERAL, {"chosen": [0, 2]}, D(0)),                 # one right, one wrong
    (HALF_RIGHT, {"chosen": [0, 1, 2, 3]}, D(0)),        # everything chosen earns nothing
    (HALF_RIGHT, {"chosen": [1, 3]}, D(0)),              # clamped at 0, never negative
    (HALF_RIGHT, {"chosen": []}, D(0)),
    (SEVERAL, None, D(0)),
])
def test_multiple_choice_gives_credit_per_option(question, answer, credit):
    assert credit_of(question, answer) == credit


def test_multiple_choice_reports_each_option():
    result = grade(*SEVERAL, {"chosen": [0, 2]})
    assert result.parts == (True, False, False, False, False)
    assert result.correct is False


@pytest.mark.parametrize("answer, credit", [
    ({"value": True}, D(1)),
    ({"value": False}, D(0)),
    (None, D(0)),
])
def test_true_false_question(answer, credit):
    assert credit_of(TRUE, answer) == credit


@pytest.mark.parametrize("question, typed, right", [
    (COLOUR, "Dark Blue", True),                     # case-insensitive
    (COLOUR, "  dark   blue  ", True),               # spaces trimmed and collapsed
    (COLOUR, "dark blue.", True),                    # one trailing full stop dropped
    (COLOUR, "dark blue!!", False),                  # only one
    (COLOUR, "blue-black", True),                    # * matches a run of characters
    (COLOUR, "blueblack", True),                     # ... including none
    (COLOUR, "light blue", False),
    (FORMULA, "NaCl", True),
    (FORMULA, "nacl", False),                        # case_sensitive
    (LITERAL, "why", True),                          # the accepted answer's ? is a trailing mark too
    (LITERAL, "a[1]", True),                         # [ is literal, not a character class
    (LITERAL, "a1", False),
    (LITERAL, "a?c", True),
    (LITERAL, "abc", False),                         # ? is literal, not any one character
    (CAFE, unicodedata.normalize("NFD", "Café"), True),
    (HINDI, "पहला क\u093cदम", True),                 # nukta typed separately, NFC is the same
    (HINDI, "पहला कदम", False),
    (COLOUR, "*", False),                            # a * typed by the student is just a star
])
def test_short_answer_matches_normalised_text(question, typed, right):
    assert credit_of(question, {"text": typed}) == D(int(right))


@pytest.mark.parametrize("question, typed, right", [
    (QUARTER, "3/4", True),
    (QUARTER, "0.75", True),
    (QUARTER, "0.751", True),                        # exactly at the tolerance
    (QUARTER, "0.752", False),
    (QUARTER, ".75", True),
    (NUMBER, "1 1/2", True),
    (NUMBER, "1.5 kg", True),
    (NUMBER, "−1.5", False),
    (WATER, "71%", True),
    (WATER, "75%", False),
    (WATER, "68", True),                             # within a tolerance of 3
    (WATER, "७१", True),                              # Devanagari digits
    (WATER, "about seventy", False),
    (WATER, "", False),
])
def test_short_answer_numeric_within_tolerance(question, typed, right):
    assert credit_of(question, {"text": typed}) == D(int(right))


@pytest.mark.parametrize("typed, value", [
    ("3/4", D("0.75")),
    ("1 1/2", D("1.5")),
    ("−2", D(-2)),
    ("-2", D(-2)),
    ("+2", D(2)),
    ("₹ 1,250", D(1250)),
    ("1,25,000", D(125000)),
    ("75%", D(75)),
    ("३/४", D("0.75")),
    ("garbage", None),
    ("3/0", None),
    ("1.5/2", None),
])
def test_typed_numbers_are_read_in_the_documented_formats(typed, value):
    parsed = parse_number(typed)
    assert (None if parsed is None else D(parsed.numerator) / D(parsed.denominator)) == value


@pytest.mark.parametrize("blanks, credit, parts", [
    (["stomata", "oxygen", "leaves"], D(1), (True, True, True)),
    (["Stoma", "O2", "roots"], D("0.6667"), (True, True, False)),
    (["stomata", "", "leaf"], D("0.6667"), (True, False, True)),
    (["", "", ""], D(0), None),
])
def test_fill_blank_question_gives_credit_per_blank(blanks, credit, parts):
    result = grade(*BLANKS, {"blanks": blanks})
    assert (result.credit, result.parts) == (credit, parts)


@pytest.mark.parametrize("pairs, credit, parts", [
    ([[0, 2], [1, 0], [2, 1]], D(1), (True, True, True)),
    ([[0, 2], [1, 0], [2, 3]], D("0.6667"), (True, True, False)),
    ([[2, 1], [0, 2], [1, None]], D("0.6667"), (True, False, True)),   # any order; one left empty
    ([[0, 0], [1, 2], [2, 3]], D(0), (False, False, False)),
])
def test_matching_question_gives_credit_per_pair(pairs, credit, parts):
    result = grade(*PAIRS, {"pairs": pairs})
    assert (result.credit, result.parts) == (credit, parts)


@pytest.mark.parametrize("question, order, credit", [
    (STEPS, [1, 3, 0, 4, 2], D(1)),
    (STEPS, [3, 0, 4, 2, 1], D("0.8")),              # A moved from first to last
    (STEPS, [1, 0, 3, 4, 2], D("0.8")),              # B moved after C
    (STEPS, [2, 4, 0, 3, 1], D("0.2")),              # reversed: 1/n
    (FOUR, [0, 2, 1, 3], D("0.25")),                 # reversed
    (FOUR, [1, 3, 2, 0], D("0.75")),                 # first two swapped
])
def test_ordering_question_gives_credit_for_the_longest_run_in_order(question, order, credit):
    assert credit_of(question, {"order": order}) == credit


def test_ordering_marks_the_items_kept_in_order():
    assert grade(*STEPS, {"order": [3, 0, 4, 2, 1]}).parts == (True, True, True, True, False)


@pytest.mark.parametrize("answer, expected", [
    ({"text": "Plants need water because ..."}, Grade(credit=None)),
    ({"text": "   "}, Grade(credit=D(0))),
    (None, Grade(credit=D(0))),
])
def test_essay_waits_for_a_teacher_unless_unanswered(answer, expected):
    result = grade(*ESSAY, answer)
    assert result == expected
    assert result.correct is (None if expected.credit is None else False)


@pytest.mark.parametrize("question", [SINGLE, SEVERAL, TRUE, COLOUR, QUARTER, BLANKS, PAIRS, STEPS])
def test_unanswered_question_earns_nothing(question):
    assert grade(*question, None) == Grade(credit=D(0))


def test_full_credit_is_correct():
    assert grade(*SINGLE, {"chosen": [1]}).correct is True
    assert grade(*SINGLE, {"chosen": [0]}).correct is False


@pytest.mark.parametrize("question, answer, normalised", [
    (SEVERAL, {"chosen": [4, 0, 1]}, {"chosen": [0, 1, 4]}),
    (SEVERAL, {"chosen": []}, None),
    (TRUE, {"value": False}, {"value": False}),
    (COLOUR, {"text": "  blue  "}, {"text": "blue"}),
    (COLOUR, {"text": "  "}, None),
    (BLANKS, {"blanks": ["a", None, " b "]}, {"blanks": ["a", "", "b"]}),
    (BLANKS, {"blanks": ["", "", ""]}, None),
    (PAIRS, {"pairs": [[2, 1], [0, None], [1, 0]]}, {"pairs": [[0, None], [1, 0], [2, 1]]}),
    (PAIRS, {"pairs": [[0, None], [1, None], [2, None]]}, None),
    (STEPS, {"order": [4, 3, 2, 1, 0]}, {"order": [4, 3, 2, 1, 0]}),
    (ESSAY, {"text": "x" * 10_000}, {"text": "x" * 10_000}),
    (COLOUR, None, None),
])
def test_check_answer_returns_the_canonical_shape(question, answer, normalised):
    assert check_answer(*question, answer) == normalised


@pytest.mark.parametrize("question, answer", [
    (SINGLE, {"chosen": [0, 1]}),                    # several choices on a single-answer question
    (SINGLE, {"chosen": [4]}),                       # out of range
    (SINGLE, {"chosen": [-1]}),
    (SINGLE, {"chosen": ["1"]}),                     # not an integer
    (SINGLE, {"chosen": [True]}),
    (SINGLE, {"chosen": 1}),
    (SEVERAL, {"chosen": [0, 0]}),                   # duplicates
    (SINGLE, [1]),                                   # not an object
    (TRUE, {"value": "true"}),
    (TRUE, {}),
    (COLOUR, {"text": 42}),
    (COLOUR, {"text": "x" * 2_001}),
    (ESSAY, {"text": "x" * 10_001}),
    (BLANKS, {"blanks": ["stomata", "oxygen"]}),     # wrong number of blanks
    (BLANKS, {"blanks": ["a", "b", 3]}),
    (BLANKS, {"blanks": ["a", "b", "x" * 2_001]}),
    (PAIRS, {"pairs": [[0, 2], [1, 0]]}),            # wrong number of pairs
    (PAIRS, {"pairs": [[0, 2], [1, 0], [1, 1]]}),    # a left item twice
    (PAIRS, {"pairs": [[0, 2], [1, 2], [2, 1]]}),    # a right item twice
    (PAIRS, {"pairs": [[0, 2], [1, 0], [2, 4]]}),    # right index out of range
    (PAIRS, {"pairs": [[0, 2], [1, 0], [2]]}),
    (STEPS, {"order": [0, 1, 2, 3]}),                # not a permutation
    (STEPS, {"order": [0, 1, 2, 3, 3]}),
    (STEPS, {"order": [0, 1, 2, 3, 5]}),
])
def test_check_answer_rejects_answers_that_do_not_fit(question, answer):
    with pytest.raises(AnswerRejected):
        check_answer(*question, answer)


def test_rejection_carries_a_message_for_the_student():
    with pytest.raises(AnswerRejected) as caught:
        check_answer(*SINGLE, {"chosen": [0, 1]})
    assert str(caught.value.message) == "Choose only one answer"


@pytest.mark.parametrize("question, fields, answer", [
    (SINGLE, [("q1", "1")], {"chosen": [1]}),
    (SINGLE, [], None),
    (SINGLE, [("q1", "")], None),
    (SEVERAL, [("q1", "4"), ("q1", "0")], {"chosen": [0, 4]}),
    (TRUE, [("q1", "false")], {"value": False}),
    (TRUE, [], None),
    (COLOUR, [("q1", " Dark blue ")], {"text": "Dark blue"}),
    (COLOUR, [], None),
    (ESSAY, [("q1", "My answer")], {"text": "My answer"}),
    (BLANKS, [("q1-1", "stomata"), ("q1-3", "leaf")], {"blanks": ["stomata", "", "leaf"]}),
    (BLANKS, [], None),
    (PAIRS, [("q1-0", "2"), ("q1-1", ""), ("q1-2", "1")], {"pairs": [[0, 2], [1, None], [2, 1]]}),
    (PAIRS, [("q1-0", "")], None),
    # Positions: C=3rd, A=1st, E=5th, B=2nd, D=4th, so the order is A B C D E.
    (STEPS, [("q1-0", "3"), ("q1-1", "1"), ("q1-2", "5"), ("q1-3", "2"), ("q1-4", "4")],
     {"order": [1, 3, 0, 4, 2]}),
    (STEPS, [("q1-0", "३"), ("q1-1", "१"), ("q1-2", "५"), ("q1-3", "२"), ("q1-4", "४")],
     {"order": [1, 3, 0, 4, 2]}),
    (STEPS, [], None),
])
def test_answer_from_form_builds_the_canonical_answer(question, fields, answer):
    assert answer_from_form(*question, MultiDict(fields), "q1") == answer


@pytest.mark.parametrize("question, fields", [
    (SINGLE, [("q1", "0"), ("q1", "1")]),            # two radio values
    (SINGLE, [("q1", "7")]),                         # out of range
    (SINGLE, [("q1", "one")]),                       # not an integer
    (SEVERAL, [("q1", "0"), ("q1", "1.5")]),
    (TRUE, [("q1", "yes")]),
    (COLOUR, [("q1", "x" * 2_001)]),
    (PAIRS, [("q1-0", "9")]),
    (PAIRS, [("q1-0", "x")]),
    (PAIRS, [("q1-0", "1"), ("q1-1", "1")]),
    (STEPS, [("q1-0", "1"), ("q1-1", "2")]),          # partly filled
    (STEPS, [("q1-0", "1"), ("q1-1", "1"), ("q1-2", "2"), ("q1-3", "3"), ("q1-4", "4")]),
    (STEPS, [("q1-0", "0"), ("q1-1", "1"), ("q1-2", "2"), ("q1-3", "3"), ("q1-4", "4")]),
    (STEPS, [("q1-0", "a"), ("q1-1", "1"), ("q1-2", "2"), ("q1-3", "3"), ("q1-4", "4")]),
])
def test_answer_from_form_rejects_impossible_answers(question, fields):
    with pytest.raises(AnswerRejected):
        answer_from_form(*question, MultiDict(fields), "q1")


def test_ordering_form_asks_for_different_positions():
    with pytest.raises(AnswerRejected) as caught:
        answer_from_form(*FOUR, MultiDict([("q-0", "1"), ("q-1", "1"), ("q-2", "2"), ("q-3", "3")]), "q")
    assert str(caught.value.message) == "Give each item a different position from 1 to 4"


@pytest.mark.parametrize("credit, points, earned", [
    (D(1), 2, D("2.00")),
    (D("0.6667"), 3, D("2.00")),
    (D("0.6667"), 2, D("1.33")),
    (D("0.8"), 2, D("1.60")),
    (D(0), 5, D("0.00")),
    (None, 5, None),
])
def test_points_earned_are_points_times_credit(credit, points, earned):
    assert points_for(Grade(credit=credit), points) == earned


@pytest.mark.parametrize("earned, possible, percent", [
    (D("7.5"), 10, D("75.00")),
    (2, 3, D("66.67")),
    (0, 0, D("0.00")),
    (D("10"), 10, D("100.00")),
])
def test_score_is_a_percent_of_points(earned, possible, percent):
    assert score_percent(earned, possible) == percent


def _demo_questions():
    for course in COURSES:
        for lesson in course["lessons"]:
            for quiz in lesson["quizzes"]:
                for n, question in enumerate(quiz["questions"], start=1):
                    yield pytest.param(question, id=f"{course['key']}:{quiz['key']}:{n}")


def _right_answer(question):
    key = question["correct_answer"]
    return {
        MC: lambda: {"chosen": key["correct"]},
        TF: lambda: {"value": key["value"]},
        SA: lambda: {"text": str(key.get("numeric", "")) or key.get("accepted", [""])[0].replace("*", "x")},
        FB: lambda: {"blanks": [accepted[0].replace("*", "x") for accepted in key["blanks"]]},
        MA: lambda: {"pairs": key["pairs"]},
        OR: lambda: {"order": key["order"]},
        ES: lambda: {"text": key["sample_answer"]},
    }[question["type"]]()


@pytest.mark.parametrize("question", list(_demo_questions()))
def test_demo_questions_give_full_credit_for_their_own_answer(question):
    result = grade(question["type"], question["options"], question["correct_answer"], _right_answer(question))
    assert result.credit == (None if question["type"] == ES else D(1))


def test_devanagari_digits_answer_a_blank_that_expects_ascii_digits():
    from spark.grading import grade
    key = {"blanks": [["37"]], "case_sensitive": False}
    assert grade("FILL_BLANK", None, key, {"blanks": ["३७"]}).credit == 1
