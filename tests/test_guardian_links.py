"""Guardian links both ways: codes, requests, invitations, decisions, and who may do what."""
import re
from datetime import timedelta

import psycopg2
import pytest

from spark import guardian_links
from spark.db import acting_as, as_system, database
from spark.guardian_links import LinkRefused, STAFF_TRANSITIONS
from spark.models import AuditLog, GuardianLink, GuardianLinkCode, User, UserNotification
from spark.models.base import utc_now
from spark.models.enums import LinkStatus, Role
from tests.conftest import csrf_token
from tests.factories import make_user


def act(user):
    """Act as this user for the block (a savepoint inside the test's transaction)."""
    return acting_as(user.id, user.role, user.school_id)


def make_code(actor, student, now=None):
    with act(actor):
        return guardian_links.issue_link_code(actor, student.id, now)


def post(client, path, data, page="/"):
    return client.post(path, data={"csrf_token": csrf_token(client.get(page, follow_redirects=True)), **data})


def link_between(guardian, student):
    with as_system():
        return GuardianLink.get_or_none((GuardianLink.guardian == guardian.id) & (GuardianLink.student == student.id))


def test_code_is_eight_unambiguous_characters_stored_only_as_a_hash(db, world):
    code = make_code(world["teacher_a"], world["student_a"])
    assert re.fullmatch(r"[A-HJKMNP-Z2-9]{8}", code)
    row = GuardianLinkCode.get(GuardianLinkCode.student == world["student_a"].id)
    assert row.code_hash == guardian_links.hash_code(code) and code not in row.code_hash
    assert row.expires_at - row.created_at == timedelta(days=7)
    assert row.school_id == world.schools["a"].id


def test_code_request_then_teacher_approval_through_the_pages(client, auth, world):
    auth.sign_in("teacher_a")
    page = post(client, "/admin/guardian-links/codes", {"student": str(world["student_a2"].id)}, "/admin/guardian-links")
    assert page.status_code == 200
    code = re.search(r'class="code-once"><strong>([A-Z0-9-]+)</strong>', page.get_data(as_text=True)).group(1)
    auth.sign_out()
    guardian = make_guardian("new_parent")
    auth.sign_in("new_parent")
    answer = post(client, "/guardian/links", {"code": code.lower(), "relationship": "parent"})
    assert answer.status_code == 302
    link = link_between(guardian, world["student_a2"])
    assert link.status == LinkStatus.PENDING and link.approved_by_id is None
    # before approval: nothing of the child, not even the name
    home = client.get("/guardian/").get_data(as_text=True)
    assert "Bina" not in home and "Waiting for approval" in home
    assert client.get(f"/guardian/children/{world['student_a2'].id}").status_code == 404
    auth.sign_out()
    auth.sign_in("teacher_a")
    queue = client.get("/admin/guardian-links").get_data(as_text=True)
    assert "New Parent" in queue and "Bina Das" in queue
    assert post(client, f"/admin/guardian-links/{link.id}", {"status": "APPROVED"},
                "/admin/guardian-links").status_code == 302
    link = link_between(guardian, world["student_a2"])
    assert link.status == LinkStatus.APPROVED and link.approved_by_id == world["teacher_a"].id
    assert link.approved_at is not None
    auth.sign_out()
    auth.sign_in("new_parent")
    assert client.get(f"/guardian/children/{world['student_a2'].id}").status_code == 200


def make_guardian(username, school=None):
    with as_system():
        return make_user(username, Role.GUARDIAN, school)


@pytest.mark.parametrize("case, message", [
    ("unknown", "This code is not right"),
    ("used", "already been used"),
    ("expired", "has expired"),
    ("other_school", "for another school"),
    ("twice", "already asked"),
    ("blocked", "blocked links"),
])
def test_a_code_is_refused_with_a_clear_message(client, auth, world, case, message):
    student = world["student_a"]
    guardian = make_guardian("asker", world.schools["b"] if case == "other_school" else None)
    code = make_code(world["teacher_a"], student,
                     now=utc_now() - timedelta(days=8) if case == "expired" else None)
    if case == "unknown":
        code = "ABCD2345"
    if case == "used":
        other = make_guardian("first_user")
        with act(other):
            guardian_links.request_link(other, code)
    if case == "twice":
        with act(guardian):
            guardian_links.request_link(guardian, make_code(world["teacher_a"], student))
    if case == "blocked":
        with as_system():
            GuardianLink.create(guardian=guardian, student=student, status=LinkStatus.BLOCKED)
    auth.sign_in("asker")
    response = post(client, "/guardian/links", {"code": code, "relationship": "parent"})
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    if case not in ("used", "twice"):
        with as_system():  # a refusal leaves the code unused
            assert GuardianLinkCode.get(GuardianLinkCode.code_hash == guardian_links.hash_code(code)).used_at is None \
                if case != "unknown" else True


