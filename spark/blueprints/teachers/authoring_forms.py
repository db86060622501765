"""The teacher's authoring forms: courses, lessons, lesson blocks, quizzes and questions.

Each block and question form turns its fields into the stored shape
(docs/content-format.md) with `to_block()` / `to_question()`, and fills itself
from a stored one with `fill()`. The domain (spark.authoring) has the last word
on every shape; the forms only parse what was typed.
"""
import uuid
from decimal import Decimal

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    BooleanField, SelectChoice, IntegerField, RadioField, SelectField, SelectMultipleField, StringField, TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from spark.authoring import (
    MAX_OPTIONS, QuestionFields, canonical_key, matching_options, ordering_options, parse_decimal,
)
from spark.models.enums import QuestionType

DIFFICULTY_NAMES = {"EASY": _l("Easy"), "MEDIUM": _l("Medium"), "HARD": _l("Hard"), "EPIC": _l("Epic")}
QUESTION_TYPE_NAMES = {
    QuestionType.MULTIPLE_CHOICE: _l("Multiple choice"),
    QuestionType.TRUE_FALSE: _l("True or false"),
    QuestionType.SHORT_ANSWER: _l("Short answer"),
    QuestionType.FILL_BLANK: _l("Fill in the blanks"),
    QuestionType.MATCHING: _l("Matching"),
    QuestionType.ORDERING: _l("Put in order"),
    QuestionType.ESSAY: _l("Essay"),
}
BLOCK_TYPE_NAMES = {
    "text": _l("Text"),
    "image": _l("Picture"),
    "example": _l("Worked example"),
    "key_points": _l("Key points"),
    "video": _l("Video link"),
    "check": _l("Check question"),
}


def lines(text) -> list:
    """Non-empty lines of a text area, trimmed."""
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def _required():
    return DataRequired(_l("Fill this in."))


def _as_uuid(value):
    """A course id from the form (text) or from the model (already a UUID); bad text stays text."""
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return str(value)  # not among the choices: refused as "Not a valid choice"


class MultiCheckboxField(SelectMultipleField):
    """Several choices as checkboxes (usable on a phone, no JavaScript)."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


# ---------------------------------------------------------------- courses and lessons

class CourseForm(FlaskForm):
    """A course's details."""

    title = StringField(_l("Title"), validators=[_required(), Length(max=200)])
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=5000)])
    subject = StringField(_l("Subject"), validators=[_required(), Length(max=50)])
    grade = SelectField(_l("Grade"), coerce=int, choices=[SelectChoice(g, str(g)) for g in range(6, 13)])
    difficulty = SelectField(_l("Difficulty"), choices=[SelectChoice(k, v) for k, v in DIFFICULTY_NAMES.items()],
                             validators=[InputRequired()])
    estimated_hours = IntegerField(_l("Estimated hours"), validators=[
        Optional(), NumberRange(min=0, max=1000, message=_l("Use a whole number from 0 to 1000."))])
    learning_objectives = TextAreaField(_l("Learning objectives (one per line)"),
                                        validators=[Optional(), Length(max=5000)])
    prerequisites = MultiCheckboxField(_l("Courses to finish first"), coerce=_as_uuid, validate_choice=True)

    def set_prerequisite_choices(self, courses):
        """The other courses a teacher may pick."""
        self.prerequisites.choices = [SelectChoice(c.id, f"{c.title} ({_l('Grade %(grade)s', grade=c.grade)})")
                                      for c in courses]


class LessonForm(FlaskForm):
    """A lesson's details (its blocks are edited one by one)."""

    title = StringField(_l("Title"), validators=[_required(), Length(max=200)])
    duration = IntegerField(_l("Duration in minutes"), validators=[
        Optional(), NumberRange(min=0, max=600, message=_l("Use a whole number from 0 to 600."))])
    difficulty_level = SelectField(_l("Difficulty (1 easy to 5 hard)"), coerce=int,
                                   choices=[SelectChoice(n, str(n)) for n in range(1, 6)], default=1)
    objectives = TextAreaField(_l("Objectives (one per line)"), validators=[Optional(), Length(max=5000)])
    keywords = TextAreaField(_l("Keywords (one per line)"), validators=[Optional(), Length(max=2000)])
    requires_internet = BooleanField(_l("Needs the internet (cannot be saved for offline reading)"))


