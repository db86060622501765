"""Guardians and the students they are linked to."""
from peewee import CharField, ForeignKeyField, TextField

from spark.models.base import BaseModel, DateTimeTZField, EnumField, utc_now
from spark.models.enums import LinkStatus
from spark.models.schools import User


class GuardianLink(BaseModel):
    """A guardian's request, and once approved the right, to follow a student."""
    guardian = ForeignKeyField(
        User, column_name='guardian_id', backref='student_links',
        on_delete='CASCADE')
    student = ForeignKeyField(
        User, column_name='student_id', backref='guardian_links',
        on_delete='CASCADE')
    relationship = CharField(max_length=20, default='parent')
    status = EnumField(LinkStatus, default=LinkStatus.PENDING)
    requested_at = DateTimeTZField(default=utc_now)
    approved_at = DateTimeTZField(null=True)
    approved_by = ForeignKeyField(
        User, column_name='approved_by', backref='guardian_links_approved',
        null=True, on_delete='SET NULL')
    notes = TextField(null=True)

    class Meta:
        table_name = 'guardian_links'
