"""A student's own profile: the name others see, an avatar from a built-in set, the language."""
from spark.accounts import set_preferred_language
from spark.config import SUPPORTED_LANGUAGES
from spark.models import Profile

# Children choose a picture from this set; they never upload photos of themselves.
AVATARS = {
    "tiger": "🐯", "lion": "🦁", "elephant": "🐘", "panda": "🐼",
    "rocket": "🚀", "blossom": "🌸", "cricket": "🏏", "turtle": "🐢",
    "star": "⭐", "books": "📚", "moon": "🌙", "owl": "🦉",
}


def update_profile(user, display_name: str, avatar: str | None, language: str | None) -> None:
    """Change the name shown to others, the avatar and the interface language."""
    display_name = " ".join(display_name.split())
    if not 2 <= len(display_name) <= 60:
        raise ValueError("display_name")
    if avatar is not None and avatar not in AVATARS:
        raise ValueError("avatar")
    if language is not None and language not in SUPPORTED_LANGUAGES:
        raise ValueError("language")
    Profile.update(display_name=display_name, avatar=avatar).where(Profile.user == user.id).execute()
    set_preferred_language(user, language)