class QuizForm(FlaskForm):
    """A quiz's settings."""

    title = StringField(_l("Title"), validators=[_required(), Length(max=200)])
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=5000)])
    time_limit = IntegerField(_l("Time limit in minutes (empty: no limit)"), validators=[
        Optional(), NumberRange(min=1, max=600, message=_l("Use a whole number from 1 to 600."))])
    max_attempts = IntegerField(_l("Attempts allowed"), default=3, validators=[
        InputRequired(_l("Fill this in.")), NumberRange(min=1, max=20, message=_l("Use a whole number from 1 to 20."))])
    passing_score = IntegerField(_l("Pass mark (percent)"), default=70, validators=[
        InputRequired(_l("Fill this in.")), NumberRange(min=0, max=100, message=_l("Use a whole number from 0 to 100."))])
    randomize_questions = BooleanField(_l("Shuffle the questions for each attempt"))
    show_results_immediately = BooleanField(_l("Show answers and explanations right after handing in"),
                                            default=True)


# ---------------------------------------------------------------- blocks

class TextBlockForm(FlaskForm):
    """Text with headings and lists."""

    html = TextAreaField(_l("Text"), validators=[_required(), Length(max=20000)])

    def to_block(self):
        return {"type": "text", "html": self.html.data}

    def fill(self, block):
        self.html.data = block.get("html", "")


class ImageBlockForm(FlaskForm):
    """A picture with its description (the upload is handled by the view)."""

    image = FileField(_l("Picture (JPEG, PNG, GIF or WebP, at most 500 KB)"))
    alt = StringField(_l("What the picture shows (read aloud to students who cannot see it)"),
                      validators=[_required(), Length(max=300)])
    caption = StringField(_l("Caption (optional)"), validators=[Optional(), Length(max=300)])

    def to_block(self):
        return {"type": "image", "alt": self.alt.data, "caption": self.caption.data}

    def fill(self, block):
        self.alt.data, self.caption.data = block.get("alt", ""), block.get("caption") or ""


class ExampleBlockForm(FlaskForm):
    """A worked example."""

    title = StringField(_l("Title (optional)"), validators=[Optional(), Length(max=200)])
    problem = TextAreaField(_l("Problem"), validators=[_required(), Length(max=2000)])
    steps = TextAreaField(_l("Steps (one per line)"), validators=[_required(), Length(max=5000)])
    answer = StringField(_l("Answer"), validators=[_required(), Length(max=500)])

    def to_block(self):
        return {"type": "example", "title": self.title.data, "problem": self.problem.data,
                "steps": lines(self.steps.data), "answer": self.answer.data}

    def fill(self, block):
        self.title.data, self.problem.data = block.get("title", ""), block.get("problem", "")
        self.steps.data, self.answer.data = "\n".join(block.get("steps", [])), block.get("answer", "")


class KeyPointsBlockForm(FlaskForm):
    """A summary box."""

    points = TextAreaField(_l("Key points (one per line)"), validators=[_required(), Length(max=5000)])

    def to_block(self):
        return {"type": "key_points", "points": lines(self.points.data)}

    def fill(self, block):
        self.points.data = "\n".join(block.get("points", []))


