"""Consent for the optional features (DPDP Act): off until an approved guardian turns it on; audited."""
import re

import pytest

from spark import consent
from spark.db import acting_as, as_system
from spark.models import AuditLog, GuardianConsent, GuardianLink
from spark.models.enums import LinkStatus, Role
from tests.conftest import csrf_token
from tests.factories import make_course


def post_consent(client, student_id, feature, granted):
    page = client.get(f"/guardian/children/{student_id}")
    return client.post(f"/guardian/children/{student_id}/consent",
                       data={"csrf_token": csrf_token(page), "feature": feature, "granted": granted})


def test_features_are_off_until_a_guardian_consents(db, world):
    for feature in consent.FEATURES:
        assert consent.has_consent(world["student_a"].id, feature) is False
    with pytest.raises(ValueError):
        consent.has_consent(world["student_a"].id, "TRACKING")


def test_guardian_gives_and_withdraws_consent(client, auth, world):
    student = world["student_a"]
    auth.sign_in("guardian_a")
    assert post_consent(client, student.id, "AI_COMPANION", "yes").status_code == 302
    with as_system():
        assert consent.has_consent(student.id, "AI_COMPANION")
        assert not consent.has_consent(student.id, "LEADERBOARD_NAME")
    assert "Withdraw consent" in client.get(f"/guardian/children/{student.id}").get_data(as_text=True)
    assert post_consent(client, student.id, "AI_COMPANION", "yes").status_code == 302  # twice: no change
    assert post_consent(client, student.id, "AI_COMPANION", "no").status_code == 302
    with as_system():
        assert not consent.has_consent(student.id, "AI_COMPANION")
        rows = list(AuditLog.select().where(AuditLog.table_name == "guardian_consents").order_by(AuditLog.created_at))
    assert [row.action for row in rows] == ["INSERT", "UPDATE"]
    assert rows[0].user_id == world["guardian_a"].id and rows[1].new_values["granted"] is False


@pytest.mark.parametrize("username, student", [("guardian_pending", "student_a2"), ("guardian_a", "student_b"),
                                               ("guardian_a", "student_a2")])
def test_consent_needs_an_approved_link(client, auth, world, username, student):
    auth.sign_in(username)
    page = client.get("/guardian/", follow_redirects=True)
    response = client.post(f"/guardian/children/{world[student].id}/consent",
                           data={"csrf_token": csrf_token(page), "feature": "AI_COMPANION", "granted": "yes"})
    assert response.status_code == 404


def test_unknown_feature_is_refused(client, auth, world):
    auth.sign_in("guardian_a")
    assert post_consent(client, world["student_a"].id, "ADVERTISING", "yes").status_code == 400


def test_consent_of_a_guardian_no_longer_approved_does_not_count(db, world):
    guardian, student = world["guardian_a"], world["student_a"]
    with acting_as(guardian.id, Role.GUARDIAN, None):
        consent.set_consent(guardian, student.id, "LEADERBOARD_NAME", True)
    assert consent.has_consent(student.id, "LEADERBOARD_NAME")
    GuardianLink.update(status=LinkStatus.BLOCKED).where(GuardianLink.id == world.links["approved"].id).execute()
    assert not consent.has_consent(student.id, "LEADERBOARD_NAME")


def test_only_the_guardian_writes_consent_in_the_database(db, world):
    with acting_as(world["teacher_a"].id, Role.TEACHER, world.schools["a"].id):
        with pytest.raises(Exception), db.atomic():
            GuardianConsent.insert(student=world["student_a"].id, feature="AI_COMPANION", granted=True,
                                   guardian=world["guardian_a"].id).execute()
    with acting_as(world["guardian_pending"].id, Role.GUARDIAN, None):
        with pytest.raises(Exception), db.atomic():
            GuardianConsent.insert(student=world["student_a2"].id, feature="AI_COMPANION", granted=True,
                                   guardian=world["guardian_pending"].id).execute()


EXTERNAL = re.compile(r'<(?:script|link|img|iframe|source|video|audio|embed|object)\b[^>]*?\b(?:src|href|data)\s*=\s*"'
                      r'(?:https?:)?//', re.IGNORECASE)


def test_student_pages_load_nothing_from_third_parties(auth, world):
    with as_system():
        course, lessons, quiz = make_course(world.schools["a"], world["teacher_a"], world.classes["maths_a"])
    auth.sign_in("student_a")
    for path in ("/student/", "/student/courses", f"/student/courses/{course.id}", f"/student/lessons/{lessons[0].id}",
                 "/student/badges", "/student/profile", "/notifications"):
        response = auth.client.get(path, follow_redirects=True)
        assert response.status_code == 200, path
        html = response.get_data(as_text=True)
        assert not EXTERNAL.search(html), (path, EXTERNAL.search(html).group(0))
        assert "default-src 'self'" in response.headers["Content-Security-Policy"]
