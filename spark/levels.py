"""How experience points turn into levels: level = floor(sqrt(xp / 100)) + 1.

The same rule as the `calculate_level` SQL function; kept pure so the domain,
templates and tests can use it without a database.
"""
import math


def level_for_xp(xp):
    """The level a student with `xp` experience points has reached."""
    if xp < 0:
        raise ValueError('xp cannot be negative: %r' % (xp,))
    # isqrt on whole hundreds equals floor(sqrt(xp / 100)) with no float error.
    return math.isqrt(int(xp) // 100) + 1


def xp_for_level(level):
    """The experience points at which `level` begins."""
    if level < 1:
        raise ValueError('levels start at 1: %r' % (level,))
    return 100 * (level - 1) ** 2
