"""The audit trail, and the counters that slow down password guessing."""
import uuid

from peewee import (
    CharField, CompositeKey, ForeignKeyField, IntegerField, TextField,
    UUIDField,
)

from spark.models.base import (
    BaseModel, BinaryJSONField, DateTimeTZField, InetField, utc_now,
)
from spark.models.schools import User


class AuditLog(BaseModel):
    """One sensitive change: who did what to which row, from where."""
    # audit_logs is partitioned by created_at, so its key is (id, created_at).
    id = UUIDField(default=uuid.uuid4)
    user = ForeignKeyField(
        User, column_name='user_id', backref='audit_entries', null=True,
        on_delete='SET NULL')
    actor_role = CharField(max_length=20, null=True)
    # No foreign key: the trail outlives a deleted school.
    school_id = UUIDField(null=True)
    action = CharField(max_length=100)
    table_name = CharField(max_length=63, null=True)
    record_id = UUIDField(null=True)
    old_values = BinaryJSONField(null=True)
    new_values = BinaryJSONField(null=True)
    ip_address = InetField(null=True)
    user_agent = TextField(null=True)
    created_at = DateTimeTZField(default=utc_now)

    class Meta:
        table_name = 'audit_logs'
        primary_key = CompositeKey('id', 'created_at')


class LoginThrottle(BaseModel):
    """Failed sign-ins for one username or address, and any lock they caused."""
    identifier = CharField(max_length=255, primary_key=True)
    failures = IntegerField(default=0)
    first_failed_at = DateTimeTZField(null=True)
    locked_until = DateTimeTZField(null=True)
    updated_at = DateTimeTZField(default=utc_now)

    class Meta:
        table_name = 'login_throttles'
