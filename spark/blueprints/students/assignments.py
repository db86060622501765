"""Views: assignments (students)."""
from spark.blueprints.students import bp  # noqa: F401
