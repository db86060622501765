"""Messages shown to a user in the app."""
from peewee import BooleanField, CharField, ForeignKeyField, TextField

from spark.models.base import (
    BaseModel, BinaryJSONField, DateTimeTZField, EnumField, utc_now,
)
from spark.models.enums import NotificationPriority, NotificationType
from spark.models.schools import User


class UserNotification(BaseModel):
    """A notification for one user, read or not."""
    user = ForeignKeyField(
        User, column_name='user_id', backref='notifications',
        on_delete='CASCADE')
    title = CharField(max_length=200)
    message = TextField()
    type = EnumField(NotificationType)
    priority = EnumField(
        NotificationPriority, default=NotificationPriority.NORMAL)
    is_read = BooleanField(default=False)
    data = BinaryJSONField(null=True)
    expires_at = DateTimeTZField(null=True)
    created_at = DateTimeTZField(default=utc_now)

    class Meta:
        table_name = 'user_notifications'
