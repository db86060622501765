"""The AI study companion: what it said to students and how they like to learn."""
from peewee import (
    BooleanField, CharField, DecimalField, ForeignKeyField, IntegerField,
    TextField,
)

from spark.models.base import (
    ArrayField, BaseModel, BinaryJSONField, DateTimeTZField, utc_now,
)
from spark.models.schools import User


class AiInteraction(BaseModel):
    """One hint, encouragement or challenge the companion gave a student."""
    student = ForeignKeyField(
        User, column_name='student_id', backref='ai_interactions',
        on_delete='CASCADE')
    interaction_type = CharField(max_length=50)
    context = BinaryJSONField(null=True)
    ai_response = TextField()
    student_feedback = IntegerField(null=True)
    was_helpful = BooleanField(null=True)
    created_at = DateTimeTZField(default=utc_now)

    class Meta:
        table_name = 'ai_interactions'


class LearningPreference(BaseModel):
    """How a student likes to learn, for the companion (one per student)."""
    student = ForeignKeyField(
        User, column_name='student_id', backref='learning_preferences',
        unique=True, on_delete='CASCADE')
    learning_style = CharField(max_length=20, default='visual')
    difficulty_preference = DecimalField(
        max_digits=3, decimal_places=2, default=0.5)
    session_length_preference = IntegerField(default=30)
    preferred_subjects = ArrayField(TextField, null=True)
    challenging_subjects = ArrayField(TextField, null=True)
    ai_personality = CharField(max_length=20, default='encouraging')
    updated_at = DateTimeTZField(default=utc_now)

    class Meta:
        table_name = 'learning_preferences'
