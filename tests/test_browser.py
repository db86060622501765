"""Browser tests: Playwright drives the system Chromium at a phone's 360×640 viewport.

They run against a real server process started with the README's serve
command, on its own database with the demo school loaded. Without Chromium
they skip, except in CI (SPARK_REQUIRE_BROWSER=1), where they must run.
"""
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from spark.db import APP_ROLE, OWNER_ROLE, bootstrap_database, drop_database, url_for_role
from spark.demo.loader import DEMO_PASSWORD

pytestmark = pytest.mark.browser
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
PROJECT_ROOT = Path(__file__).resolve().parent.parent
PHONE = {"width": 360, "height": 640}


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def live_server(server_url, tmp_path_factory):
    """`flask serve --demo` in its own process and database; yields its base URL."""
    name = f"spark_e2e_{os.getpid()}"
    drop_database(server_url, name)
    bootstrap_database(server_url, name)
    port = _free_port()
    instance = tmp_path_factory.mktemp("e2e-instance")
    env = dict(os.environ, DATABASE_URL=url_for_role(server_url, APP_ROLE, name),
               DATABASE_OWNER_URL=url_for_role(server_url, OWNER_ROLE, name),
               SPARK_INSTANCE_PATH=str(instance), SECRET_KEY="e2e-secret")
    log = open(instance / "server.log", "w")
    server = subprocess.Popen([sys.executable, "-m", "flask", "--app", "wsgi", "serve", "--demo", "--port", str(port)],
                              cwd=PROJECT_ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, server, instance / "server.log")
        yield base
    finally:
        server.terminate()
        server.wait(timeout=20)
        log.close()
        drop_database(server_url, name)


def _wait_until_up(base, server, log_path, seconds=120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail("the server stopped:\n" + log_path.read_text()[-3000:])
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    pytest.fail("the server did not start:\n" + log_path.read_text()[-3000:])


@pytest.fixture(scope="session")
def browser():
    """The system Chromium, headless."""
    if not os.path.exists(CHROMIUM):
        message = f"Chromium not found at {CHROMIUM}: install it (apt-get install chromium) to run browser tests"
        if os.environ.get("SPARK_REQUIRE_BROWSER"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync",
            "--disable-background-networking", "--disable-component-update"])
        yield chromium
        chromium.close()


@pytest.fixture(params=["javascript", "no-javascript"])
def phone(request, browser):
    """A fresh phone-sized page, with JavaScript on (htmx) and off (plain forms)."""
    context = browser.new_context(viewport=PHONE, locale="en-IN",
                                  java_script_enabled=request.param == "javascript")
    page = context.new_page()
    yield page
    context.close()


def sign_in(page, base, username):
    page.goto(base + "/")
    page.get_by_label("Username or email").fill(username)
    page.get_by_label("Password", exact=True).fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_demo_student_signs_in_and_sees_their_home(phone, live_server):
    from playwright.sync_api import expect

    sign_in(phone, live_server, "aarav")
    expect(phone.get_by_role("heading", name="Namaste, Aarav Patil!")).to_be_visible()
    expect(phone.get_by_text("7A Mathematics")).to_be_visible()
    expect(phone.get_by_text("Ravi Sharma").first).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_wrong_password_shows_the_error_next_to_the_form(phone, live_server):
    from playwright.sync_api import expect

    phone.goto(live_server + "/sign-in")
    phone.get_by_label("Username or email").fill("aarav")
    phone.get_by_label("Password", exact=True).fill("not the password")
    phone.get_by_role("button", name="Sign in").click()
    expect(phone.get_by_role("alert")).to_contain_text("That username or password is not right.")


def test_teacher_opens_a_class_roster_and_signs_out(phone, live_server):
    from playwright.sync_api import expect

    sign_in(phone, live_server, "ravi.sharma")
    phone.get_by_role("link", name="7A Mathematics").first.click()
    expect(phone.get_by_role("table")).to_contain_text("Aarav Patil")
    phone.get_by_role("button", name="Sign out").click()
    expect(phone.get_by_role("heading", name="Sign in to Spark")).to_be_visible()


def answer_question(page, question):
    """Fill one question's inputs with its right answer, as a student would."""
    kind, key = question["type"], question["correct_answer"]
    if kind == "MULTIPLE_CHOICE":
        for index in key["correct"]:
            page.locator(f"#answer-{index}").check()
    elif kind == "TRUE_FALSE":
        page.locator("#answer-true" if key["value"] else "#answer-false").check()
    elif kind == "SHORT_ANSWER":
        page.locator("#answer").fill(key["accepted"][0].replace("*", "") if "accepted" in key else str(key["numeric"]))
    elif kind == "ESSAY":
        page.locator("#answer").fill(key["sample_answer"])
    elif kind == "FILL_BLANK":
        for number, accepted in enumerate(key["blanks"], start=1):
            page.locator(f"#answer-{number}").fill(accepted[0])
    elif kind == "MATCHING":
        for left, right in key["pairs"]:
            page.locator(f"#answer-{left}").select_option(str(right))
    elif kind == "ORDERING":
        for item in range(len(question["options"])):
            page.locator(f"#answer-{item}").select_option(str(key["order"].index(item) + 1))


def test_student_reads_a_lesson_takes_a_quiz_of_every_type_and_sees_the_reward(request, phone, live_server):
    import re

    from playwright.sync_api import expect

    from spark.demo.content import COURSES

    science = next(course for course in COURSES if course["key"] == "g7-science")
    lesson = science["lessons"][0]
    quiz = lesson["quizzes"][0]
    assert {q["type"] for q in quiz["questions"]} >= {"MULTIPLE_CHOICE", "TRUE_FALSE", "SHORT_ANSWER", "ESSAY",
                                                       "FILL_BLANK", "MATCHING", "ORDERING"}
    # Demo students who have not started yet, one for each way of browsing.
    student = {"javascript": "arjun.nair", "no-javascript": "aadhya.rao"}[request.node.callspec.params["phone"]]
    sign_in(phone, live_server, student)
    phone.get_by_role("link", name="All my courses").click()
    phone.get_by_role("link", name=science["title"]).click()
    phone.get_by_role("link", name=lesson["title"]).click()
    expect(phone.get_by_role("heading", name=lesson["title"], level=1)).to_be_visible()
    phone.get_by_role("button", name="I have finished this lesson").click()
    expect(phone.locator(".flash.success")).to_contain_text(re.compile(r"\+\d+ XP"))
    expect(phone.locator(".flash.success")).to_contain_text("New badge: First Steps")
    phone.get_by_role("button", name="Start the quiz").click()
    total = len(quiz["questions"])
    for number, question in enumerate(quiz["questions"], start=1):
        expect(phone.get_by_text(f"Question {number} of {total}")).to_be_visible()
        answer_question(phone, question)
        phone.get_by_role("button", name="Save and next").click()
    expect(phone.get_by_role("heading", name="Ready to hand in?")).to_be_visible()
    expect(phone.get_by_text("You have answered every question.")).to_be_visible()
    phone.get_by_role("button", name="Hand in my answers").click()
    expect(phone.get_by_role("heading", name="Your result")).to_be_visible()
    expect(phone.get_by_text("Your teacher will mark your written answers.")).to_be_visible()
    expect(phone.get_by_text("Marked so far:")).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    phone.get_by_role("link", name="Notifications").click()
    expect(phone.get_by_text("New badge: First Steps")).to_be_visible()
