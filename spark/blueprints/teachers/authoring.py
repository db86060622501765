"""Views: authoring (teachers)."""
from spark.blueprints.teachers import bp  # noqa: F401
