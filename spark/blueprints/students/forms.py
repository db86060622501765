"""The student's forms."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SelectChoice, SelectField, StringField
from wtforms.validators import DataRequired, Length

from spark.config import SUPPORTED_LANGUAGES
from spark.profiles import AVATARS


class ProfileForm(FlaskForm):
    """Name shown to others, avatar and language."""

    display_name = StringField(_l("Name shown to others"), validators=[
        DataRequired(_l("Enter a name.")), Length(min=2, max=60, message=_l("Use 2 to 60 characters."))])
    avatar = RadioField(_l("Avatar"), choices=[SelectChoice(key, emoji) for key, emoji in AVATARS.items()],
                        validate_choice=True, validators=[DataRequired(_l("Choose an avatar."))])
    language = SelectField(_l("Language"),
                           choices=[SelectChoice(code, name) for code, name in SUPPORTED_LANGUAGES.items()])
