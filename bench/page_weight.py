"""Page weight against the budget (ARCHITECTURE.md, 11), measured compressed as a phone receives it.

Run by hand against a running Spark with the demo loaded:
    .venv/bin/python bench/page_weight.py [http://127.0.0.1:5000]
First visit = the page's HTML + every stylesheet and script it links; a later
navigation = the HTML alone (CSS and JS come from the cache).
"""
import gzip
import http.cookiejar
import re
import sys
import urllib.parse
import urllib.request

BASE = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:5000"
PASSWORD = "learn-with-spark"
PAGES = [("aarav", "/student/"), ("aarav", "lesson"), ("aarav", "quiz"), ("aarav", "/student/badges"),
         ("ravi.sharma", "/teacher/"), ("sunita.patil", "/guardian/"), ("meera.admin", "/admin/"),
         (None, "/sign-in")]


def find_page(browser, kind):
    """The first lesson (or quiz) of the student's first course."""
    _, courses = fetch(browser, "/student/courses")
    course = re.search(r'href="(/student/courses/[0-9a-f-]+)"', courses).group(1)
    _, outline = fetch(browser, course)
    lesson = re.search(r'href="(/student/lessons/[0-9a-f-]+)"', outline).group(1)
    if kind == "lesson":
        return lesson
    _, page = fetch(browser, lesson)
    return re.search(r'href="(/student/quizzes/[0-9a-f-]+)"', page).group(1)
FIRST_VISIT_BUDGET, NAVIGATION_BUDGET = 30 * 1024, 10 * 1024


def opener():
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))


def fetch(browser, path, data=None, headers=None):
    request = urllib.request.Request(BASE + path, data=data, headers={"Accept-Encoding": "gzip", **(headers or {})})
    with browser.open(request) as response:
        raw = response.read()
        body = gzip.decompress(raw) if response.headers.get("Content-Encoding") == "gzip" else raw
        return len(raw), body.decode("utf-8", "replace")


def sign_in(browser, username):
    _, html = fetch(browser, "/sign-in")
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)
    form = urllib.parse.urlencode({"identifier": username, "password": PASSWORD, "csrf_token": token}).encode()
    fetch(browser, "/sign-in", data=form)


def main():
    print(f"{'page':<60} {'HTML':>7} {'CSS+JS':>8} {'first visit':>12} {'navigation':>11}  budget")
    for username, path in PAGES:
        browser = opener()
        if username:
            sign_in(browser, username)
        if not path.startswith("/"):
            path = find_page(browser, path)
        html_bytes, html = fetch(browser, path)
        assets = re.findall(r'(?:href|src)="(/static/[^"]+\.(?:css|js)[^"]*)"', html)
        asset_bytes = sum(fetch(browser, asset.replace("&amp;", "&"))[0] for asset in assets)
        first = html_bytes + asset_bytes
        ok = first <= FIRST_VISIT_BUDGET and html_bytes <= NAVIGATION_BUDGET
        print(f"{path:<60} {html_bytes:>7} {asset_bytes:>8} {first:>12} {html_bytes:>11}  {'within' if ok else 'OVER'}")


if __name__ == "__main__":
    main()
