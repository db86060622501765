"""How quiz answers are checked and graded: the rules of docs/content-format.md.

Pure functions of a question (type, options, correct answer) and an answer in
its canonical JSON shape, as stored in `submission_answers.answer`:

| type            | answer                                     |
|-----------------|--------------------------------------------|
| MULTIPLE_CHOICE | {"chosen": [int, ...]}                     |
| TRUE_FALSE      | {"value": bool}                            |
| SHORT_ANSWER    | {"text": str}                              |
| FILL_BLANK      | {"blanks": [str, ...]}  (one per [[n]])    |
| MATCHING        | {"pairs": [[left, right or None], ...]}    |
| ORDERING        | {"order": [int, ...]}   (a permutation)    |
| ESSAY           | {"text": str}                              |

`None` is "not answered": allowed, and worth nothing.
"""
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from flask_babel import lazy_gettext as _l

from spark.models.enums import QuestionType

TEXT_LIMIT = 2_000
ESSAY_LIMIT = 10_000

_CREDIT_STEP = Decimal("0.0001")
_CENTS = Decimal("0.01")


class AnswerRejected(ValueError):
    """An answer that does not fit its question; `message` is shown to the student."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class Grade:
    """The result of grading one answer.

    `credit` is the share of the points earned (0..1, four decimals), or None
    while a teacher has still to grade it; `parts` says, where the type has
    parts, which of them were right; `correct` is True only for full credit.
    """

    credit: Decimal | None
    parts: tuple[bool, ...] | None = None
    correct: bool | None = field(init=False)

    def __post_init__(self):
        # Derived, so it can never disagree with the credit.
        object.__setattr__(self, "correct", None if self.credit is None else self.credit == 1)


# ---------------------------------------------------------------- checking

def check_answer(question_type, options, correct_answer, answer):
    """Return the answer in its canonical shape, or None if nothing was answered.

    Raises AnswerRejected when the answer cannot belong to this question.
    """
    if answer is None:
        return None
    if not isinstance(answer, dict):
        raise _misfit()
    return _checker(question_type)(options, correct_answer, answer)


def _check_multiple_choice(options, correct_answer, answer):
    chosen = _int_list(answer.get("chosen"))
    if any(not 0 <= index < len(options) for index in chosen):
        raise AnswerRejected(_l("That answer is not one of the choices"))
    if len(set(chosen)) != len(chosen):
        raise AnswerRejected(_l("Choose each answer only once"))
    if len(correct_answer["correct"]) == 1 and len(chosen) > 1:
        raise AnswerRejected(_l("Choose only one answer"))
    return {"chosen": sorted(chosen)} if chosen else None


def _check_true_false(options, correct_answer, answer):
    value = answer.get("value")
    if not isinstance(value, bool):
        raise AnswerRejected(_l("Answer true or false"))
    return {"value": value}


def _check_short_answer(options, correct_answer, answer):
    text = _text(answer.get("text"), TEXT_LIMIT)
    return {"text": text} if text else None


def _check_essay(options, correct_answer, answer):
    text = _text(answer.get("text"), ESSAY_LIMIT)
    return {"text": text} if text else None


def _check_fill_blank(options, correct_answer, answer):
    blanks = answer.get("blanks")
    if not isinstance(blanks, list) or len(blanks) != len(correct_answer["blanks"]):
        raise _misfit()
    # A blank left out is simply wrong, like an empty one.
    texts = ["" if blank is None else _text(blank, TEXT_LIMIT) for blank in blanks]
    return {"blanks": texts} if any(texts) else None


def _check_matching(options, correct_answer, answer):
    left, right = options["left"], options["right"]
    pairs = answer.get("pairs")
    if not isinstance(pairs, list) or len(pairs) != len(left):
        raise _misfit()
    matched = {}
    for pair in pairs:
        if not isinstance(pair, (list, tuple)) or len(pair) != 2:
            raise _misfit()
        left_index, right_index = pair
        if not _is_int(left_index) or not 0 <= left_index < len(left) or left_index in matched:
            raise _misfit()
        if right_index is not None and (not _is_int(right_index) or not 0 <= right_index < len(right)):
            raise AnswerRejected(_l("That answer is not one of the choices"))
        matched[left_index] = right_index
    used = [index for index in matched.values() if index is not None]
    if len(set(used)) != len(used):
        raise AnswerRejected(_l("Use each answer on the right only once"))
    if not used:
        return None
    return {"pairs": [[index, matched[index]] for index in range(len(left))]}


def _check_ordering(options, correct_answer, answer):
    order = _int_list(answer.get("order"))
    if sorted(order) != list(range(len(options))):
        raise AnswerRejected(_l("Put every item in the order exactly once"))
    return {"order": order}


def _int_list(value):
    if not isinstance(value, list) or not all(_is_int(item) for item in value):
        raise _misfit()
    return value


def _is_int(value):
    # JSON true/false arrive as bool, which Python counts as int.
    return isinstance(value, int) and not isinstance(value, bool)


def _text(value, limit):
    if not isinstance(value, str):
        raise _misfit()
    # PostgreSQL cannot store NUL in text or JSONB; it carries no meaning in an answer.
    text = value.replace("\x00", "").strip()
    if len(text) > limit:
        raise AnswerRejected(_l("Your answer is too long: use at most %(limit)s characters", limit=limit))
    return text


def _misfit():
    return AnswerRejected(_l("This answer does not fit the question; reload the page and try again"))


# ---------------------------------------------------------------- HTML forms

def answer_from_form(question_type, options, correct_answer, form, prefix):
    """Build the canonical answer from a form posted without JavaScript.

    Field names: MULTIPLE_CHOICE, TRUE_FALSE, SHORT_ANSWER, ESSAY use `prefix`;
    FILL_BLANK `prefix-n` for blank n = 1, 2, ...; MATCHING `prefix-i` for left
    item i, valued with a right index; ORDERING `prefix-i` for item i, valued
    with its position 1..n. Returns None when nothing was answered.
    """
    reader = _FORM_READERS.get(question_type)
    if reader is None:
        raise ValueError(f"unknown question type {question_type!r}")
    answer = reader(options, correct_answer, form, prefix)
    return check_answer(question_type, options, correct_answer, answer)


def _multiple_choice_from_form(options, correct_answer, form, prefix):
    values = [value for value in form.getlist(prefix) if value.strip()]
    if not values:
        return None
    return {"chosen": [_form_index(value) for value in values]}


def _true_false_from_form(options, correct_answer, form, prefix):
    value = (form.get(prefix) or "").strip()
    if not value:
        return None
    if value not in ("true", "false"):
        raise AnswerRejected(_l("Answer true or false"))
    return {"value": value == "true"}


def _text_from_form(options, correct_answer, form, prefix):
    value = form.get(prefix)
    return None if value is None else {"text": value}


def _fill_blank_from_form(options, correct_answer, form, prefix):
    count = len(correct_answer["blanks"])
    return {"blanks": [form.get(f"{prefix}-{n}") or "" for n in range(1, count + 1)]}


def _matching_from_form(options, correct_answer, form, prefix):
    pairs = []
    for left_index in range(len(options["left"])):
        value = (form.get(f"{prefix}-{left_index}") or "").strip()
        pairs.append([left_index, _form_index(value) if value else None])
    return {"pairs": pairs}


def _ordering_from_form(options, correct_answer, form, prefix):
    count = len(options)
    values = [(form.get(f"{prefix}-{index}") or "").strip() for index in range(count)]
    if not any(values):
        return None
    positions = [_form_int(value) for value in values]
    if sorted(positions) != list(range(1, count + 1)):
        raise AnswerRejected(_l("Give each item a different position from 1 to %(n)s", n=count))
    return {"order": sorted(range(count), key=lambda index: positions[index])}


def _form_index(value):
    try:
        return _form_int(value)
    except ValueError:
        raise AnswerRejected(_l("That answer is not one of the choices")) from None


def _form_int(value):
    # Positions may be typed, so Devanagari digits count; int() alone would also take "1_0" or "+1".
    text = (value or "").strip().translate(_DEVANAGARI_DIGITS)
    if not re.fullmatch(r"[0-9]{1,6}", text):
        raise AnswerRejected(_l("Use a whole number, such as 1, 2 or 3"))
    return int(text)


# ---------------------------------------------------------------- grading

def grade(question_type, options, correct_answer, answer):
    """Grade an answer (checked first with check_answer) and return a Grade.

    ESSAY answers get credit None: they wait for a teacher. An unanswered
    question of any type gets credit 0.
    """
    answer = check_answer(question_type, options, correct_answer, answer)
    if answer is None:
        return Grade(credit=Decimal(0))
    return _GRADERS[question_type](options, correct_answer, answer)


def _grade_multiple_choice(options, correct_answer, answer):
    right, chosen = set(correct_answer["correct"]), set(answer["chosen"])
    parts = tuple((index in chosen) == (index in right) for index in range(len(options)))
    share = Fraction(len(chosen & right) - len(chosen - right), len(right))
    return _graded(share, parts)


def _grade_true_false(options, correct_answer, answer):
    return _graded(Fraction(answer["value"] is correct_answer["value"]))


def _grade_short_answer(options, correct_answer, answer):
    typed = answer["text"]
    if "numeric" in correct_answer:
        right = _numeric_matches(typed, correct_answer["numeric"], correct_answer.get("tolerance") or 0)
    else:
        right = _text_matches(typed, correct_answer["accepted"], correct_answer.get("case_sensitive", False))
    return _graded(Fraction(right))


def _grade_fill_blank(options, correct_answer, answer):
    case_sensitive = correct_answer.get("case_sensitive", False)
    parts = tuple(
        bool(typed) and _text_matches(typed, accepted, case_sensitive)
        for typed, accepted in zip(answer["blanks"], correct_answer["blanks"])
    )
    return _graded(Fraction(sum(parts), len(parts)), parts)


def _grade_matching(options, correct_answer, answer):
    right = dict(map(tuple, correct_answer["pairs"]))
    parts = tuple(right_index is not None and right[left_index] == right_index
                  for left_index, right_index in answer["pairs"])
    return _graded(Fraction(sum(parts), len(parts)), parts)


def _grade_ordering(options, correct_answer, answer):
    place = {index: position for position, index in enumerate(correct_answer["order"])}
    kept = _longest_increasing_run([place[index] for index in answer["order"]])
    parts = tuple(position in kept for position in range(len(answer["order"])))
    return _graded(Fraction(len(kept), len(parts)), parts)


def _grade_essay(options, correct_answer, answer):
    return Grade(credit=None)


def _graded(share, parts=None):
    share = min(max(share, Fraction(0)), Fraction(1))
    credit = (Decimal(share.numerator) / Decimal(share.denominator)).quantize(_CREDIT_STEP, ROUND_HALF_UP)
    return Grade(credit=credit, parts=parts)


def _longest_increasing_run(values):
    """Indices (into values) of one longest strictly increasing subsequence."""
    best = [1] * len(values)
    before = [None] * len(values)
    for i in range(len(values)):
        for j in range(i):
            if values[j] < values[i] and best[j] + 1 > best[i]:
                best[i], before[i] = best[j] + 1, j
    kept, i = set(), max(range(len(values)), key=best.__getitem__, default=None)
    while i is not None:
        kept.add(i)
        i = before[i]
    return kept


# ---------------------------------------------------------------- typed text

_QUOTES = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"'})
_DEVANAGARI_DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")


def normalise_text(text, case_sensitive=False):
    """Normalise typed text for comparing, as docs/content-format.md describes."""
    text = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text).strip())
    if text[-1:] in (".", "!", "?"):
        # Trimmed again so "leaf ." ends like "leaf".
        text = text[:-1].rstrip()
    # Devanagari digits read as the same number: "३७" answers a blank that expects "37".
    text = text.translate(_QUOTES).translate(_DEVANAGARI_DIGITS)
    return text if case_sensitive else text.casefold()


def _text_matches(typed, accepted, case_sensitive):
    typed = normalise_text(typed, case_sensitive)
    return any(_accepted_pattern(normalise_text(answer, case_sensitive)).fullmatch(typed)
               for answer in accepted)


def _accepted_pattern(accepted):
    # Only `*` is special: fnmatch would also treat `?` and `[...]` as patterns.
    return re.compile(".*".join(re.escape(piece) for piece in accepted.split("*")), re.DOTALL)


# ---------------------------------------------------------------- typed numbers

_NUMBER = re.compile(
    r"""(?P<sign>[-+])?\s*₹?\s*
        (?:(?P<whole>[0-9]+)\s+(?P<top>[0-9]+)\s*/\s*(?P<bottom>[0-9]+)    # mixed fraction: 1 1/2
         | (?P<numerator>[0-9]+)\s*/\s*(?P<denominator>[0-9]+)             # fraction: 3/4
         | (?P<decimal>[0-9]+(?:\.[0-9]*)?|\.[0-9]+))                      # 1250, 0.75, .5
        (?:\s*(?:%|°|[^\W\d_]).*)?                                      # a unit, ignored: 71%, 5 cm
    """,
    re.VERBOSE | re.DOTALL,
)


def parse_number(typed):
    """The value of a typed number as a Fraction, or None if it is not one."""
    text = unicodedata.normalize("NFC", typed).strip().translate(_DEVANAGARI_DIGITS)
    text = text.replace("\u2212", "-")
    text = re.sub(r"(?<=\d),(?=\d)", "", text)
    text = re.sub(r"^₹\s*", "", text)
    match = _NUMBER.fullmatch(text)
    if match is None:
        return None
    if match["whole"] is not None:
        if int(match["bottom"]) == 0:
            return None
        value = int(match["whole"]) + Fraction(int(match["top"]), int(match["bottom"]))
    elif match["numerator"] is not None:
        if int(match["denominator"]) == 0:
            return None
        value = Fraction(int(match["numerator"]), int(match["denominator"]))
    else:
        value = Fraction(match["decimal"])
    return -value if match["sign"] == "-" else value


def _numeric_matches(typed, numeric, tolerance):
    value = parse_number(typed)
    # Through str so that 0.001 is one thousandth, not the float nearest to it.
    return value is not None and abs(value - Fraction(str(numeric))) <= Fraction(str(tolerance))


# ---------------------------------------------------------------- points

def points_for(grade, points):
    """The points earned: points × credit to two decimals, or None while ungraded."""
    if grade.credit is None:
        return None
    return (Decimal(str(points)) * grade.credit).quantize(_CENTS, ROUND_HALF_UP)


def score_percent(points_earned, points_possible):
    """Points earned as a percent of points possible (0..100, two decimals); 0 if none possible."""
    possible = Decimal(str(points_possible or 0))
    if possible <= 0:
        return Decimal("0.00")
    percent = Decimal(str(points_earned or 0)) * 100 / possible
    return min(max(percent, Decimal(0)), Decimal(100)).quantize(_CENTS, ROUND_HALF_UP)


_CHECKERS = {
    QuestionType.MULTIPLE_CHOICE: _check_multiple_choice,
    QuestionType.TRUE_FALSE: _check_true_false,
    QuestionType.SHORT_ANSWER: _check_short_answer,
    QuestionType.FILL_BLANK: _check_fill_blank,
    QuestionType.MATCHING: _check_matching,
    QuestionType.ORDERING: _check_ordering,
    QuestionType.ESSAY: _check_essay,
}

_GRADERS = {
    QuestionType.MULTIPLE_CHOICE: _grade_multiple_choice,
    QuestionType.TRUE_FALSE: _grade_true_false,
    QuestionType.SHORT_ANSWER: _grade_short_answer,
    QuestionType.FILL_BLANK: _grade_fill_blank,
    QuestionType.MATCHING: _grade_matching,
    QuestionType.ORDERING: _grade_ordering,
    QuestionType.ESSAY: _grade_essay,
}

_FORM_READERS = {
    QuestionType.MULTIPLE_CHOICE: _multiple_choice_from_form,
    QuestionType.TRUE_FALSE: _true_false_from_form,
    QuestionType.SHORT_ANSWER: _text_from_form,
    QuestionType.FILL_BLANK: _fill_blank_from_form,
    QuestionType.MATCHING: _matching_from_form,
    QuestionType.ORDERING: _ordering_from_form,
    QuestionType.ESSAY: _text_from_form,
}


def _checker(question_type):
    checker = _CHECKERS.get(question_type)
    if checker is None:
        raise ValueError(f"unknown question type {question_type!r}")
    return checker
