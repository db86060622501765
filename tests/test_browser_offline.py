"""Browser test (issue 6): a student saves a lesson, learns offline, and the server gets it all back.

Playwright drives the system Chromium at 360×640 against the live demo server (tests/browser_support.py);
service workers work on http://127.0.0.1. The student is one nobody else's test uses.
"""
import os
import re

import psycopg2
import pytest

from tests.browser_support import PHONE, sign_in
from tests.test_browser import answer_question

pytestmark = pytest.mark.browser
STUDENT = "siya.agarwal"  # a demo student with no history and no hand-in (STUDENT_NAMES[27])


def server_rows(server_url, sql, params):
    """Rows of the live server's database, read as the superuser (row-level security does not apply)."""
    with psycopg2.connect(server_url, dbname=f"spark_e2e_{os.getpid()}") as conn, conn.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def test_student_learns_offline_and_nothing_is_lost_when_the_phone_syncs(browser, live_server, server_url):
    from playwright.sync_api import expect

    from spark.demo.content import COURSES
    from spark.demo.loader import demo_id

    maths = next(course for course in COURSES if course["key"] == "g7-maths")
    lesson, quiz = maths["lessons"][0], maths["lessons"][0]["quizzes"][0]
    context = browser.new_context(viewport=PHONE, locale="en-IN")
    page = context.new_page()
    try:
        sign_in(page, live_server, STUDENT)
        page.get_by_role("link", name="All my courses").click()
        page.get_by_role("link", name=maths["title"]).click()
        page.get_by_role("link", name=lesson["title"]).click()
        expect(page.get_by_role("heading", name=lesson["title"], level=1)).to_be_visible()
        lesson_url = page.url
        page.get_by_role("button", name="Save for offline").click()
        expect(page.get_by_role("heading", name="Saved for offline")).to_be_visible()
        expect(page.get_by_text("Ready offline")).to_be_visible(timeout=15000)  # its pages are on the phone
        page.evaluate("navigator.serviceWorker.ready.then(() => true)")

        context.set_offline(True)
        page.goto(lesson_url)
        page.reload()
        expect(page.get_by_role("heading", name=lesson["title"], level=1)).to_be_visible()
        expect(page.locator("#sync-status")).to_contain_text("Offline")
        page.wait_for_timeout(2500)  # reading
        page.get_by_role("button", name="I have finished this lesson").click()
        expect(page.get_by_text("This lesson counts as finished as soon as your phone syncs")).to_be_visible()
        expect(page.locator("#sync-status")).to_contain_text(re.compile(r"Waiting to sync: [2-9]"))  # opened, finished
        page.get_by_role("link", name=f"Quiz: {quiz['title']}").click()
        total = len(quiz["questions"])
        for number, question in enumerate(quiz["questions"], start=1):
            expect(page.get_by_text(f"Question {number} of {total}")).to_be_visible()
            answer_question(page, question)
            page.get_by_role("button", name="Save and next").click()
        expect(page.get_by_role("heading", name="Ready to hand in?")).to_be_visible()
        expect(page.get_by_text(f"Answered: {total} of {total}")).to_be_visible()
        page.get_by_role("button", name="Hand in my answers").click()
        expect(page.get_by_text("Handed in.")).to_be_visible()
        expect(page.locator("#sync-status")).to_contain_text(re.compile(r"Waiting to sync: [3-9]"))
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

        context.set_offline(False)
        expect(page.locator("#sync-status")).to_contain_text("Last sync", timeout=30000)
        expect(page.locator("#sync-status")).not_to_contain_text("Waiting")
    finally:
        context.close()

    student_id = str(demo_id(f"user:{STUDENT}"))
    (status, time_spent, completed_at), = server_rows(
        server_url, "SELECT p.status, p.time_spent, p.completed_at FROM student_progress p JOIN lessons l"
                    " ON l.id = p.lesson_id WHERE p.student_id = %s AND l.title = %s", (student_id, lesson["title"]))
    (score, passed, submitted_at), = server_rows(
        server_url, "SELECT s.score, s.passed, s.submitted_at FROM submissions s JOIN quizzes q ON q.id = s.quiz_id"
                    " WHERE s.student_id = %s AND q.title = %s", (student_id, quiz["title"]))
    synced_at, = server_rows(server_url, "SELECT min(created_at) FROM sync_logs WHERE user_id = %s"
                                         " AND processed_actions > 0", (student_id,))[0]
    rewards = server_rows(server_url, "SELECT reason, amount, occurred_at FROM reward_ledger WHERE student_id = %s",
                          (student_id,))
    assert status == "COMPLETED" and time_spent >= 2
    assert score == 100 and passed
    assert completed_at < synced_at and submitted_at < synced_at  # the moments of the offline work
    reasons = {reason for reason, amount, occurred_at in rewards if amount > 0}
    assert {"LESSON_COMPLETED", "QUIZ_PASSED"} <= reasons
    assert all(occurred_at < synced_at for _, _, occurred_at in rewards)
