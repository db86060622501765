"""Words shown to people for the values the database stores."""
from flask_babel import lazy_gettext as _l

ENROLLMENT_STATUS_NAMES = {
    "ACTIVE": _l("Active"),
    "INACTIVE": _l("Inactive"),
    "COMPLETED": _l("Completed"),
    "DROPPED": _l("Dropped"),
}

LINK_STATUS_NAMES = {
    "PENDING": _l("Waiting for approval"),
    "APPROVED": _l("Approved"),
    "REJECTED": _l("Not approved"),
    "BLOCKED": _l("Blocked"),
}

ROLE_NAMES = {
    "STUDENT": _l("Student"),
    "TEACHER": _l("Teacher"),
    "GUARDIAN": _l("Guardian"),
    "ADMIN": _l("School admin"),
}
