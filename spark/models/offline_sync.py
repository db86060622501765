"""Offline sync: the actions already answered (idempotency keys) and the lessons saved for offline use."""
from peewee import CharField, ForeignKeyField, IntegerField, UUIDField

from spark.models.base import BaseModel, BinaryJSONField, DateTimeTZField, utc_now
from spark.models.content import Lesson
from spark.models.schools import User
from spark.models.sync import SyncLog


class SyncAction(BaseModel):
    """An offline action the server answered, kept so a replay returns the same answer."""
    student = ForeignKeyField(User, column_name='student_id', backref='sync_actions', on_delete='CASCADE')
    client_id = UUIDField()
    sync_log = ForeignKeyField(
        SyncLog, column_name='sync_log_id', backref='applied_actions', null=True, on_delete='SET NULL')
    device_id = CharField(max_length=100)
    action_type = CharField(max_length=30)
    occurred_at = DateTimeTZField()
    result = BinaryJSONField()
    created_at = DateTimeTZField(default=utc_now)

    class Meta:
        table_name = 'sync_actions'


class SavedLesson(BaseModel):
    """A lesson a student saved for offline use, with the version their device holds."""
    student = ForeignKeyField(User, column_name='student_id', backref='saved_lessons', on_delete='CASCADE')
    lesson = ForeignKeyField(Lesson, column_name='lesson_id', backref='saved_by', on_delete='CASCADE')
    version = CharField(max_length=64)
    size_bytes = IntegerField(default=0)
    saved_at = DateTimeTZField(default=utc_now)

    class Meta:
        table_name = 'saved_lessons'
