"""Forms for signing in and changing a password."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import PasswordField, StringField
from wtforms.validators import DataRequired, EqualTo, Length

from spark.passwords import MAX_LENGTH


class SignInForm(FlaskForm):
    """Username or email, and password."""

    identifier = StringField(_l("Username or email"), validators=[
        DataRequired(_l("Enter your username or email.")), Length(max=255)])
    password = PasswordField(_l("Password"), validators=[
        DataRequired(_l("Enter your password.")), Length(max=MAX_LENGTH)])


class ChangePasswordForm(FlaskForm):
    """The current password, and the new one twice."""

    current_password = PasswordField(_l("Current password"), validators=[
        DataRequired(_l("Enter your current password."))])
    new_password = PasswordField(_l("New password"), validators=[
        DataRequired(_l("Enter a new password."))])
    confirm_password = PasswordField(_l("New password again"), validators=[
        DataRequired(_l("Enter the new password again.")),
        EqualTo("new_password", _l("The two new passwords are not the same."))])
