"""Signing in and out, throttling, sessions that end, passwords."""
import pytest

from spark import accounts
from spark.db import as_system
from spark.models import LoginThrottle, User
from spark.passwords import PasswordRejected, check_new_password, hash_password
from tests.conftest import csrf_token
from tests.factories import PASSWORD


def test_student_signs_in_with_username_and_lands_home(auth, world):
    response = auth.sign_in("student_a")
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/student/")
    with as_system():
        assert User.get_by_id(world["student_a"].id).last_login_at is not None


def test_sign_in_with_email_is_case_insensitive(auth, world):
    response = auth.sign_in("  ANIL@example.org ")
    assert response.status_code == 302


@pytest.mark.parametrize("username, home", [
    ("teacher_a", "/teacher/"), ("guardian_a", "/guardian/"), ("admin_a", "/admin/"),
    ("platform_admin", "/admin/")])
def test_each_role_lands_on_its_home(auth, world, username, home):
    assert auth.sign_in(username).headers["Location"].endswith(home)


def test_wrong_password_and_unknown_user_are_answered_alike(auth, world):
    wrong = auth.sign_in("student_a", "not the password")
    unknown = auth.sign_in("nobody_here", "not the password")
    assert wrong.status_code == unknown.status_code == 422
    message = "That username or password is not right."
    assert message in wrong.get_data(as_text=True)
    assert message in unknown.get_data(as_text=True)


def test_inactive_user_cannot_sign_in(auth, world):
    response = auth.sign_in("inactive_a")
    assert response.status_code == 422
    assert "switched off" in response.get_data(as_text=True)
    assert auth.client.get("/student/").status_code == 302


def test_repeated_failures_throttle_the_account_not_the_classmate(auth, world):
    for _ in range(accounts.FAILURES_BEFORE_WAIT):
        assert auth.sign_in("student_a", "guess guess").status_code == 422
    throttled = auth.sign_in("student_a", PASSWORD)
    assert throttled.status_code == 429
    assert int(throttled.headers["Retry-After"]) > 0
    assert "Try again in" in throttled.get_data(as_text=True)
    # Same address, another account: not affected.
    assert auth.sign_in("student_a2").status_code == 302


def test_unknown_accounts_are_throttled_too(auth, world):
    for _ in range(accounts.FAILURES_BEFORE_WAIT):
        auth.sign_in("ghost_user", "guess guess")
    assert auth.sign_in("ghost_user", "guess guess").status_code == 429


def test_throttle_window_expires(db, world):
    start = accounts.utcnow()
    for _ in range(accounts.FAILURES_BEFORE_WAIT):
        with pytest.raises(accounts.SignInRefused):
            accounts.sign_in("student_a2", "wrong guess", now=start)
    with pytest.raises(accounts.SignInThrottled) as throttled:
        accounts.sign_in("student_a2", PASSWORD, now=start)
    assert throttled.value.retry_after == 60
    later = start + accounts.FIRST_WAIT + accounts.FAILURE_WINDOW
    assert accounts.sign_in("student_a2", PASSWORD, now=later).username == "student_a2"
    assert LoginThrottle.get_or_none(LoginThrottle.identifier == "student_a2") is None


def test_sign_in_without_csrf_token_is_refused(client, world):
    response = client.post("/sign-in", data={"identifier": "student_a", "password": PASSWORD})
    assert response.status_code == 400
    assert "This form has expired" in response.get_data(as_text=True)


@pytest.mark.parametrize("target", [
    "//evil.example/", "https://evil.example/", "/\\evil.example", "javascript:alert(1)", "http:/x"])
def test_next_url_off_site_is_refused(client, world, target):
    token = csrf_token(client.get("/sign-in"))
    response = client.post("/sign-in", query_string={"next": target},
                           data={"identifier": "student_a", "password": PASSWORD, "csrf_token": token})
    assert response.headers["Location"] == "/student/"


