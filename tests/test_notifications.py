"""Notifications: stored once, shown in the reader's language, read only by their owner."""
import datetime

from flask_babel import force_locale

from spark import notifications
from spark.db import acting_as
from spark.models import UserNotification
from spark.models.base import utc_now
from spark.models.enums import NotificationType


def as_user(user):
    return acting_as(user.id, user.role, user.school_id)


def send(user, level=4, **kwargs):
    return notifications.notify(user.id, "level_up", NotificationType.LEVEL_UP, {"level": level}, **kwargs)


def test_notification_stores_kind_params_and_english_text(db, world):
    student = world["student_a"]
    notification_id = send(student)
    stored = UserNotification.get_by_id(notification_id)
    assert stored.title == "Level 4!"
    assert stored.message == "You reached level 4. Keep going!"
    assert stored.data == {"kind": "level_up", "params": {"level": 4}, "key": None}
    assert stored.priority == "NORMAL" and not stored.is_read


def test_english_text_is_stored_even_when_the_actor_reads_hindi(app, db, world):
    with app.test_request_context(), force_locale("hi"):
        notification_id = notifications.notify(world["student_a"].id, "welcome", NotificationType.SYSTEM,
                                               {"name": "Anil"})
        stored = UserNotification.get_by_id(notification_id)
        assert stored.title == "Namaste, Anil!"
        assert notifications.notification_text(stored)[0] == "नमस्ते, Anil!"
    with app.test_request_context(), force_locale("en"):
        assert notifications.notification_text(stored)[0] == "Namaste, Anil!"


def test_text_is_rendered_in_the_readers_locale_and_falls_back_to_stored_text(app, db, world):
    stored = UserNotification.get_by_id(send(world["student_a"], level=7))
    with app.test_request_context(), force_locale("en"):
        assert notifications.notification_text(stored) == ("Level 7!", "You reached level 7. Keep going!")
    stored.data = {"kind": "no_longer_known", "params": {}}
    assert notifications.notification_text(stored) == ("Level 7!", "You reached level 7. Keep going!")
    stored.data = {"kind": "level_up", "params": {}}  # params of an older shape
    assert notifications.notification_text(stored)[0] == "Level 7!"


def test_same_key_notifies_once(db, world):
    student = world["student_a"]
    assert send(student, key="level-up:4") is not None
    assert send(student, key="level-up:4") is None
    assert send(world["student_a2"], key="level-up:4") is not None  # keys are per user
    assert UserNotification.select().where(UserNotification.user == student.id).count() == 1


def test_unknown_kind_is_refused(db, world):
    try:
        notifications.notify(world["student_a"].id, "surprise", NotificationType.SYSTEM, {})
    except notifications.UnknownNotificationKind:
        return
    raise AssertionError("an unknown kind was stored")


def test_teacher_can_notify_a_student_they_cannot_read_back(db, world):
    student, teacher = world["student_a"], world["teacher_a"]
    with as_user(teacher):
        notification_id = notifications.notify(student.id, "welcome", NotificationType.SYSTEM,
                                               {"name": "Anil"})
        assert UserNotification.get_or_none(UserNotification.id == notification_id) is None
    with as_user(student):
        assert notifications.unread_count(student.id) == 1


def test_list_shows_unread_first_then_newest_and_hides_expired(db, world):
    student = world["student_a"]
    now = utc_now()
    old_unread = send(student, level=2)
    read_one = send(student, level=3)
    new_unread = send(student, level=4)
    expired = send(student, level=5, expires_at=now - datetime.timedelta(minutes=1))
    later = send(student, level=6, expires_at=now + datetime.timedelta(days=1))
    for offset, notification_id in enumerate([old_unread, read_one, new_unread, later]):
        (UserNotification.update(created_at=now - datetime.timedelta(hours=10 - offset))
         .where(UserNotification.id == notification_id).execute())
    with as_user(student):
        assert notifications.mark_read(student.id, read_one)
        listed = [n.id for n in notifications.notifications_for(student.id)]
        assert listed == [later, new_unread, old_unread, read_one]
        assert expired not in listed
        assert notifications.unread_count(student.id) == 3
        assert len(notifications.notifications_for(student.id, limit=2)) == 2


def test_mark_read_is_idempotent(db, world):
    student = world["student_a"]
    notification_id = send(student)
    with as_user(student):
        assert notifications.mark_read(student.id, notification_id)
        assert notifications.mark_read(student.id, notification_id)
        assert notifications.unread_count(student.id) == 0


def test_user_cannot_mark_anothers_notification(db, world):
    owner, other = world["student_a"], world["student_a2"]
    notification_id = send(owner)
    with as_user(other):
        assert not notifications.mark_read(other.id, notification_id)
        assert not notifications.mark_read(owner.id, notification_id)  # RLS hides it
        assert notifications.mark_all_read(owner.id) == 0
    with as_user(owner):
        assert notifications.unread_count(owner.id) == 1


def test_mark_all_read_counts_what_changed(db, world):
    student = world["student_a"]
    for level in (2, 3, 4):
        send(student, level=level)
    send(world["student_a2"])
    with as_user(student):
        assert notifications.mark_all_read(student.id) == 3
        assert notifications.mark_all_read(student.id) == 0
        assert notifications.unread_count(student.id) == 0


def test_notifications_page_marks_one_and_all_read(auth, world):
    from spark.db import as_system as system
    from spark.models import UserNotification
    from tests.conftest import csrf_token

    student = world["student_a"].id
    with system():
        ids = [notifications.notify(student, "level_up", "LEVEL_UP", {"level": n}) for n in (2, 3)]
        others = notifications.notify(world["student_a2"].id, "level_up", "LEVEL_UP", {"level": 2})
    auth.sign_in("student_a")
    page = auth.client.get("/notifications")
    html = page.get_data(as_text=True)
    assert "Level 3!" in html and 'class="count"' in html
    token = csrf_token(page)
    assert auth.client.post(f"/notifications/{ids[0]}/read", data={"csrf_token": token}).status_code == 302
    assert auth.client.post(f"/notifications/{others}/read", data={"csrf_token": token}).status_code == 404
    boosted = auth.client.post("/notifications/read", data={"csrf_token": token}, follow_redirects=True,
                               headers={"HX-Request": "true", "HX-Boosted": "true"})
    assert "<html" in boosted.get_data(as_text=True)
    with system():
        assert not UserNotification.select().where((UserNotification.user == student)
                                                   & ~UserNotification.is_read).exists()
        assert not UserNotification.get_by_id(others).is_read
