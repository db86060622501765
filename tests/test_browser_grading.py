"""Browser test: the demo English teacher grades three hand-ins in place on a 360×640 phone, with and without JS."""
import pytest

from tests.browser_support import PHONE, sign_in  # noqa: F401

pytestmark = pytest.mark.browser

# farhan.khan's 7B English "Letter to a friend" (spark/demo/loader.py, _assignments).
GRADES = [("Shaurya Thakur", "17", "Lively letter."), ("Pari Saxena", "15.5", "Check your spelling."),
          ("Atharv Pawar", "19", "Excellent format.")]


def test_teacher_grades_three_submissions_in_place(phone, live_server):  # noqa: F811
    from playwright.sync_api import expect

    sign_in(phone, live_server, "farhan.khan")
    phone.goto(live_server + "/teacher/assignments")
    phone.get_by_role("link", name="Letter to a friend").click()
    expect(phone.get_by_role("heading", name="Letter to a friend")).to_be_visible()
    grading_url = phone.url
    for name, score, feedback in GRADES:
        row = phone.locator("table.grading tbody tr").filter(has_text=name)
        row.get_by_label("Score (0–20)").fill(score)
        row.get_by_label("Feedback").fill(feedback)
        row.get_by_role("button", name="Save", exact=True).click()
        row = phone.locator("table.grading tbody tr").filter(has_text=name)
        expect(row).to_contain_text("Graded")
        expect(row.get_by_label("Feedback")).to_have_value(feedback)
    assert phone.url.split("#")[0].split("?")[0] == grading_url.split("?")[0]
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_score_above_the_maximum_is_refused_in_the_row(phone, live_server):  # noqa: F811
    from playwright.sync_api import expect

    sign_in(phone, live_server, "farhan.khan")
    phone.goto(live_server + "/teacher/assignments")
    phone.get_by_role("link", name="Letter to a friend").click()
    row = phone.locator("table.grading tbody tr").filter(has_text="Tara Hegde")
    row.get_by_label("Score (0–20)").fill("25")
    row.get_by_role("button", name="Save", exact=True).click()
    expect(phone.locator("table.grading tbody tr").filter(has_text="Tara Hegde").get_by_role("alert")).to_contain_text(
        "between 0 and 20")
