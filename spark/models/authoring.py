"""What authoring adds to the content tables: the record of retired quiz questions."""
from peewee import ForeignKeyField

from spark.models.base import BaseModel, DateTimeTZField, utc_now
from spark.models.content import Question
from spark.models.schools import User


class RetiredQuestion(BaseModel):
    """A question kept only for the attempts that used it (sql/0012_authoring.sql)."""
    id = None  # the question itself is the key
    question = ForeignKeyField(
        Question, column_name='question_id', primary_key=True,
        backref='retirement', on_delete='CASCADE')
    replaced_by = ForeignKeyField(
        Question, column_name='replaced_by', null=True, backref='replaces',
        on_delete='SET NULL')
    retired_by = ForeignKeyField(
        User, column_name='retired_by', null=True, backref='questions_retired',
        on_delete='SET NULL')
    retired_at = DateTimeTZField(default=utc_now)

    class Meta:
        table_name = 'retired_questions'
