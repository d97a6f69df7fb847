"""Storage: SQLAlchemy models, sessions, repositories and Alembic migrations.

Repositories hold the SQL; services call them and never commit: the caller (a CLI command, a
request, a worker) owns the transaction.
"""
