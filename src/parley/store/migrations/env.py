"""Alembic's environment: the connection comes from ``parley db upgrade`` (or alembic's own URL)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from parley.store.database import make_engine
from parley.store.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection: Connection) -> None:
    context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    with make_engine(config.get_main_option("sqlalchemy.url")).connect() as fresh:
        _run(fresh)
        fresh.commit()
