"""How students get on: lesson progress, quiz attempts and their answers, analytics."""
from peewee import (
    BooleanField, CharField, DateField, DecimalField, ForeignKeyField,
    IntegerField, TextField, UUIDField,
)

from spark.models.base import (
    ArrayField, BaseModel, BinaryJSONField, DateTimeTZField, EnumField,
    UUIDArrayField, utc_now,
)
from spark.models.content import Lesson, Question, Quiz
from spark.models.enums import ProgressStatus, SubmissionStatus
from spark.models.schools import SchoolClass, User


class StudentProgress(BaseModel):
    """Where one student is in one lesson."""
    student = ForeignKeyField(
        User, column_name='student_id', backref='lesson_progress',
        on_delete='CASCADE')
    lesson = ForeignKeyField(
        Lesson, column_name='lesson_id', backref='student_progress',
        on_delete='CASCADE')
    status = EnumField(ProgressStatus, default=ProgressStatus.NOT_STARTED)
    progress = DecimalField(max_digits=5, decimal_places=2, default=0)
    time_spent = IntegerField(default=0)
    attempts = IntegerField(default=0)
    last_accessed = DateTimeTZField(default=utc_now)
    started_at = DateTimeTZField(null=True)
    completed_at = DateTimeTZField(null=True)
    sync_version = IntegerField(default=1)
    device_id = CharField(max_length=100, null=True)

    class Meta:
        table_name = 'student_progress'


class Submission(BaseModel):
    """One attempt of a student at a quiz, from start to grade."""
    student = ForeignKeyField(
        User, column_name='student_id', backref='submissions',
        on_delete='CASCADE')
    quiz = ForeignKeyField(
        Quiz, column_name='quiz_id', backref='submissions',
        on_delete='CASCADE')
    status = EnumField(SubmissionStatus, default=SubmissionStatus.IN_PROGRESS)
    answers = BinaryJSONField(default=dict)
    question_order = UUIDArrayField(null=True)
    score = DecimalField(max_digits=5, decimal_places=2, null=True)
    points_earned = DecimalField(max_digits=8, decimal_places=2, null=True)
    max_score = IntegerField()
    passed = BooleanField(null=True)
    time_spent = IntegerField(default=0)
    attempt = IntegerField(default=1)
    is_final = BooleanField(default=False)
    started_at = DateTimeTZField(default=utc_now)
    submitted_at = DateTimeTZField(null=True)
    graded_at = DateTimeTZField(null=True)
    graded_by = ForeignKeyField(
        User, column_name='graded_by', backref='submissions_graded',
        null=True)
    feedback = TextField(null=True)
    sync_version = IntegerField(default=1)
    device_id = CharField(max_length=100, null=True)
    client_id = UUIDField(null=True)

    class Meta:
        table_name = 'submissions'


class SubmissionAnswer(BaseModel):
    """A student's answer to one question of a submission, and its credit."""
    # The table's foreign key is (submission_id, student_id) -> submissions(id,
    # student_id); Peewee has no composite foreign keys, and id alone is unique,
    # so `submission` joins on id.
    submission = ForeignKeyField(
        Submission, column_name='submission_id', backref='answer_rows',
        on_delete='CASCADE')
    # A copy of the submission's student, so the RLS policy needs no join; it has
    # no foreign key of its own to users.
    student_id = UUIDField()
    question = ForeignKeyField(
        Question, column_name='question_id', backref='submission_answers',
        on_delete='CASCADE')
    answer = BinaryJSONField()
    credit = DecimalField(max_digits=5, decimal_places=4, null=True)
    points_awarded = DecimalField(max_digits=8, decimal_places=2, null=True)
    max_points = IntegerField()
    needs_grading = BooleanField(default=False)
    feedback = TextField(null=True)
    graded_by = ForeignKeyField(
        User, column_name='graded_by', backref='answers_graded', null=True,
        on_delete='SET NULL')
    graded_at = DateTimeTZField(null=True)
    created_at = DateTimeTZField(default=utc_now)
    updated_at = DateTimeTZField(default=utc_now)

    class Meta:
        table_name = 'submission_answers'


class LearningAnalytics(BaseModel):
    """One student's learning totals for one day."""
    student = ForeignKeyField(
        User, column_name='student_id', backref='daily_analytics',
        on_delete='CASCADE')
    date = DateField()
    total_time_spent = IntegerField(default=0)
    lessons_completed = IntegerField(default=0)
    quizzes_taken = IntegerField(default=0)
    average_score = DecimalField(max_digits=5, decimal_places=2, null=True)
    xp_gained = IntegerField(default=0)
    subjects_studied = ArrayField(TextField, null=True)
    peak_performance_hour = IntegerField(null=True)

    class Meta:
        table_name = 'learning_analytics'


class ClassAnalytics(BaseModel):
    """One class's engagement and scores for one day."""
    school_class = ForeignKeyField(
        SchoolClass, column_name='class_id', backref='daily_analytics',
        on_delete='CASCADE')
    date = DateField()
    active_students = IntegerField(default=0)
    average_engagement = DecimalField(
        max_digits=5, decimal_places=2, null=True)
    average_score = DecimalField(max_digits=5, decimal_places=2, null=True)
    completion_rate = DecimalField(max_digits=5, decimal_places=2, null=True)
    total_time_spent = IntegerField(default=0)

    class Meta:
        table_name = 'class_analytics'
