"""Database fixtures: every store test runs on SQLite and, when ``PARLEY_TEST_DATABASE_URL`` is
set, on PostgreSQL too. The schema is built once per database with the real migrations; each test
works inside a transaction that is rolled back."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from parley.store import migrate
from parley.store.database import database_url, make_engine

POSTGRES_VARIABLE = "PARLEY_TEST_DATABASE_URL"
POSTGRES_SKIP = f"PostgreSQL tests need {POSTGRES_VARIABLE} (e.g. postgresql://postgres@127.0.0.1:5432/parley_test)"


def _backends() -> list[object]:
    postgres = pytest.param(
        "postgresql", marks=pytest.mark.skipif(not os.environ.get(POSTGRES_VARIABLE), reason=POSTGRES_SKIP)
    )
    return ["sqlite", postgres]


def _create_postgres_database(url: str) -> None:
    """Create the test database if it is missing (CI points at a server, not at a database)."""
    parsed = make_url(url)
    admin = make_engine(
        parsed.set(database="postgres").render_as_string(hide_password=False), isolation_level="AUTOCOMMIT"
    )
    try:
        with admin.connect() as connection:
            exists = connection.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": parsed.database})
            if not exists:
                connection.execute(text(f'CREATE DATABASE "{parsed.database}"'))
    finally:
        admin.dispose()


@pytest.fixture(scope="session")
def sqlite_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    path = Path(tmp_path_factory.mktemp("db")) / "parley.db"
    engine = make_engine(f"sqlite:///{path}")
    migrate.upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def postgresql_engine() -> Iterator[Engine]:
    if not os.environ.get(POSTGRES_VARIABLE):
        pytest.skip(POSTGRES_SKIP)
    url = database_url(os.environ[POSTGRES_VARIABLE])
    if worker_id := os.environ.get("PYTEST_XDIST_WORKER"):
        # one database per pytest-xdist worker: each drops and rebuilds its schema at the start
        parsed = make_url(url)
        url = parsed.set(database=f"{parsed.database}_{worker_id}").render_as_string(hide_password=False)
    try:
        _create_postgres_database(url)
    except OperationalError as error:
        pytest.skip(f"PostgreSQL at {make_url(url).render_as_string()} is not reachable: {error.orig}")
    engine = make_engine(url)
    with engine.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    migrate.upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture(params=_backends())
def engine(request: pytest.FixtureRequest) -> Engine:
    return request.getfixturevalue(f"{request.param}_engine")


@pytest.fixture
def session(engine: Engine) -> Iterator[Session]:
    """A session inside a transaction that is rolled back after the test: services never commit."""
    connection = engine.connect()
    outer = connection.begin()
    with Session(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False) as db:
        yield db
    outer.rollback()
    connection.close()
