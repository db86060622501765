"""The periodic jobs run (Huey in immediate mode) as the system, through the application role."""
from datetime import timedelta

import pytest

from spark.accounts import utcnow
from spark.db import as_system
from spark.models import UserNotification


@pytest.fixture
def huey_now(db):
    from spark.queue import huey
    huey.immediate = True
    yield huey
    huey.immediate = False


def test_every_periodic_job_runs(huey_now, world):
    import tasks

    tasks.archive_sync_logs()
    tasks.refresh_class_performance()
    tasks.ensure_audit_partitions()
    tasks.delete_old_notifications()


def test_old_read_and_expired_notifications_are_deleted(huey_now, world):
    import tasks

    student = world["student_a"].id
    now = utcnow()
    with as_system():
        old_read = UserNotification.create(user=student, title="old", message="m", type="SYSTEM", is_read=True,
                                           created_at=now - timedelta(days=40))
        expired = UserNotification.create(user=student, title="gone", message="m", type="SYSTEM",
                                          expires_at=now - timedelta(days=1))
        kept = UserNotification.create(user=student, title="new", message="m", type="SYSTEM")
    tasks.delete_old_notifications()
    with as_system():
        left = {n.id for n in UserNotification.select().where(UserNotification.user == student)}
    assert kept.id in left and old_read.id not in left and expired.id not in left
