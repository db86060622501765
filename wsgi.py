"""The WSGI entry point: `waitress-serve wsgi:app`, or `flask --app wsgi serve` for everything at once."""
from spark import create_app

app = create_app()