def test_a_rejected_guardian_may_ask_again_with_a_new_code(db, world):
    guardian = make_guardian("second_try")
    with as_system():
        GuardianLink.create(guardian=guardian, student=world["student_a"], status=LinkStatus.REJECTED)
    with act(guardian):
        guardian_links.request_link(guardian, make_code(world["teacher_a"], world["student_a"]))
    assert link_between(guardian, world["student_a"]).status == LinkStatus.PENDING


def test_the_child_can_make_a_code_for_themselves_only(db, world):
    assert make_code(world["student_a"], world["student_a"]) is not None
    with act(world["student_a"]):
        assert guardian_links.issue_link_code(world["student_a"], world["student_a2"].id) is None


@pytest.mark.parametrize("username", ["teacher_a2", "teacher_b", "admin_b"])
def test_a_decision_by_someone_without_the_right_is_not_found(client, auth, world, username):
    link = world.links["pending"]  # guardian_pending -> student_a2 (class of teacher_a)
    auth.sign_in(username)
    response = post(client, f"/admin/guardian-links/{link.id}", {"status": "APPROVED"}, "/")
    assert response.status_code == 404
    assert link_between(world["guardian_pending"], world["student_a2"]).status == LinkStatus.PENDING


@pytest.mark.parametrize("username", ["guardian_a", "student_a"])
def test_guardians_and_students_cannot_open_the_queue(client, auth, world, username):
    auth.sign_in(username)
    assert client.get("/admin/guardian-links").status_code == 403
    assert post(client, f"/admin/guardian-links/{world.links['pending'].id}", {"status": "APPROVED"}).status_code == 403


def test_the_database_keeps_a_guardian_from_approving_or_erasing_a_block(db, world):
    guardian = make_guardian("blocked_one")
    with as_system():
        link = GuardianLink.create(guardian=guardian, student=world["student_a"], status=LinkStatus.BLOCKED)
    with act(guardian):
        assert GuardianLink.delete().where(GuardianLink.id == link.id).execute() == 0
        with pytest.raises(Exception) as raised, database.atomic():
            GuardianLink.update(status=LinkStatus.PENDING).where(GuardianLink.id == link.id).execute()
        assert isinstance(raised.value.__cause__ or raised.value, (psycopg2.Error, Exception))
    assert link_between(guardian, world["student_a"]).status == LinkStatus.BLOCKED


ALL_PAIRS = [(old, new) for old in LinkStatus.ALL for new in LinkStatus.ALL if old != new]


@pytest.mark.parametrize("old, new", ALL_PAIRS)
def test_staff_transitions_allowed_and_refused(db, world, old, new):
    guardian = make_guardian("transition")
    with as_system():
        link = GuardianLink.create(guardian=guardian, student=world["student_a"], status=old)
    admin = world["admin_a"]
    with act(admin):
        if new in STAFF_TRANSITIONS[old]:
            decided = guardian_links.decide_link(admin, link.id, new)
            assert decided.status == new and decided.approved_by_id == admin.id
            assert (decided.approved_at is not None) == (new == LinkStatus.APPROVED)
        else:
            with pytest.raises(LinkRefused):
                guardian_links.decide_link(admin, link.id, new)


def test_asking_for_the_status_a_link_has_changes_nothing(db, world):
    with act(world["admin_a"]):
        link = guardian_links.decide_link(world["admin_a"], world.links["approved"].id, LinkStatus.APPROVED)
    assert link.status == LinkStatus.APPROVED


def test_invitation_accepted_by_the_guardian(client, auth, world):
    guardian = make_guardian("invited_parent")
    auth.sign_in("admin_a")
    response = post(client, "/admin/guardian-links/invitations",
                    {"student": str(world["student_a3"].id), "identifier": "Invited_Parent",
                     "relationship": "parent"}, "/admin/guardian-links")
    assert response.status_code == 302
    link = link_between(guardian, world["student_a3"])
    assert link.status == LinkStatus.PENDING and link.approved_by_id == world["admin_a"].id
    # the school cannot approve it for the guardian
    with act(world["admin_a"]), pytest.raises(LinkRefused):
        guardian_links.decide_link(world["admin_a"], link.id, LinkStatus.APPROVED)
    auth.sign_out()
    auth.sign_in("invited_parent")
    assert "answer the invitation" in client.get("/guardian/").get_data(as_text=True)
    page = client.get("/guardian/invitations").get_data(as_text=True)
    assert "Chetan Rao" in page and "Sunrise Public School" in page
    assert post(client, f"/guardian/invitations/{link.id}", {"answer": "accept"}).status_code == 302
    link = link_between(guardian, world["student_a3"])
    assert link.status == LinkStatus.APPROVED and link.approved_at is not None
    assert client.get(f"/guardian/children/{world['student_a3'].id}").status_code == 200
    with as_system():
        assert UserNotification.select().where(
            (UserNotification.user == world["admin_a"].id)
            & (UserNotification.data["kind"] == "guardian_link_approved")).exists()


