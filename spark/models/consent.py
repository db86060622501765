"""Guardian link codes and guardians' consent (sql/0014_guardians_admins.sql)."""
from peewee import BooleanField, CharField, ForeignKeyField

from spark.models.base import BaseModel, DateTimeTZField, utc_now
from spark.models.schools import School, User


class GuardianLinkCode(BaseModel):
    """A single-use, expiring code a guardian types to ask to follow a student (hash only)."""
    code_hash = CharField(max_length=64, unique=True)
    student = ForeignKeyField(
        User, column_name='student_id', backref='guardian_link_codes',
        on_delete='CASCADE')
    school = ForeignKeyField(
        School, column_name='school_id', backref='guardian_link_codes',
        on_delete='CASCADE')
    created_by = ForeignKeyField(
        User, column_name='created_by', backref='guardian_link_codes_made',
        null=True, on_delete='SET NULL')
    created_at = DateTimeTZField(default=utc_now)
    expires_at = DateTimeTZField()
    used_at = DateTimeTZField(null=True)
    used_by = ForeignKeyField(
        User, column_name='used_by', backref='guardian_link_codes_used',
        null=True, on_delete='SET NULL')

    class Meta:
        table_name = 'guardian_link_codes'


class GuardianConsent(BaseModel):
    """A guardian's latest decision on one optional feature for one child."""
    student = ForeignKeyField(
        User, column_name='student_id', backref='guardian_consents',
        on_delete='CASCADE')
    feature = CharField(max_length=30)
    granted = BooleanField()
    guardian = ForeignKeyField(
        User, column_name='guardian_id', backref='consents_given',
        null=True, on_delete='SET NULL')
    changed_at = DateTimeTZField(default=utc_now)

    class Meta:
        table_name = 'guardian_consents'
