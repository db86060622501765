"""Offline sync: batches of actions a device sends, and the conflicts they raise."""
from peewee import CharField, ForeignKeyField, IntegerField, TextField, UUIDField

from spark.models.base import (
    BaseModel, BinaryJSONField, DateTimeTZField, EnumField, utc_now,
)
from spark.models.enums import SyncStatus
from spark.models.schools import User


class SyncBatch(BaseModel):
    """The columns a sync batch has, live or archived (not a table of its own)."""
    device_id = CharField(max_length=100)
    actions = BinaryJSONField()
    status = EnumField(SyncStatus, default=SyncStatus.PENDING)
    processed_actions = IntegerField(default=0)
    failed_actions = IntegerField(default=0)
    conflicts = BinaryJSONField(null=True)
    error_message = TextField(null=True)
    processed_at = DateTimeTZField(null=True)
    created_at = DateTimeTZField(default=utc_now)


class SyncLog(SyncBatch):
    """One batch of offline actions sent by a device, and how it went."""
    user = ForeignKeyField(
        User, column_name='user_id', backref='sync_logs', on_delete='CASCADE')

    class Meta:
        table_name = 'sync_logs'


class SyncLogArchive(SyncBatch):
    """A finished sync batch moved out of `sync_logs` once it is old."""
    # No foreign keys: an archived batch must never block deleting anything.
    user_id = UUIDField()

    class Meta:
        table_name = 'sync_logs_archive'


class SyncConflict(BaseModel):
    """A record the device and the server both changed, and how it was settled."""
    sync_log = ForeignKeyField(
        SyncLog, column_name='sync_log_id', backref='conflict_rows',
        on_delete='CASCADE')
    entity_type = CharField(max_length=50)
    entity_id = UUIDField()
    client_data = BinaryJSONField()
    server_data = BinaryJSONField()
    resolution_strategy = CharField(max_length=50, null=True)
    resolved_data = BinaryJSONField(null=True)
    resolved_at = DateTimeTZField(null=True)
    resolved_by = ForeignKeyField(
        User, column_name='resolved_by', backref='sync_conflicts_resolved',
        null=True, on_delete='SET NULL')
    created_at = DateTimeTZField(default=utc_now)

    class Meta:
        table_name = 'sync_conflicts'
