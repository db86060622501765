"""Files stored under UPLOAD_DIR (sql/0013_assignments.sql, spark/uploads.py)."""
from peewee import CharField, FixedCharField, ForeignKeyField, IntegerField

from spark.models.assignments import AssignmentSubmission
from spark.models.base import BaseModel, DateTimeTZField, utc_now
from spark.models.content import Lesson
from spark.models.schools import School, User


class Upload(BaseModel):
    """One stored file: its random key, who uploaded it and what it belongs to."""
    key = CharField(max_length=64, unique=True)
    owner = ForeignKeyField(User, column_name='owner_id', backref='uploads', on_delete='CASCADE')
    school = ForeignKeyField(School, column_name='school_id', null=True, on_delete='CASCADE')
    purpose = CharField(max_length=30)
    original_name = CharField(max_length=255)
    content_type = CharField(max_length=100)
    size = IntegerField()
    sha256 = FixedCharField(max_length=64)
    assignment_submission = ForeignKeyField(
        AssignmentSubmission, column_name='assignment_submission_id', backref='uploads', null=True,
        on_delete='CASCADE')
    lesson = ForeignKeyField(Lesson, column_name='lesson_id', backref='uploads', null=True,
                             on_delete='SET NULL')
    replaced_at = DateTimeTZField(null=True)
    created_at = DateTimeTZField(default=utc_now)

    class Meta:
        table_name = 'uploads'