def test_invitation_declined(db, world):
    guardian = make_guardian("declines")
    with act(world["teacher_a"]):
        link = guardian_links.invite_guardian(world["teacher_a"], world["student_a"].id, guardian.id)
    with act(guardian):
        assert guardian_links.answer_invitation(guardian, link.id, accept=False).status == LinkStatus.REJECTED
        with pytest.raises(LinkRefused):
            guardian_links.answer_invitation(guardian, link.id, accept=True)


def test_a_guardian_cannot_accept_their_own_request_as_if_invited(db, world):
    guardian = world["guardian_pending"]
    with act(guardian):
        assert guardian_links.answer_invitation(guardian, world.links["pending"].id, accept=True) is None
    assert link_between(guardian, world["student_a2"]).status == LinkStatus.PENDING


def test_teacher_creates_a_guardian_account_and_invites_it(client, auth, world):
    auth.sign_in("teacher_a")
    response = post(client, "/admin/guardian-links/new-guardian",
                    {"student": str(world["student_a"].id), "display_name": "Ravi Kumar", "username": "9876543210",
                     "email": "", "relationship": "parent", "language": "hi"}, "/admin/guardian-links")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    password = re.search(r'class="secret">([a-z0-9]+)<', html).group(1)
    with as_system():
        guardian = User.get(User.username == "9876543210")
    assert guardian.role == Role.GUARDIAN and guardian.school_id == world.schools["a"].id
    assert link_between(guardian, world["student_a"]).approved_by_id == world["teacher_a"].id
    auth.sign_out()
    assert auth.sign_in("9876543210", password).status_code == 302
    # the same username again is refused
    auth.sign_out()
    auth.sign_in("teacher_a")
    again = post(client, "/admin/guardian-links/new-guardian",
                 {"student": str(world["student_a"].id), "display_name": "Ravi Kumar", "username": "9876543210",
                  "relationship": "parent", "language": "en"}, "/admin/guardian-links")
    assert again.status_code == 422 and "already taken" in again.get_data(as_text=True)


def test_teacher_cannot_invite_for_a_student_of_another_class(client, auth, world):
    make_guardian("some_parent")
    auth.sign_in("teacher_a")
    response = post(client, "/admin/guardian-links/invitations",
                    {"student": str(world["student_a3"].id), "identifier": "some_parent", "relationship": "parent"},
                    "/admin/guardian-links")
    assert response.status_code == 422


def test_request_notifies_the_school_and_the_child(db, world):
    guardian = make_guardian("notifier")
    with act(guardian):
        guardian_links.request_link(guardian, make_code(world["teacher_a"], world["student_a"]))
    with as_system():
        told = {n.user_id for n in UserNotification.select().where(
            UserNotification.data["kind"] == "guardian_link_request")}
    assert {world["teacher_a"].id, world["admin_a"].id, world["student_a"].id} <= told
    assert world["teacher_b"].id not in told


def test_every_link_change_is_audited(db, world):
    with act(world["admin_a"]):
        guardian_links.decide_link(world["admin_a"], world.links["pending"].id, LinkStatus.REJECTED)
    with as_system():
        row = (AuditLog.select()
               .where((AuditLog.table_name == "guardian_links") & (AuditLog.record_id == world.links["pending"].id)
                      & (AuditLog.action == "UPDATE"))
               .first())
    assert row.user_id == world["admin_a"].id and row.new_values["status"] == "REJECTED"


def test_the_student_sees_who_is_linked_to_them(app, db, world):
    with act(world["student_a"]):
        links = guardian_links.guardians_of_student(world["student_a"].id)
        assert [link.guardian_user.profile.display_name for link in links] == ["Gita Kumar"]
        with app.test_request_context():
            from flask import render_template_string
            html = render_template_string('{% include "students/_my_guardians.html" %}', my_guardians=links)
    assert "Gita Kumar" in html and "Approved" in html


def test_guessing_link_codes_is_throttled_per_guardian(db, world):
    from spark import accounts
    from spark.db import acting_as as acting

    guardian = world["guardian_pending"]
    with acting(guardian.id, "GUARDIAN", None):
        for _ in range(accounts.FAILURES_BEFORE_WAIT):
            with pytest.raises(guardian_links.LinkRefused):
                guardian_links.request_link(guardian, "ZZZZ-ZZZZ")
        with pytest.raises(guardian_links.LinkRefused) as refused:
            guardian_links.request_link(guardian, "ZZZZ-ZZZZ")
    assert "Too many wrong codes" in str(refused.value.message)
