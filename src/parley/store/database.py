"""Where the database is and how to connect: SQLite by default, PostgreSQL through psycopg 3."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

DEFAULT_URL = "sqlite:///./parley.db"
URL_VARIABLE = "PARLEY_DATABASE_URL"


class DatabaseURLError(ValueError):
    """A database URL Parley cannot use."""


def database_url(explicit: str | None = None) -> str:
    """The URL to use: the explicit one, else ``PARLEY_DATABASE_URL``, else ``./parley.db``.

    ``postgresql://`` and ``postgres://`` mean psycopg 3 (``postgresql+psycopg://``).
    """
    url = explicit or os.environ.get(URL_VARIABLE) or DEFAULT_URL
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    try:
        backend = make_url(url).get_backend_name()
    except Exception as error:
        raise DatabaseURLError(f"not a database URL: {url!r} ({error})") from None
    if backend not in ("sqlite", "postgresql"):
        raise DatabaseURLError(f"unsupported database {backend!r}: use sqlite:/// or postgresql://")
    return url


def make_engine(url: str | None = None, **options: Any) -> Engine:
    url = database_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, **options)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    engine = create_engine(url, pool_pre_ping=True, **options)
    # INSERTs without RETURNING go to psycopg's executemany (a pipeline of one prepared statement)
    # rather than being rewritten into very long multi-row statements; see parley.store.bulk.
    engine.dialect.use_insertmanyvalues_wo_returning = False
    return engine


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(engine: Engine) -> Iterator[Session]:
    """A session whose work is committed when the block ends normally and rolled back otherwise."""
    with session_factory(engine)() as session, session.begin():
        yield session
