"""Demo teaching content for Spark: three grade-7 courses and the badges.

Pure data, no imports beyond this package. The format (the contract the loader,
the lesson reader and the quiz grader rely on) is in docs/content-format.md.
"""

from . import badges, english, mathematics, science

COURSES = [mathematics.COURSE, science.COURSE, english.COURSE]
BADGES = badges.BADGES

__all__ = ["COURSES", "BADGES"]
