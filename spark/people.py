"""Creating accounts: a user and their profile, always together."""
import re
import uuid

from spark.models import Profile, User
from spark.models.enums import Role
from spark.passwords import check_new_password, hash_password

USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{2,49}$")


def create_user(*, username, password, role, display_name, school_id=None, email=None,
                first_name=None, last_name=None, grade=None, preferred_language=None, avatar=None,
                one_time_password=False):
    """Create a user with their profile; the password must meet the rules.

    `one_time_password`: someone else chose it, so its owner must replace it at first sign-in.
    """
    username = username.strip().lower()
    if not USERNAME_PATTERN.match(username):
        raise ValueError("A username has 3 to 50 letters, digits, dots, dashes or underscores.")
    if role not in Role.ALL:
        raise ValueError(f"Unknown role {role!r}.")
    if role in (Role.STUDENT, Role.TEACHER) and not school_id:
        raise ValueError("Students and teachers belong to a school.")
    check_new_password(password, username)
    first, _, last = display_name.strip().partition(" ")
    user = User(
        id=uuid.uuid4(),
        username=username,
        email=email.strip().lower() if email else None,
        password_hash=hash_password(password),
        role=role,
        school=school_id,
        preferred_language=preferred_language,
        must_change_password=one_time_password,
    )
    # No RETURNING: the creator (a teacher importing a roster, a job) may not be allowed to read
    # the new account back before it is enrolled (docs/developing.md, the RLS trap).
    User.insert(**user.__data__).as_rowcount().execute()
    (Profile
     .insert(id=uuid.uuid4(), user=user.id, first_name=first_name or first,
             last_name=last_name if last_name is not None else last,
             display_name=display_name.strip(), grade=grade, avatar=avatar)
     .as_rowcount()
     .execute())
    return user
