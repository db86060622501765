"""The Huey queue: SQLite in the instance folder by default, Redis with HUEY_URL."""
import os

from huey import RedisHuey, SqliteHuey

from spark.config import INSTANCE_PATH


def make_huey():
    """A queue for the periodic jobs; nothing else needs installing in the default mode."""
    url = os.environ.get("HUEY_URL")
    if url:
        return RedisHuey("spark", url=url)
    INSTANCE_PATH.mkdir(parents=True, exist_ok=True)
    return SqliteHuey("spark", filename=str(INSTANCE_PATH / "huey.sqlite3"))


huey = make_huey()
