"""The admin console's forms (and the staff's guardian link forms)."""
from functools import lru_cache
from zoneinfo import available_timezones

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (BooleanField, DateField, FormField, IntegerField, SelectChoice, SelectField,
                     StringField, TextAreaField)
from wtforms.validators import DataRequired, Email, InputRequired, Length, NumberRange, Optional, ValidationError

from spark.blueprints.guardians.forms import RELATIONSHIP_CHOICES
from spark.config import SUPPORTED_LANGUAGES
from spark.labels import METRIC_NAMES
from spark.models.enums import BadgeCategory, BadgeRarity, LinkStatus, Role


@lru_cache(maxsize=1)
def timezone_choices():
    """Every IANA zone this server knows, India's first."""
    return ["Asia/Kolkata"] + sorted(z for z in available_timezones() if z != "Asia/Kolkata" and "/" in z)


def role_choices():
    """The four roles, in the users' words."""
    from spark.labels import ROLE_NAMES
    return [SelectChoice(role, ROLE_NAMES[role]) for role in Role.ALL]


class SchoolForm(FlaskForm):
    """A school's details and settings."""

    name = StringField(_l("School name"), validators=[DataRequired(_l("Enter the school's name.")),
                                                      Length(max=200)])
    address = TextAreaField(_l("Address"), validators=[Optional(), Length(max=500)])
    district = StringField(_l("District"), validators=[Optional(), Length(max=100)])
    state = StringField(_l("State"), validators=[Optional(), Length(max=100)])
    timezone = SelectField(_l("Time zone"), validate_choice=True)
    contact_email = StringField(_l("Contact email"), validators=[Optional(), Email(_l("Enter an email address.")),
                                                                 Length(max=255)])
    contact_phone = StringField(_l("Contact phone"), validators=[Optional(), Length(max=20)])
    default_language = SelectField(_l("Default language"), validate_choice=True,
                                   choices=[SelectChoice(code, name) for code, name in SUPPORTED_LANGUAGES.items()])
    leaderboard_full_names = BooleanField(_l("Show full names on the school's leaderboards"
                                             " (for children whose guardian consented)"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.timezone.choices = [SelectChoice(z, z) for z in timezone_choices()]


class NewUserForm(FlaskForm):
    """A new account of the school."""

    display_name = StringField(_l("Full name"), validators=[DataRequired(_l("Enter a name.")), Length(min=2, max=100)])
    username = StringField(_l("Username"), validators=[DataRequired(_l("Enter a username.")), Length(min=3, max=50)])
    role = SelectField(_l("Role"), validate_choice=True)
    email = StringField(_l("Email (optional)"), validators=[Optional(), Email(_l("Enter an email address.")),
                                                            Length(max=255)])
    grade = IntegerField(_l("Grade (students)"), validators=[Optional(), NumberRange(6, 12, _l("Grades 6 to 12."))])
    language = SelectField(_l("Language"), validate_choice=True,
                           choices=[SelectChoice("", _l("Not chosen"))]
                           + [SelectChoice(code, name) for code, name in SUPPORTED_LANGUAGES.items()])

    def __init__(self, *args, roles=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.role.choices = roles or role_choices()


class RoleForm(FlaskForm):
    """A user's new role."""

    role = SelectField(_l("Role"), validate_choice=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.role.choices = role_choices()


class ActiveForm(FlaskForm):
    """Deactivate or reactivate an account."""

    active = SelectField(choices=[SelectChoice("yes", "yes"), SelectChoice("no", "no")], validate_choice=True)


class UserSearchForm(FlaskForm):
    """Search the school's users (a GET form: no CSRF token)."""

    class Meta:
        csrf = False

    q = StringField(_l("Search"), validators=[Optional(), Length(max=100)])
    role = SelectField(_l("Role"), validate_choice=True)
    page = IntegerField(validators=[Optional(), NumberRange(min=1, max=100000)])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.role.choices = [SelectChoice("", _l("Every role"))] + role_choices()


class AuditFilterForm(FlaskForm):
    """Filter the audit log (a GET form)."""

    class Meta:
        csrf = False

    who = StringField(_l("Who (username)"), validators=[Optional(), Length(max=50)])
    action = SelectField(_l("What"), validate_choice=True, choices=[
        SelectChoice("", _l("Any change")), SelectChoice("INSERT", _l("Created")),
        SelectChoice("UPDATE", _l("Changed")), SelectChoice("DELETE", _l("Deleted"))])
    table = SelectField(_l("Which records"), validate_choice=True)
    since = DateField(_l("From"), validators=[Optional()])
    until = DateField(_l("To"), validators=[Optional()])
    page = IntegerField(validators=[Optional(), NumberRange(min=1, max=100000)])

    def __init__(self, *args, tables=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.table.choices = [SelectChoice("", _l("All records"))] + [SelectChoice(t, t) for t in tables]

    def validate_until(self, field):
        """The end of the range is not before its start."""
        if field.data and self.since.data and field.data < self.since.data:
            raise ValidationError(_l("The end date is before the start date."))


class CriterionForm(FlaskForm):
    """One condition of a badge: a measure at least a number."""

    class Meta:
        csrf = False

    metric = SelectField(_l("Measure"), validate_choice=True,
                         choices=[SelectChoice("", _l("(no condition)"))]
                         + [SelectChoice(key, label) for key, label in METRIC_NAMES.items()])
    gte = IntegerField(_l("At least"), validators=[Optional(), NumberRange(0, 1_000_000)])
    subject = StringField(_l("Subject (for XP in a subject)"), validators=[Optional(), Length(max=50)])
    course = SelectField(_l("Course (for lessons of a course)"), validate_choice=False)


class BadgeForm(FlaskForm):
    """A school badge and the conditions to earn it."""

    name = StringField(_l("Badge name"), validators=[DataRequired(_l("Enter a name.")), Length(max=100)])
    description = TextAreaField(_l("Description"), validators=[DataRequired(_l("Say what the badge is for.")),
                                                                Length(max=500)])
    category = SelectField(_l("Kind"), validate_choice=True, choices=[SelectChoice(c, c) for c in BadgeCategory.ALL])
    rarity = SelectField(_l("Rarity"), validate_choice=True, choices=[SelectChoice(r, r) for r in BadgeRarity.ALL])
    xp_reward = IntegerField(_l("XP reward"), default=0, validators=[InputRequired(), NumberRange(0, 10000)])
    crystal_reward = IntegerField(_l("Crystals reward"), default=0, validators=[InputRequired(), NumberRange(0, 1000)])
    spark_reward = IntegerField(_l("Sparks reward"), default=0, validators=[InputRequired(), NumberRange(0, 1000)])
    is_active = BooleanField(_l("Students can earn it now"), default=True)
    match = SelectField(_l("Earned when"), validate_choice=True,
                        choices=[SelectChoice("all", _l("every condition holds")),
                                 SelectChoice("any", _l("at least one condition holds"))])
    criterion_1 = FormField(CriterionForm)
    criterion_2 = FormField(CriterionForm)
    criterion_3 = FormField(CriterionForm)
    criteria_json = TextAreaField(_l("Or the conditions as JSON (advanced; used when filled)"),
                                  validators=[Optional(), Length(max=5000)])

    def __init__(self, *args, courses=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [SelectChoice("", "—")] + [SelectChoice(str(c.id), c.title) for c in courses]
        for sub in (self.criterion_1, self.criterion_2, self.criterion_3):
            sub.course.choices = choices

    def criteria_rows(self):
        """The three condition sub-forms."""
        return (self.criterion_1, self.criterion_2, self.criterion_3)


class LinkCodeForStudentForm(FlaskForm):
    """Make a link code for one student."""

    student = SelectField(_l("Student"), validate_choice=False, validators=[DataRequired(_l("Choose a student."))])


class InviteGuardianForm(FlaskForm):
    """Invite an existing guardian account."""

    student = SelectField(_l("Student"), validate_choice=False, validators=[DataRequired(_l("Choose a student."))])
    identifier = StringField(_l("Guardian's username or email"),
                             validators=[DataRequired(_l("Enter the guardian's username or email.")),
                                         Length(max=255)])
    relationship = SelectField(_l("Relationship"), choices=RELATIONSHIP_CHOICES, validate_choice=True)


class NewGuardianForm(FlaskForm):
    """Create a guardian account and invite it."""

    student = SelectField(_l("Student"), validate_choice=False, validators=[DataRequired(_l("Choose a student."))])
    display_name = StringField(_l("Guardian's full name"), validators=[DataRequired(_l("Enter a name.")),
                                                                        Length(min=2, max=100)])
    username = StringField(_l("Username (a phone number works)"),
                           validators=[DataRequired(_l("Enter a username.")), Length(min=3, max=50)])
    email = StringField(_l("Email (optional)"), validators=[Optional(), Email(_l("Enter an email address.")),
                                                            Length(max=255)])
    relationship = SelectField(_l("Relationship"), choices=RELATIONSHIP_CHOICES, validate_choice=True)
    language = SelectField(_l("Guardian's language"), validate_choice=True,
                           choices=[SelectChoice(code, name) for code, name in SUPPORTED_LANGUAGES.items()])


class DecisionForm(FlaskForm):
    """Approve, reject, block or unblock a guardian link."""

    status = SelectField(choices=[SelectChoice(s, s) for s in LinkStatus.ALL], validate_choice=True)
