"""The migrations build exactly the schema the models describe, on both databases."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect
from typer.testing import CliRunner

from parley.cli import _add_marketplace_commands, app
from parley.store import migrate
from parley.store.database import DatabaseURLError, database_url, make_engine
from parley.store.models import Base


def _head() -> str | None:
    """The newest revision: each feature adds a migration, so the tests follow the chain's end."""
    return ScriptDirectory.from_config(migrate.alembic_config()).get_current_head()


def test_migrations_match_the_models(engine: Engine) -> None:
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert differences == []
    assert set(inspect(engine).get_table_names()) >= set(Base.metadata.tables)
    assert migrate.current(engine) == _head()


def test_database_urls() -> None:
    assert database_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert database_url("sqlite:///x.db") == "sqlite:///x.db"
    for bad in ("mysql://u@h/db", "nonsense"):
        try:
            database_url(bad)
        except DatabaseURLError as error:
            assert bad.split(":")[0] in str(error)
        else:
            raise AssertionError(bad)


def test_db_upgrade_command_is_idempotent(tmp_path: Path) -> None:
    _add_marketplace_commands()
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    runner = CliRunner()
    for _ in range(2):
        result = runner.invoke(app, ["db", "upgrade", "--database-url", url])
        assert result.exit_code == 0, result.output
        assert f"revision {_head()}" in result.output
    assert migrate.current(make_engine(url)) == _head()
    bad = runner.invoke(app, ["db", "upgrade", "--database-url", "mysql://x@y/z"])
    assert bad.exit_code == 2 and "unsupported database" in bad.output
