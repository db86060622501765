"""Browser tests of signing in and learning: Playwright at 360×640 (fixtures in tests/browser_support.py)."""
import pytest

from tests.browser_support import PHONE, sign_in, sign_out

pytestmark = pytest.mark.browser


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
    sign_out(phone)
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
