"""The teacher's forms for classes and rosters."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import IntegerField, SelectChoice, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, Regexp

from spark.labels import ENROLLMENT_STATUS_NAMES

GRADES = range(6, 13)
# Enough for one section; the database only asks for more than zero.
MAX_STUDENTS_LIMIT = 200


class ClassForm(FlaskForm):
    """A class's name, subject, grade, section, academic year and size limit."""

    name = StringField(_l("Class name"), validators=[
        DataRequired(_l("Enter a name.")), Length(max=100, message=_l("Use at most 100 characters."))])
    subject = StringField(_l("Subject"), validators=[
        DataRequired(_l("Enter a subject.")), Length(max=50, message=_l("Use at most 50 characters."))])
    grade = SelectField(_l("Grade"), coerce=int, choices=[SelectChoice(g, str(g)) for g in GRADES],
                        validate_choice=True)
    section = StringField(_l("Section (optional)"), validators=[
        Optional(), Length(max=10, message=_l("Use at most 10 characters."))])
    academic_year = StringField(_l("Academic year (optional)"), validators=[
        Optional(), Regexp(r"^\d{4}-\d{2}$", message=_l("Write it like 2026-27."))])
    max_students = IntegerField(_l("Most students"), default=50, validators=[
        InputRequired(_l("Enter a number.")),
        NumberRange(min=1, max=MAX_STUDENTS_LIMIT, message=_l("Use a number from 1 to %(max)d.",
                                                               max=MAX_STUDENTS_LIMIT))])


class EnrollmentStatusForm(FlaskForm):
    """A new status for one enrollment."""

    status = SelectField(_l("Status"), choices=[SelectChoice(value, label) for value, label in ENROLLMENT_STATUS_NAMES.items()],
                         validate_choice=True)


class RosterUploadForm(FlaskForm):
    """A roster file to check (nothing is created yet)."""

    roster = FileField(_l("Roster file (CSV)"))


class RosterConfirmForm(FlaskForm):
    """The checked roster, sent back to be created."""

    content = TextAreaField(validators=[DataRequired()])
