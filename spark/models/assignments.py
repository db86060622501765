"""Work a teacher sets a class, and what students hand in."""
from peewee import (
    BooleanField, CharField, DecimalField, ForeignKeyField, IntegerField,
    TextField,
)

from spark.models.base import (
    ArrayField, BaseModel, BinaryJSONField, DateTimeTZField, EnumField,
    utc_now,
)
from spark.models.content import Course
from spark.models.enums import AssignmentType
from spark.models.schools import SchoolClass, User


class Assignment(BaseModel):
    """A piece of work set for a class, with a due date."""
    title = CharField(max_length=200)
    description = TextField()
    instructions = BinaryJSONField(null=True)
    course = ForeignKeyField(
        Course, column_name='course_id', backref='assignments', null=True)
    school_class = ForeignKeyField(
        SchoolClass, column_name='class_id', backref='assignments',
        on_delete='CASCADE')
    due_date = DateTimeTZField()
    max_score = IntegerField(default=100)
    submission_type = EnumField(AssignmentType, default=AssignmentType.FILE)
    allowed_file_types = ArrayField(TextField, null=True)
    max_file_size = IntegerField(default=10485760)
    is_published = BooleanField(default=False)
    late_submission_allowed = BooleanField(default=True)
    late_penalty = DecimalField(max_digits=5, decimal_places=2, default=0)
    created_by = ForeignKeyField(
        User, column_name='created_by', backref='assignments_created')
    created_at = DateTimeTZField(default=utc_now)
    updated_at = DateTimeTZField(default=utc_now)

    class Meta:
        table_name = 'assignments'


class AssignmentSubmission(BaseModel):
    """What one student handed in for an assignment, and its grade."""
    assignment = ForeignKeyField(
        Assignment, column_name='assignment_id', backref='submissions',
        on_delete='CASCADE')
    student = ForeignKeyField(
        User, column_name='student_id', backref='assignment_submissions',
        on_delete='CASCADE')
    content = TextField(null=True)
    file_urls = ArrayField(TextField, null=True)
    submitted_at = DateTimeTZField(default=utc_now)
    is_late = BooleanField(default=False)
    score = DecimalField(max_digits=5, decimal_places=2, null=True)
    feedback = TextField(null=True)
    graded_at = DateTimeTZField(null=True)
    graded_by = ForeignKeyField(
        User, column_name='graded_by',
        backref='assignment_submissions_graded', null=True)
    # 0013: optimistic concurrency for grading, and the grade before the late penalty.
    version = IntegerField(default=1)
    raw_score = DecimalField(max_digits=5, decimal_places=2, null=True)
    penalty_percent = DecimalField(max_digits=5, decimal_places=2, default=0)

    class Meta:
        table_name = 'assignment_submissions'
