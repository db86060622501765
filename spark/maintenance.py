"""Housekeeping the periodic jobs do (the seed's pg_cron jobs, ARCHITECTURE.md, 10)."""
from datetime import timedelta

from spark.accounts import utcnow
from spark.db import database
from spark.models import UserNotification

READ_NOTIFICATIONS_KEPT_FOR = timedelta(days=30)


def archive_old_sync_logs() -> int:
    """Move finished sync logs older than 30 days to the archive; return how many moved."""
    return database.execute_sql("SELECT archive_old_sync_logs()").fetchone()[0]


def delete_old_notifications(now=None) -> int:
    """Delete notifications that were read more than 30 days ago or have expired."""
    now = now or utcnow()
    return (UserNotification
            .delete()
            .where((UserNotification.is_read & (UserNotification.created_at < now - READ_NOTIFICATIONS_KEPT_FOR))
                   | (UserNotification.expires_at < now))
            .execute())


def refresh_class_performance() -> None:
    """Recompute the class performance summary teachers and admins read."""
    database.execute_sql("SELECT refresh_class_performance()")


def ensure_audit_partitions(months_ahead: int = 3) -> None:
    """Create the audit log's monthly partitions for the months ahead."""
    database.execute_sql("SELECT ensure_audit_partitions(%s)", (months_ahead,))
