"""What students learn: courses, their lessons, quizzes, questions and translations."""
from peewee import (
    BooleanField, CharField, DecimalField, ForeignKeyField, IntegerField,
    SmallIntegerField, TextField, UUIDField,
)

from spark.models.base import (
    ArrayField, BaseModel, BinaryJSONField, DateTimeTZField, EnumField,
    UUIDArrayField, utc_now,
)
from spark.models.enums import Difficulty, QuestionType
from spark.models.schools import School, User


class Course(BaseModel):
    """A course for one subject and grade, made of ordered lessons."""
    title = CharField(max_length=200)
    description = TextField(null=True)
    subject = CharField(max_length=50)
    grade = SmallIntegerField()
    difficulty = EnumField(Difficulty)
    estimated_hours = IntegerField(null=True)
    prerequisites = UUIDArrayField(null=True)
    learning_objectives = ArrayField(TextField, null=True)
    is_published = BooleanField(default=False)
    school = ForeignKeyField(
        School, column_name='school_id', backref='courses', null=True)
    created_by = ForeignKeyField(
        User, column_name='created_by', backref='courses_created', null=True)
    created_at = DateTimeTZField(default=utc_now)
    updated_at = DateTimeTZField(default=utc_now)

    class Meta:
        table_name = 'courses'

    @classmethod
    def published(cls):
        """Courses open to students."""
        return cls.select().where(cls.is_published == True)  # noqa: E712


class Lesson(BaseModel):
    """One lesson of a course, with its rich content."""
    title = CharField(max_length=200)
    content = BinaryJSONField()
    course = ForeignKeyField(
        Course, column_name='course_id', backref='lessons',
        on_delete='CASCADE')
    order_index = IntegerField()
    duration = IntegerField(null=True)
    objectives = ArrayField(TextField, null=True)
    keywords = ArrayField(TextField, null=True)
    difficulty_level = SmallIntegerField(default=1)
    is_published = BooleanField(default=False)
    requires_internet = BooleanField(default=False)
    offline_content = BinaryJSONField(null=True)
    created_at = DateTimeTZField(default=utc_now)
    updated_at = DateTimeTZField(default=utc_now)

    class Meta:
        table_name = 'lessons'

    @classmethod
    def published(cls):
        """Lessons open to students."""
        return cls.select().where(cls.is_published == True)  # noqa: E712


class Quiz(BaseModel):
    """A quiz that checks a lesson."""
    title = CharField(max_length=200)
    description = TextField(null=True)
    lesson = ForeignKeyField(
        Lesson, column_name='lesson_id', backref='quizzes', null=True,
        on_delete='CASCADE')
    time_limit = IntegerField(null=True)
    max_attempts = IntegerField(default=3)
    passing_score = IntegerField(default=70)
    question_count = IntegerField(default=0)
    is_published = BooleanField(default=False)
    randomize_questions = BooleanField(default=False)
    show_results_immediately = BooleanField(default=True)
    created_at = DateTimeTZField(default=utc_now)
    updated_at = DateTimeTZField(default=utc_now)

    class Meta:
        table_name = 'quizzes'

    @classmethod
    def published(cls):
        """Quizzes open to students."""
        return cls.select().where(cls.is_published == True)  # noqa: E712


class Question(BaseModel):
    """One question of a quiz, with its correct answer."""
    text = TextField()
    type = EnumField(QuestionType)
    options = BinaryJSONField(null=True)
    correct_answer = BinaryJSONField()
    explanation = TextField(null=True)
    points = IntegerField(default=1)
    quiz = ForeignKeyField(
        Quiz, column_name='quiz_id', backref='questions',
        on_delete='CASCADE')
    order_index = IntegerField()
    difficulty = SmallIntegerField(default=1)
    tags = ArrayField(TextField, null=True)
    created_at = DateTimeTZField(default=utc_now)

    class Meta:
        table_name = 'questions'


class ContentTranslation(BaseModel):
    """A lesson, question or badge text in another language."""
    content_id = UUIDField()
    content_type = CharField(max_length=50)
    language = CharField(max_length=10)
    translated_content = BinaryJSONField()
    translation_quality = DecimalField(
        max_digits=3, decimal_places=2, null=True)
    translated_by = CharField(max_length=100, null=True)
    translated_at = DateTimeTZField(default=utc_now)
    reviewed_at = DateTimeTZField(null=True)
    reviewed_by = ForeignKeyField(
        User, column_name='reviewed_by', backref='translations_reviewed',
        null=True, on_delete='SET NULL')

    class Meta:
        table_name = 'content_translations'
