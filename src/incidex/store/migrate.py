"""Bring a database to the newest schema by running the named alembic migrations shipped in ``migrations/``."""

from __future__ import annotations

from importlib import resources
from typing import Literal

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(resources.files("incidex.store").joinpath("migrations")))
    return config


def head_revision() -> str:
    """The newest migration shipped with this version of incidex."""
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None, "incidex ships at least one migration"
    return head


def current_revision(engine: sa.Engine) -> str | None:
    """The migration the database is at, ``None`` for an empty database."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: sa.Engine) -> None:
    """Run every migration the database lacks, in one transaction; a no-op when it is up to date."""
    if current_revision(engine) != head_revision():
        run(engine, "upgrade", "head")


def run(engine: sa.Engine, step: Literal["upgrade", "downgrade"], revision: str) -> None:
    """Alembic's ``upgrade`` or ``downgrade`` to ``revision``, in one transaction.

    On SQLite, foreign keys are off while migrations run and checked at their end: that is SQLite's procedure for
    rebuilding a table that others reference (migration 0010 rebuilds ``documents`` to change a CHECK constraint).
    """
    config = _config()
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            _foreign_keys(connection, "OFF")  # a no-op inside a transaction, so before it
        try:
            with connection.begin():
                config.attributes["connection"] = connection
                getattr(command, step)(config, revision)
                if sqlite and (broken := connection.exec_driver_sql("PRAGMA foreign_key_check").first()):
                    raise sa.exc.IntegrityError(f"PRAGMA foreign_key_check: {tuple(broken)}", None,
                                                ValueError("a migration left a dangling foreign key"))
        finally:
            if sqlite:
                _foreign_keys(connection, "ON")


def _foreign_keys(connection: sa.Connection, state: str) -> None:
    connection.exec_driver_sql(f"PRAGMA foreign_keys={state}")
    connection.commit()
