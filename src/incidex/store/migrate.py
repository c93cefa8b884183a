"""Bring a database to the newest schema by running the named alembic migrations shipped in ``migrations/``."""

from __future__ import annotations

from importlib import resources

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
    if current_revision(engine) == head_revision():
        return
    config = _config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