def test_next_url_on_site_is_followed(client, world):
    token = csrf_token(client.get("/sign-in"))
    response = client.post("/sign-in?next=/password",
                           data={"identifier": "student_a", "password": PASSWORD, "csrf_token": token})
    assert response.headers["Location"] == "/password"


def test_old_session_cookie_replayed_after_sign_out_is_refused(app, auth, world):
    auth.sign_in("student_a")
    cookie = auth.client.get_cookie("spark_session").value
    assert auth.sign_out().status_code == 302
    replay = app.test_client()
    replay.set_cookie("spark_session", cookie)
    assert replay.get("/student/").status_code == 302  # back to sign-in


def test_sign_out_ends_the_other_devices_sessions(app, auth, world):
    auth.sign_in("student_a")
    phone = app.test_client()
    from tests.conftest import Auth
    Auth(phone).sign_in("student_a")
    assert phone.get("/student/").status_code == 200
    auth.sign_out()
    assert phone.get("/student/").status_code == 302


def test_password_change_keeps_this_session_and_ends_others(app, auth, world):
    auth.sign_in("student_a")
    from tests.conftest import Auth
    other = app.test_client()
    Auth(other).sign_in("student_a")
    page = auth.client.get("/password")
    response = auth.client.post("/password", data={
        "current_password": PASSWORD, "new_password": "mango lassi every sunday",
        "confirm_password": "mango lassi every sunday", "csrf_token": csrf_token(page)})
    assert response.status_code == 302
    assert auth.client.get("/student/").status_code == 200
    assert other.get("/student/").status_code == 302
    assert Auth(app.test_client()).sign_in("student_a", "mango lassi every sunday").status_code == 302


def test_password_change_with_wrong_current_password_is_refused(auth, world):
    auth.sign_in("student_a")
    page = auth.client.get("/password")
    response = auth.client.post("/password", data={
        "current_password": "wrong one", "new_password": "mango lassi every sunday",
        "confirm_password": "mango lassi every sunday", "csrf_token": csrf_token(page)})
    assert response.status_code == 422
    assert "Your current password is not right." in response.get_data(as_text=True)


def test_deactivation_ends_sessions(app, auth, world):
    auth.sign_in("student_a3")
    with as_system():
        accounts.set_user_active(User.get_by_id(world["student_a3"].id), False)
    assert auth.client.get("/student/").status_code == 302


@pytest.mark.parametrize("password", ["short", "password", "12345678", "iloveyou", "qwertyuiop"])
def test_weak_passwords_are_refused(password):
    with pytest.raises(PasswordRejected):
        check_new_password(password)


def test_password_equal_to_username_is_refused():
    with pytest.raises(PasswordRejected):
        check_new_password("student_a", "student_a")


def test_long_passphrases_are_accepted_whole():
    long_password = "a very long passphrase about monsoon rains and cricket " * 2
    check_new_password(long_password[:128])
    hashed = hash_password(long_password[:100])
    from spark.passwords import verify_password
    assert verify_password(hashed, long_password[:100])
    assert not verify_password(hashed, long_password[:99])


def test_passwords_are_hashed_with_owasp_argon2id():
    assert hash_password("mango lassi every sunday").startswith("$argon2id$v=19$m=19456,t=2,p=1$")


def test_a_one_time_password_must_be_replaced_before_anything_else(app, auth, world):
    from spark import admin_users

    with as_system():
        password = admin_users.reset_password(User.get_by_id(world["student_a3"].id))
    assert auth.sign_in("student_a3", password).headers["Location"] == "/student/"
    home = auth.client.get("/student/")
    assert home.status_code == 302 and home.headers["Location"] == "/password"
    assert auth.client.get("/student/", headers={"HX-Request": "true"}).headers["HX-Redirect"] == "/password"
    page = auth.client.get("/password")
    assert "Choose your own password" in page.get_data(as_text=True)
    changed = auth.client.post("/password", data={
        "current_password": password, "new_password": "tamarind rice on tuesday",
        "confirm_password": "tamarind rice on tuesday", "csrf_token": csrf_token(page)})
    assert changed.status_code == 302
    assert auth.client.get("/student/").status_code == 200
