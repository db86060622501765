"""Configuration read from the environment, with safe defaults for the embedded mode."""
import os
import secrets
from pathlib import Path

SUPPORTED_LANGUAGES = {"en": "English", "hi": "हिन्दी"}
PROJECT_ROOT = Path(__file__).resolve().parent.parent
# Where the embedded PostgreSQL, the Huey queue, uploads and the secret key live.
INSTANCE_PATH = Path(os.environ.get("SPARK_INSTANCE_PATH") or PROJECT_ROOT / "instance").resolve()


def read_environment(instance_path: Path) -> dict:
    """Return the settings that the environment gives, filling in embedded-mode defaults."""
    env = os.environ
    upload_dir = env.get("UPLOAD_DIR") or str(instance_path / "uploads")
    return {
        # postgresql://… of the application role (not the owner); unset: embedded PostgreSQL.
        "DATABASE_URL": env.get("DATABASE_URL") or None,
        # postgresql://… of the owner role that runs migrations; needed with DATABASE_URL.
        "DATABASE_OWNER_URL": env.get("DATABASE_OWNER_URL") or None,
        "DATABASE_POOL_SIZE": int(env.get("DATABASE_POOL_SIZE", "8")),
        "SECRET_KEY": env.get("SECRET_KEY") or _instance_secret_key(instance_path),
        "HUEY_URL": env.get("HUEY_URL") or None,
        "UPLOAD_DIR": upload_dir,
        "MAX_CONTENT_LENGTH": int(env.get("MAX_UPLOAD_BYTES", str(20 * 1024 * 1024))),
        # Force the Secure flag on cookies even when a proxy hides HTTPS from us.
        "SESSION_COOKIE_SECURE": env.get("SESSION_COOKIE_SECURE", "").lower() in ("1", "true", "yes"),
        # Number of proxies in front of the app whose X-Forwarded-* headers we trust.
        "TRUSTED_PROXIES": int(env.get("TRUSTED_PROXIES", "0")),
        "SPARK_HOST": env.get("SPARK_HOST", "127.0.0.1"),
        "SPARK_PORT": int(env.get("SPARK_PORT", "5000")),
    }


def _instance_secret_key(instance_path: Path) -> str:
    """Generate a secret key once into the instance folder and reuse it after."""
    key_file = instance_path / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    instance_path.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(key)
    return key
