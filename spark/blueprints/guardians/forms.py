"""The guardian's forms."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import SelectChoice, SelectField, StringField
from wtforms.validators import DataRequired, Length

RELATIONSHIP_CHOICES = [
    SelectChoice("parent", _l("Parent")),
    SelectChoice("guardian", _l("Guardian")),
    SelectChoice("grandparent", _l("Grandparent")),
    SelectChoice("sibling", _l("Brother or sister")),
    SelectChoice("other", _l("Other relative")),
]


class LinkCodeForm(FlaskForm):
    """The code a child's teacher (or the child) gave, to ask to follow the child."""

    code = StringField(_l("Link code"), validators=[
        DataRequired(_l("Enter the code you were given.")),
        Length(max=20, message=_l("A link code has 8 letters and digits."))])
    relationship = SelectField(_l("You are the child's"), choices=RELATIONSHIP_CHOICES, validate_choice=True)


class ConsentForm(FlaskForm):
    """Give or withdraw consent for one optional feature."""

    feature = StringField(validators=[DataRequired()])
    granted = SelectField(choices=[SelectChoice("yes", "yes"), SelectChoice("no", "no")], validate_choice=True)


class InvitationAnswerForm(FlaskForm):
    """Accept or decline an invitation."""

    answer = SelectField(choices=[SelectChoice("accept", "accept"), SelectChoice("decline", "decline")], validate_choice=True)
