"""Huey periodic jobs. Run with: huey_consumer tasks.huey (the `serve` command starts it).

Each job opens its own transaction acting as the system; it never builds the
Flask app (STYLE.md, 1).
"""
import os

from huey import crontab

from spark import maintenance
from spark.config import INSTANCE_PATH
from spark.db import as_system, database, database_urls, open_database
from spark.queue import huey


@huey.on_startup()
def connect_database():
    """Bind the models in the consumer process (the web process binds its own)."""
    if database.obj is None:
        app_url, _ = database_urls(os.environ.get("DATABASE_URL"), os.environ.get("DATABASE_OWNER_URL"),
                                   INSTANCE_PATH)
        open_database(app_url, pool_size=4)


@huey.periodic_task(crontab(minute="0", hour="2"))
def archive_sync_logs():
    """Every night: archive finished sync logs older than 30 days."""
    with as_system():
        return maintenance.archive_old_sync_logs()


@huey.periodic_task(crontab(minute="0", hour="4"))
def delete_old_notifications():
    """Every night: delete old read notifications and expired ones."""
    with as_system():
        return maintenance.delete_old_notifications()


@huey.periodic_task(crontab(minute="5"))
def refresh_class_performance():
    """Every hour: refresh the class performance summary."""
    with as_system():
        maintenance.refresh_class_performance()


@huey.periodic_task(crontab(minute="30", hour="1", day="1,15"))
def ensure_audit_partitions():
    """Twice a month: make sure the audit log has partitions for the coming months."""
    with as_system():
        maintenance.ensure_audit_partitions()


@huey.periodic_task(crontab(minute="30", hour="12", day_of_week="0"))
def send_guardian_weekly_summaries():
    """Sundays at 18:00 India time (12:30 UTC): each approved guardian gets their child's week."""
    from datetime import datetime, timezone

    from spark.guardian_week import send_all_weekly_summaries

    return send_all_weekly_summaries(datetime.now(timezone.utc))