class VideoBlockForm(FlaskForm):
    """A link to a video elsewhere (never embedded)."""

    url = StringField(_l("Link (https://…)"), validators=[_required(), Length(max=500)])
    title = StringField(_l("What the video shows"), validators=[_required(), Length(max=200)])
    minutes = IntegerField(_l("Length in minutes (optional)"), validators=[
        Optional(), NumberRange(min=1, max=600, message=_l("Use a whole number from 1 to 600."))])

    def to_block(self):
        return {"type": "video", "url": self.url.data, "title": self.title.data,
                "duration_seconds": self.minutes.data * 60 if self.minutes.data else None}

    def fill(self, block):
        self.url.data, self.title.data = block.get("url", ""), block.get("title", "")
        seconds = block.get("duration_seconds")
        self.minutes.data = -(-seconds // 60) if seconds else None


class CheckBlockForm(FlaskForm):
    """An ungraded self-check."""

    question = StringField(_l("Question"), validators=[_required(), Length(max=500)])
    options = TextAreaField(_l("Choices (one per line)"), validators=[_required(), Length(max=2000)])
    answer = IntegerField(_l("Number of the right choice (1 for the first line)"), validators=[
        InputRequired(_l("Fill this in.")), NumberRange(min=1, max=MAX_OPTIONS)])
    explanation = StringField(_l("Why (optional)"), validators=[Optional(), Length(max=1000)])

    def to_block(self):
        return {"type": "check", "question": self.question.data, "options": lines(self.options.data),
                "answer_index": self.answer.data - 1, "explanation": self.explanation.data}

    def fill(self, block):
        self.question.data, self.options.data = block.get("question", ""), "\n".join(block.get("options", []))
        self.answer.data = block.get("answer_index", 0) + 1
        self.explanation.data = block.get("explanation", "")


BLOCK_FORMS = {"text": TextBlockForm, "image": ImageBlockForm, "example": ExampleBlockForm,
               "key_points": KeyPointsBlockForm, "video": VideoBlockForm, "check": CheckBlockForm}


# ---------------------------------------------------------------- questions

class QuestionForm(FlaskForm):
    """What every question has; each type adds its own answer key fields."""

    kind = None
    text = TextAreaField(_l("Question"), validators=[_required(), Length(max=5000)])
    points = IntegerField(_l("Points"), default=1, validators=[
        InputRequired(_l("Fill this in.")), NumberRange(min=1, max=100, message=_l("Use a whole number from 1 to 100."))])
    difficulty = SelectField(_l("Difficulty (1 easy to 5 hard)"), coerce=int,
                             choices=[SelectChoice(n, str(n)) for n in range(1, 6)], default=1)
    explanation = TextAreaField(_l("Explanation (shown after the answer is marked)"),
                                validators=[_required(), Length(max=5000)])

    def to_question(self) -> QuestionFields:
        """The question in its stored shape."""
        options, key = self.answer_key()
        return QuestionFields(type=self.kind, text=self.text.data.strip(), options=options, correct_answer=key,
                              explanation=self.explanation.data.strip(), points=self.points.data,
                              difficulty=self.difficulty.data)

    def fill(self, question):
        """Show a stored question in the form."""
        self.text.data, self.points.data = question.text, question.points
        self.difficulty.data, self.explanation.data = question.difficulty, question.explanation or ""
        self.fill_key(question.options, question.correct_answer)

    def answer_key(self):
        """(options, correct_answer) in the stored format; each question type's form defines it."""
        raise NotImplementedError

    def fill_key(self, options, key):
        """Show a stored answer key in the form; each question type's form defines it."""
        raise NotImplementedError


class MultipleChoiceForm(QuestionForm):
    """Choices one per line; the right ones ticked by number."""

    kind = QuestionType.MULTIPLE_CHOICE
    options = TextAreaField(_l("Choices (one per line)"), validators=[_required(), Length(max=5000)])
    correct = MultiCheckboxField(_l("Right answers (tick one, or several for “choose all that apply”)"),
                                 coerce=int, choices=[SelectChoice(n, str(n)) for n in range(1, MAX_OPTIONS + 1)])

    def answer_key(self):
        return lines(self.options.data), {"correct": sorted(n - 1 for n in self.correct.data or [])}

    def fill_key(self, options, key):
        self.options.data = "\n".join(options)
        self.correct.data = [i + 1 for i in key["correct"]]

    def label_choices(self):
        """Name the checkboxes after the choices typed so far (“1: …”)."""
        typed = lines(self.options.data)
        self.correct.choices = [SelectChoice(n, f"{n}: {typed[n - 1]}" if n <= len(typed) else str(n))
                                for n in range(1, MAX_OPTIONS + 1)]


class TrueFalseForm(QuestionForm):
    """A statement that is true or false."""

    kind = QuestionType.TRUE_FALSE
    value = RadioField(_l("The statement is"), choices=[SelectChoice("true", _l("True")), SelectChoice("false", _l("False"))],
                       validators=[InputRequired(_l("Choose true or false."))])

    def answer_key(self):
        return None, {"value": self.value.data == "true"}

    def fill_key(self, options, key):
        self.value.data = "true" if key["value"] else "false"


class ShortAnswerForm(QuestionForm):
    """Typed words (accepted answers) or a typed number (with a tolerance)."""

    kind = QuestionType.SHORT_ANSWER
    mode = RadioField(_l("Marked as"), default="text",
                      choices=[SelectChoice("text", _l("Words: any accepted answer is right")),
                               SelectChoice("numeric", _l("A number: right within the tolerance"))])
    accepted = TextAreaField(_l("Accepted answers (one per line; * stands for any letters)"),
                             validators=[Optional(), Length(max=5000)])
    case_sensitive = BooleanField(_l("Capital letters must match"))
    numeric = StringField(_l("The right number"), validators=[Optional(), Length(max=50)])
    tolerance = StringField(_l("Tolerance (how far off still counts as right)"), default="0",
                            validators=[Optional(), Length(max=50)])

    def validate_numeric(self, field):
        if self.mode.data == "numeric" and parse_decimal(field.data) is None:
            raise ValidationError(_l("Give the right number, such as 0.75."))

    def validate_tolerance(self, field):
        if self.mode.data == "numeric" and (parse_decimal(field.data or "0") is None
                                            or parse_decimal(field.data or "0") < 0):
            raise ValidationError(_l("Give a number of 0 or more."))

    def answer_key(self):
        if self.mode.data == "numeric":
            return None, {"numeric": parse_decimal(self.numeric.data),
                          "tolerance": parse_decimal(self.tolerance.data or "0")}
        return None, {"accepted": lines(self.accepted.data), "case_sensitive": bool(self.case_sensitive.data)}

    def fill_key(self, options, key):
        if "numeric" in key:
            self.mode.data = "numeric"
            self.numeric.data = _number_text(key["numeric"])
            self.tolerance.data = _number_text(key.get("tolerance") or 0)
        else:
            self.mode.data = "text"
            self.accepted.data = "\n".join(key["accepted"])
            self.case_sensitive.data = key.get("case_sensitive", False)


def _number_text(value):
    return format(Decimal(str(value)).normalize(), "f")


class FillBlankForm(QuestionForm):
    """Text with [[1]], [[2]]… and a line of accepted answers per blank."""

    kind = QuestionType.FILL_BLANK
    blanks = TextAreaField(_l("Accepted answers: one line per blank, in order; several answers for one "
                              "blank separated by |"), validators=[_required(), Length(max=5000)])
    case_sensitive = BooleanField(_l("Capital letters must match"))

    def answer_key(self):
        per_blank = [[answer.strip() for answer in line.split("|") if answer.strip()] for line in lines(self.blanks.data)]
        return None, {"blanks": per_blank, "case_sensitive": bool(self.case_sensitive.data)}

    def fill_key(self, options, key):
        self.blanks.data = "\n".join(" | ".join(accepted) for accepted in key["blanks"])
        self.case_sensitive.data = key.get("case_sensitive", False)


class MatchingForm(QuestionForm):
    """Items and their matches on the same lines; students see the matches shuffled."""

    kind = QuestionType.MATCHING
    left = TextAreaField(_l("Items (one per line)"), validators=[_required(), Length(max=5000)])
    right = TextAreaField(_l("Their matches, on the same lines as the items"),
                          validators=[_required(), Length(max=5000)])
    spare = StringField(_l("An extra match that fits nothing (optional)"), validators=[Optional(), Length(max=500)])

    def answer_key(self):
        left, right = lines(self.left.data), lines(self.right.data)
        spare = (self.spare.data or "").strip() or None
        if len(left) != len(right) or not left:
            # Stored as typed so the domain explains what is wrong.
            return {"left": left, "right": right + ([spare] if spare else [])}, {"pairs": []}
        return matching_options(left, right, spare)

    def fill_key(self, options, key):
        lined_up = canonical_key(self.kind, options, key)
        count = len(options["left"])
        self.left.data = "\n".join(lined_up["left"])
        self.right.data = "\n".join(lined_up["right"][:count])
        self.spare.data = lined_up["right"][count] if len(lined_up["right"]) > count else ""


class OrderingForm(QuestionForm):
    """Items in the right order; students see them jumbled."""

    kind = QuestionType.ORDERING
    items = TextAreaField(_l("Items in the RIGHT order, one per line (students see them jumbled)"),
                          validators=[_required(), Length(max=5000)])

    def answer_key(self):
        items = lines(self.items.data)
        if len(items) < 2 or len(set(items)) != len(items):
            return items, {"order": list(range(len(items)))}  # the domain says what is wrong
        return ordering_options(items)

    def fill_key(self, options, key):
        self.items.data = "\n".join(canonical_key(self.kind, options, key)["items"])


class EssayForm(QuestionForm):
    """A written answer, marked by a teacher with the rubric."""

    kind = QuestionType.ESSAY
    points = IntegerField(_l("Points"), default=5, validators=[
        InputRequired(_l("Fill this in.")), NumberRange(min=1, max=100, message=_l("Use a whole number from 1 to 100."))])
    rubric = TextAreaField(_l("Rubric: what a good answer has"), validators=[_required(), Length(max=5000)])
    sample_answer = TextAreaField(_l("Sample answer"), validators=[_required(), Length(max=10000)])
    min_words = IntegerField(_l("Fewest words expected"), default=40, validators=[
        InputRequired(_l("Fill this in.")), NumberRange(min=1, max=2000, message=_l("Use a whole number from 1 to 2000."))])

    def answer_key(self):
        return None, {"rubric": self.rubric.data.strip(), "sample_answer": self.sample_answer.data.strip(),
                      "min_words": self.min_words.data}

    def fill_key(self, options, key):
        self.rubric.data, self.sample_answer.data = key["rubric"], key["sample_answer"]
        self.min_words.data = key["min_words"]


QUESTION_FORMS = {form.kind: form for form in (
    MultipleChoiceForm, TrueFalseForm, ShortAnswerForm, FillBlankForm, MatchingForm, OrderingForm, EssayForm)}
