"""Importing a class roster from a CSV file: student accounts, usernames, one-time passwords.

The file: UTF-8 (with or without a byte-order mark), a header row naming the columns
`name` and `grade`, and optionally `email` and `guardian contact` (any case; a few
spellings are accepted, see COLUMNS). Hindi and other non-Latin names are welcome.

Rules:
- A file over MAX_BYTES, or with MAX_ROWS data rows or more, is refused at once, before
  any row is read further; so is a file that is not UTF-8 or whose header is wrong.
- Every row is checked first: an empty name, a grade that is not 6 to 12, an email that
  is not one or already has an account, the same name and grade twice in the file, a
  name already on the class's roster (a second click on "create" lands here too).
  The class must have a free seat (max_students) for every row.
- Nothing is created unless every row passes; then every account, profile and
  enrollment is created in one transaction, with the class row locked, so two imports
  into one class cannot both take the last seats.
- Usernames come from the name, ASCII-folded ("Aarav Śarmā" -> "aarav.s"); a name with
  no Latin letters gets `student<grade><section>-NNN`. Each is unique across Spark
  (checked through the SQL function `spark_identifiers_taken`, sql/0011_rosters.sql).
- Each student gets a random one-time password of two short words and two digits. It
  is returned once, for the login cards, and never stored but as its hash.
- The guardian contact is printed on the card (so the teacher knows whom to give it
  to) and not stored: Spark has no place for a guardian without an account yet.

A teacher may create STUDENT accounts of their school (users policy), but cannot read a
profile before the student is enrolled in their class, so profiles are inserted after
the enrollments and without RETURNING (docs/database.md, "Traps").
"""
import csv
import io
import re
import secrets
import unicodedata
import uuid
from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l
from peewee import IntegrityError, fn

from spark.classes import ClassRefused, active_student_count, lock_class
from spark.db import database
from spark.models import Enrollment, Profile, User
from spark.models.enums import EnrollmentStatus, Role
from spark.passwords import check_new_password, hash_password
from spark.people import USERNAME_PATTERN

MAX_BYTES = 1_000_000
MAX_ROWS = 10_000  # data rows; a file with this many or more is refused at once
NAME_MAX = 150     # profiles.display_name
EMAIL_MAX = 255
CONTACT_MAX = 100

# Header (lowercased, spaces and underscores alike) -> field.
COLUMNS = {
    "name": "name", "student name": "name", "full name": "name",
    "grade": "grade", "class": "grade",
    "email": "email", "e-mail": "email", "email address": "email",
    "guardian contact": "contact", "guardian": "contact", "guardian phone": "contact",
    "guardian email": "contact", "parent contact": "contact", "contact": "contact", "phone": "contact",
}
REQUIRED = ("name", "grade")
EMAIL_PATTERN = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

# Short, common, unambiguous words a child can read and type on a phone.
WORDS = (
    "ant bat bee bird boat book cake calm cat cloud coin corn cow crow cup deer desk dog "
    "door drum duck eagle earth egg fan farm fish flag frog fruit game gift goat gold "
    "grape green hat hill home horse ink jam jar jeep kite lamp leaf lion lotus mango "
    "map milk moon mouse nest nut ocean owl palm park pearl pen pink plum pond queen "
    "rain red rice river road rose ruby sand seed ship shoe silk sky snow sock song star "
    "stone sugar sun swan table tea tiger top tree truck tulip van vine wave whale wheat "
    "wind wolf yak zebra apple banana candle dance flute honey igloo jelly lemon melon "
    "noodle orange parrot pencil pillow rocket salt tomato violin water yellow"
).split()


class RosterRefused(ClassRefused):
    """A roster file refused as a whole (too big, not UTF-8, wrong header, too many students)."""


@dataclass
class RosterRow:
    """One data row of the file, with what is wrong with it."""

    line: int
    name: str
    grade_text: str
    email: str = ""
    contact: str = ""
    grade: int | None = None
    errors: list = field(default_factory=list)


@dataclass
class RosterPlan:
    """The checked rows, what is wrong with the file as a whole, and the seats left."""

    rows: list
    problems: list
    seats_left: int

    @property
    def ok(self) -> bool:
        """True when every row passed and the class has room for them all."""
        return not self.problems and all(not row.errors for row in self.rows)

    @property
    def error_count(self) -> int:
        """How many rows have something wrong."""
        return sum(1 for row in self.rows if row.errors)


@dataclass(frozen=True)
class LoginCard:
    """What a student needs to sign in the first time."""

    display_name: str
    username: str
    password: str
    grade: int
    contact: str


