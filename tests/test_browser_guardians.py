"""Browser test at 360×640: a guardian enters a link code, a teacher approves it, the guardian sees the week.

Uses the demo guardian kavita.kulkarni (whose own link to aditya.kulkarni stays pending) and the
science teacher lakshmi.iyer; each JavaScript mode links a different child, so the two runs
(and a rerun on the same server) never collide.
"""
import re

import pytest

from tests.browser_support import PHONE, sign_in, sign_out  # noqa: F401

pytestmark = pytest.mark.browser
CHILD = {"javascript": ("ishita.gupta", "Ishita Gupta"), "no-javascript": ("kavya.menon", "Kavya Menon")}


def signed_in(page, base, username):
    """Sign in and wait until the signed-in page has arrived (htmx swaps it in with JavaScript on)."""
    sign_in(page, base, username)
    page.wait_for_load_state("networkidle")


def test_guardian_links_with_a_code_and_sees_the_week(phone, live_server, request):
    from playwright.sync_api import expect

    username, name = CHILD[request.node.callspec.params["phone"]]
    signed_in(phone, live_server, "lakshmi.iyer")
    phone.goto(live_server + "/admin/guardian-links")
    phone.get_by_label("Student").first.select_option(label=f"{name} (@{username})")
    phone.get_by_role("button", name="Make a code").click()
    code = phone.locator(".code-once strong").inner_text()
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}", code)
    sign_out(phone)

    signed_in(phone, live_server, "kavita.kulkarni")
    phone.get_by_label("Link code").fill(code)
    phone.get_by_role("button", name="Ask to follow").click()
    expect(phone.get_by_text("Your request is sent")).to_be_visible()
    expect(phone.get_by_text(name)).to_have_count(0)
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    sign_out(phone)

    signed_in(phone, live_server, "lakshmi.iyer")
    phone.goto(live_server + "/admin/guardian-links")
    request = phone.locator("#link-queue li").filter(has_text="Kavita Kulkarni").filter(has_text=name)
    request.get_by_role("button", name="Approve").click()
    expect(phone.get_by_text("Saved: Approved.")).to_be_visible()
    sign_out(phone)

    signed_in(phone, live_server, "kavita.kulkarni")
    phone.get_by_role("link", name=name).click()
    expect(phone.get_by_role("heading", name=name)).to_be_visible()
    expect(phone.get_by_role("heading", name=re.compile("This week"))).to_be_visible()
    expect(phone.get_by_text("Days active")).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]

