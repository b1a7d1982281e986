"""Alembic migrations of the server database: the only way its schema changes."""