def read_roster(data: bytes) -> list:
    """Parse a roster file into rows; raise RosterRefused when the file as a whole is wrong."""
    if len(data) > MAX_BYTES:
        raise RosterRefused(_l("This file is larger than 1 MB. Split the roster into smaller files."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise RosterRefused(_l("This file is not UTF-8 text. In your spreadsheet, save it as “CSV UTF-8”.")) from None
    try:
        lines = [line for line in csv.reader(io.StringIO(text, newline=""))]
    except csv.Error:
        raise RosterRefused(_l("We could not read this file as CSV.")) from None
    lines = [line for line in lines if any(cell.strip() for cell in line)]
    if not lines:
        raise RosterRefused(_l("This file is empty."))
    columns = _columns(lines[0])
    data_lines = lines[1:]
    if len(data_lines) >= MAX_ROWS:
        raise RosterRefused(_l("This file has %(num)d rows or more. Import at most one class at a time.",
                               num=MAX_ROWS))
    if not data_lines:
        raise RosterRefused(_l("This file has a header but no students."))
    rows = []
    for number, cells in enumerate(data_lines, start=2):
        values = {name: (cells[index].strip() if index < len(cells) else "") for name, index in columns.items()}
        rows.append(RosterRow(line=number, name=" ".join(values["name"].split()),
                              grade_text=values["grade"], email=values.get("email", ""),
                              contact=values.get("contact", "")))
    return rows


def _columns(header):
    """Map each field to its column index; refuse unknown, missing or repeated columns."""
    columns = {}
    for index, raw in enumerate(header):
        key = " ".join(raw.strip().lower().replace("_", " ").split())
        name = COLUMNS.get(key)
        if name is None or name in columns:
            raise RosterRefused(_l("The header must name the columns name and grade, and may add email and "
                                   "guardian contact. “%(column)s” is not one of them (or is there twice).",
                                   column=raw.strip()[:40] or "?"))
        columns[name] = index
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        raise RosterRefused(_l("The header must name the columns name and grade, and may add email and "
                               "guardian contact. Missing: %(columns)s.", columns=", ".join(missing)))
    return columns


def check_roster(school_class, rows) -> RosterPlan:
    """Check every row against the rules and the class (three queries); nothing is written."""
    seen = {}
    for row in rows:
        _check_row(row)
        key = (row.name.casefold(), row.grade_text)
        if row.name and key in seen:
            row.errors.append(_l("The same name and grade as line %(line)d.", line=seen[key]))
        seen.setdefault(key, row.line)
    on_roster = _names_on_roster(school_class, [row.name for row in rows if row.name])
    for row in rows:
        if row.name.casefold() in on_roster:
            row.errors.append(_l("A student with this name is already in this class."))
    emails = [row.email.lower() for row in rows if row.email and not row.errors]
    taken = identifiers_taken(emails)
    for row in rows:
        if row.email and row.email.lower() in taken:
            row.errors.append(_l("This email already belongs to an account."))
    free = max(0, school_class.max_students - active_student_count(school_class.id))
    problems = []
    if len(rows) > free:
        problems.append(_l("This class has room for %(free)d more students (its limit is %(max)d); "
                           "the file has %(rows)d.", free=free, max=school_class.max_students, rows=len(rows)))
    if not school_class.is_active:
        problems.append(_l("This class is archived: bring it back before adding students."))
    return RosterPlan(rows=rows, problems=problems, seats_left=free)


def _check_row(row):
    if not row.name:
        row.errors.append(_l("The name is empty."))
    elif len(row.name) > NAME_MAX:
        row.errors.append(_l("The name is longer than %(num)d characters.", num=NAME_MAX))
    try:
        row.grade = int(row.grade_text)
    except ValueError:
        row.grade = None
    if row.grade is None or not 6 <= row.grade <= 12:
        row.errors.append(_l("The grade must be a number from 6 to 12."))
    if row.email and (len(row.email) > EMAIL_MAX or not EMAIL_PATTERN.match(row.email)):
        row.errors.append(_l("This is not an email address."))
    if len(row.contact) > CONTACT_MAX:
        row.errors.append(_l("The guardian contact is longer than %(num)d characters.", num=CONTACT_MAX))


def _names_on_roster(school_class, names):
    if not names:
        return set()
    folded = {name.casefold() for name in names}
    rows = (Profile
            .select(Profile.display_name)
            .join(Enrollment, on=(Enrollment.student == Profile.user))
            .where((Enrollment.school_class == school_class.id)
                   & (fn.LOWER(Profile.display_name).in_([name.lower() for name in names])))
            .tuples())
    return {name.casefold() for (name,) in rows} & folded


def identifiers_taken(identifiers) -> set:
    """The lowercased usernames or emails among these that some account already has (one query per 2000)."""
    identifiers = sorted({i.lower() for i in identifiers if i})
    taken = set()
    for start in range(0, len(identifiers), 2000):
        cursor = database.execute_sql("SELECT spark_identifiers_taken(%s::text[])",
                                      (identifiers[start:start + 2000],))
        taken.update(value for (value,) in cursor.fetchall())
    return taken


def import_roster(school_class, rows, teacher_id) -> list:
    """Create an account for every row and enroll it in the class; return the login cards.

    Raises RosterRefused (nothing written) when any row fails the checks, which run again
    here with the class locked. The cards are the only place the passwords ever appear.
    """
    with database.atomic():
        locked = lock_class(school_class.id)
        plan = check_roster(locked, rows)
        if not plan.ok:
            refused = RosterRefused(_l("Nothing was created: fix the rows marked below and try again."))
            refused.plan = plan
            raise refused
        usernames = choose_usernames(locked, [row.name for row in rows])
        cards = [LoginCard(row.name, username, one_time_password(username), row.grade, row.contact)
                 for row, username in zip(rows, usernames)]
        try:
            with database.atomic():
                _create_accounts(locked, rows, cards)
        except IntegrityError:
            # Another import took one of these usernames or emails a moment ago.
            raise RosterRefused(_l("Someone else created accounts with these names at the same moment. "
                                   "Nothing was created; please try again.")) from None
    return cards


def _create_accounts(school_class, rows, cards):
    user_ids = [uuid.uuid4() for _ in rows]
    (User
     .insert_many([{"id": user_id, "username": card.username, "email": row.email.lower() or None,
                    "password_hash": hash_password(card.password), "role": Role.STUDENT,
                    "must_change_password": True,
                    "school": school_class.school_id}
                   for user_id, row, card in zip(user_ids, rows, cards)])
     .as_rowcount()
     .execute())
    (Enrollment
     .insert_many([{"id": uuid.uuid4(), "student": user_id, "school_class": school_class.id,
                    "status": EnrollmentStatus.ACTIVE} for user_id in user_ids])
     .as_rowcount()
     .execute())
    profiles = []
    for user_id, row in zip(user_ids, rows):
        first, _, last = row.name.partition(" ")
        profiles.append({"id": uuid.uuid4(), "user": user_id, "first_name": first[:100],
                         "last_name": last[:100], "display_name": row.name, "grade": row.grade})
    Profile.insert_many(profiles).as_rowcount().execute()


def choose_usernames(school_class, names) -> list:
    """A free username for each name, unique in the list and across Spark (a query or two).

    Names sharing a base get its free numbers in file order: ravi.k, ravi.k2, ravi.k3…
    """
    fallback = f"student{school_class.grade}{_ascii_slug(school_class.section or '')}"
    waiting = {}
    for index, name in enumerate(names):
        waiting.setdefault(username_base(name) or None, []).append(index)
    chosen = [None] * len(names)
    next_number = {base: 1 for base in waiting}
    used = set()  # "ravik" + 2 and a name "Ravik2" would otherwise meet
    for _round in range(10):
        if not waiting:
            return chosen
        # Ask for a few spare candidates per base, so one round is usually enough.
        offered = {base: [_candidate(base, fallback, n)
                          for n in range(next_number[base], next_number[base] + len(indices) + 5)]
                   for base, indices in waiting.items()}
        taken = identifiers_taken([c for candidates in offered.values() for c in candidates])
        for base, candidates in offered.items():
            free = [candidate for candidate in candidates if candidate not in taken and candidate not in used]
            indices = waiting[base]
            for index, candidate in zip(indices, free):
                chosen[index] = candidate
                used.add(candidate)
            waiting[base] = indices[len(free):]
            next_number[base] += len(candidates)
        waiting = {base: indices for base, indices in waiting.items() if indices}
    raise RosterRefused(_l("We could not find free usernames for these names. Please try again."))


def _candidate(base, fallback, number):
    if base:
        return base if number == 1 else f"{base}{number}"
    return f"{fallback}-{number:03d}"


def username_base(name: str) -> str:
    """The first name and the initial of the last, ASCII-folded and lowercased; '' for a name with no Latin letters."""
    words = [_ascii_slug(word) for word in name.split()]
    words = [word for word in words if word]
    if not words:
        return ""
    base = words[0][:20]
    if len(words) > 1:
        base = f"{base}.{words[-1][0]}"
    return base if len(base) >= 3 and USERNAME_PATTERN.match(base) else ""


def _ascii_slug(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text)
    return re.sub(r"[^a-z0-9]", "", folded.encode("ascii", "ignore").decode().lower())


def one_time_password(username: str) -> str:
    """Two short words and two digits (e.g. `mango-river-42`), easy to read off a card."""
    while True:
        password = f"{secrets.choice(WORDS)}-{secrets.choice(WORDS)}-{secrets.randbelow(90) + 10}"
        try:
            check_new_password(password, username)
            return password
        except ValueError:
            continue
