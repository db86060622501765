"""Schools, the people in them, their classes and who is enrolled where."""
from peewee import (
    BooleanField, CharField, DateField, DeferredForeignKey, ForeignKeyField,
    IntegerField, SmallIntegerField, TextField,
)

from spark.levels import level_for_xp, xp_for_level
from spark.models.base import (
    BaseModel, BinaryJSONField, DateTimeTZField, EnumField, utc_now,
)
from spark.models.enums import EnrollmentStatus, Role


class School(BaseModel):
    """A school: the tenant every class, course and student belongs to."""
    name = CharField(max_length=200)
    address = TextField(null=True)
    district = CharField(max_length=100, null=True)
    state = CharField(max_length=100, null=True)
    country = CharField(max_length=100, default='India')
    timezone = CharField(max_length=50, default='Asia/Kolkata')
    default_language = CharField(max_length=10, default='en')
    contact_email = CharField(max_length=255, null=True)
    contact_phone = CharField(max_length=20, null=True)
    settings = BinaryJSONField(default=dict)
    is_active = BooleanField(default=True)
    created_at = DateTimeTZField(default=utc_now)
    updated_at = DateTimeTZField(default=utc_now)

    class Meta:
        table_name = 'schools'


class User(BaseModel):
    """A login: a student, teacher, school admin or guardian."""
    # Unique case-insensitively, by indexes on lower(username) and lower(email).
    username = CharField(max_length=50)
    email = CharField(max_length=255, null=True)
    password_hash = CharField(max_length=255)
    role = EnumField(Role)
    school = ForeignKeyField(
        School, column_name='school_id', backref='users', null=True)
    preferred_language = CharField(max_length=10, null=True)
    is_active = BooleanField(default=True)
    email_verified = BooleanField(default=False)
    last_login_at = DateTimeTZField(null=True)
    session_version = IntegerField(default=1)
    must_change_password = BooleanField(default=False)
    password_changed_at = DateTimeTZField(null=True)
    created_at = DateTimeTZField(default=utc_now)
    updated_at = DateTimeTZField(default=utc_now)

    class Meta:
        table_name = 'users'

    @classmethod
    def active(cls):
        """Users whose account is not switched off."""
        return cls.select().where(cls.is_active == True)  # noqa: E712

    # Flask-Login's user interface. The id it keeps in the session carries the
    # session version, so bumping the version ends every session at once.
    is_authenticated = True
    is_anonymous = False

    def get_id(self):
        """The session token: user id and session version."""
        return f"{self.id}.{self.session_version}"


class Profile(BaseModel):
    """A user's name, avatar and game stats (one per user)."""
    user = ForeignKeyField(
        User, column_name='user_id', backref='profiles', unique=True,
        on_delete='CASCADE')
    first_name = CharField(max_length=100)
    last_name = CharField(max_length=100)
    display_name = CharField(max_length=150)
    avatar_url = CharField(max_length=500, null=True)
    avatar = CharField(max_length=50, null=True)
    grade = SmallIntegerField(null=True)
    xp_points = IntegerField(default=0)
    level = IntegerField(default=1)
    crystals = IntegerField(default=0)
    sparks = IntegerField(default=0)
    streak = IntegerField(default=0)
    total_time_spent = IntegerField(default=0)
    last_active = DateTimeTZField(default=utc_now)
    last_active_on = DateField(null=True)
    created_at = DateTimeTZField(default=utc_now)
    updated_at = DateTimeTZField(default=utc_now)

    class Meta:
        table_name = 'profiles'

    @property
    def xp_to_next_level(self):
        """Experience points still needed to reach the next level."""
        next_level = level_for_xp(self.xp_points) + 1
        return xp_for_level(next_level) - self.xp_points


class SchoolClass(BaseModel):
    """A class (section) a teacher runs in a school; the table `classes`."""
    name = CharField(max_length=100)
    subject = CharField(max_length=50)
    grade = SmallIntegerField()
    section = CharField(max_length=10, null=True)
    teacher = ForeignKeyField(
        User, column_name='teacher_id', backref='classes_taught')
    school = ForeignKeyField(
        School, column_name='school_id', backref='classes')
    max_students = IntegerField(default=50)
    academic_year = CharField(max_length=10, null=True)
    is_active = BooleanField(default=True)
    created_at = DateTimeTZField(default=utc_now)
    updated_at = DateTimeTZField(default=utc_now)

    class Meta:
        table_name = 'classes'


class Enrollment(BaseModel):
    """A student's place in a class."""
    student = ForeignKeyField(
        User, column_name='student_id', backref='enrollments',
        on_delete='CASCADE')
    school_class = ForeignKeyField(
        SchoolClass, column_name='class_id', backref='enrollments',
        on_delete='CASCADE')
    enrolled_at = DateTimeTZField(default=utc_now)
    status = EnumField(EnrollmentStatus, default=EnrollmentStatus.ACTIVE)
    final_grade = CharField(max_length=5, null=True)

    class Meta:
        table_name = 'enrollments'


class ClassCourse(BaseModel):
    """A course a teacher has assigned to a class."""
    school_class = ForeignKeyField(
        SchoolClass, column_name='class_id', backref='class_courses',
        on_delete='CASCADE')
    # Course lives in content.py, which imports this module.
    course = DeferredForeignKey(
        'Course', column_name='course_id', backref='class_courses',
        on_delete='CASCADE')
    assigned_by = ForeignKeyField(
        User, column_name='assigned_by', backref='class_courses_assigned',
        null=True, on_delete='SET NULL')
    assigned_at = DateTimeTZField(default=utc_now)

    class Meta:
        table_name = 'class_courses'
