"""Password hashing (argon2id) and the rules a new password must meet."""
from functools import lru_cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask_babel import lazy_gettext as _l

# OWASP's argon2id minimum: 19 MiB of memory, two passes, one lane.
_hasher = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)

MIN_LENGTH = 8
# Long passphrases are welcome; argon2 reads every byte, so nothing is truncated.
MAX_LENGTH = 128
# How many of the most common passwords (zxcvbn's ranked list) are refused.
COMMON_PASSWORDS_REFUSED = 10_000


class PasswordRejected(ValueError):
    """A new password that breaks a rule; `message` is shown to the user."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def hash_password(password: str) -> str:
    """Return the argon2id hash of a password."""
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Check a password against a hash; with no hash, spend the same time and fail."""
    try:
        return _hasher.verify(password_hash or _dummy_hash(), password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """True when the hash was made with weaker parameters than today's."""
    return _hasher.check_needs_rehash(password_hash)


def check_new_password(password: str, username: str | None = None) -> None:
    """Raise PasswordRejected when a new password is too short, too long or too common."""
    if len(password) < MIN_LENGTH:
        raise PasswordRejected(_l("Use at least %(count)d characters.", count=MIN_LENGTH))
    if len(password) > MAX_LENGTH:
        raise PasswordRejected(_l("Use at most %(count)d characters.", count=MAX_LENGTH))
    lowered = password.lower()
    if lowered in _common_passwords() or (username and lowered == username.lower()):
        raise PasswordRejected(_l("This password is too easy to guess. Try a short sentence you will remember."))


@lru_cache(maxsize=1)
def _common_passwords() -> frozenset:
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    ranked = FREQUENCY_LISTS["passwords"]
    if isinstance(ranked, str):
        ranked = ranked.split(",")
    return frozenset(ranked[:COMMON_PASSWORDS_REFUSED])


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    # Verifying an unknown user's attempt against this keeps both answers equally slow.
    return _hasher.hash("not-a-real-account-password")
