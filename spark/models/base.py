"""The base model and the column types Spark's schema needs beyond Peewee's core.

Models map the tables that `sql/` creates; they never create tables.
"""
import datetime
import uuid

from peewee import Cast, Field, Model, Node, SQL, UUIDField, Value
from playhouse.postgres_ext import ArrayField, BinaryJSONField, DateTimeTZField

from spark.db import database

__all__ = [
    'ArrayField', 'BaseModel', 'BinaryJSONField', 'DateTimeTZField',
    'EnumField', 'InetField', 'UUIDArrayField', 'utc_now',
]


def utc_now():
    """The current time, timezone-aware in UTC, for timestamptz defaults."""
    return datetime.datetime.now(datetime.timezone.utc)


class EnumField(Field):
    """A column of a PostgreSQL enum type; values are the plain label strings.

    Built from a class of `spark.models.enums`: `EnumField(Role)`. An unknown
    label is refused before it reaches the database.
    """

    def __init__(self, enum, **kwargs):
        self.enum = enum
        self.field_type = enum.PG_TYPE
        kwargs.setdefault('choices', [(label, label) for label in enum.ALL])
        super().__init__(**kwargs)

    def db_value(self, value):
        if isinstance(value, str) and value not in self.enum.ALL:
            raise ValueError('%r is not a %s (one of %s)' % (
                value, self.enum.PG_TYPE, ', '.join(self.enum.ALL)))
        return value


class InetField(Field):
    """An `inet` column (an IP address), read and written as a string."""
    field_type = 'INET'


class UUIDArrayField(ArrayField):
    """A `uuid[]` column, read and written as a list of `uuid.UUID`.

    psycopg2 sends a Python list as `ARRAY['...']`, a text[] that PostgreSQL
    will not assign to uuid[] without a cast, and (with no uuid adapter
    registered) returns uuid[] as its text form; so this field casts on the
    way in and parses on the way out.
    """

    def __init__(self, **kwargs):
        super().__init__(UUIDField, **kwargs)

    def db_value(self, value):
        if value is None or isinstance(value, Node):
            return value
        return Cast(Value([str(v) for v in value], unpack=False), 'uuid[]')

    def python_value(self, value):
        if value is None:
            return None
        if isinstance(value, str):
            inner = value.strip('{}')
            value = inner.split(',') if inner else []
        return [None if v is None or v == 'NULL'
                else v if isinstance(v, uuid.UUID) else uuid.UUID(v)
                for v in value]


class BaseModel(Model):
    """Every Spark table: a uuid primary key that Python knows before insert."""
    id = UUIDField(
        primary_key=True,
        default=uuid.uuid4,
        constraints=[SQL('DEFAULT gen_random_uuid()')],
    )

    class Meta:
        database = database
        legacy_table_names = False
