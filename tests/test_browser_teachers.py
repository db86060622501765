"""A teacher at 360×640 looks at a class: roster, student search, insight with its pictures.

Read-only on purpose: the demo school's server is shared by every browser test of a run.
"""
import os

from tests.browser_support import PHONE, sign_in  # noqa: F401

SHOTS = os.environ.get("SPARK_SCREENSHOTS")  # a folder to save screenshots in, when set


def test_teacher_reads_roster_and_insight_on_a_phone(phone, live_server):  # noqa: F811
    from playwright.sync_api import expect

    sign_in(phone, live_server, "lakshmi.iyer")
    phone.get_by_role("link", name="Insight").first.click()
    expect(phone.get_by_role("heading", name="Who needs help")).to_be_visible()
    expect(phone.locator("svg.chart")).to_have_count(2)
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    if SHOTS:
        phone.screenshot(path=os.path.join(SHOTS, "insight.png"), full_page=True)
    phone.get_by_role("link", name="Roster").first.click()
    expect(phone.get_by_role("table")).to_contain_text("Aarav Patil")
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    if SHOTS:
        phone.screenshot(path=os.path.join(SHOTS, "roster.png"), full_page=True)
    phone.get_by_role("link", name="Add students").first.click()
    phone.get_by_label("Name or username").fill("aarav")
    phone.get_by_label("Name or username").press("Enter")
    expect(phone.locator("#search-results")).to_contain_text("Aarav Patil")
    expect(phone.locator("#search-results")).to_contain_text("In this class")
