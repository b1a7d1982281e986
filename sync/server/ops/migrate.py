"""Running the Alembic migrations from code (the CLI, the tests and the demo all use this)."""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

from sync.server.settings import utc_now
from sync.server.storage import tracechain
from sync.server.storage.blobs import Imported, import_files

MIGRATIONS = Path(__file__).parent.parent / "migrations"


def alembic_config(connection: sa.Connection | None = None) -> Config:
    """Return an Alembic config for our migrations, bound to `connection` if given."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def upgrade(engine: sa.Engine, revision: str = "head", *,
            blob_dir: Path | None = None) -> Imported:
    """Bring the database of `engine` to `revision` (the latest by default).

    With `blob_dir` (the `<data-dir>/blobs` folder of a release before 0007) and the latest
    revision, then move the content of its complete blobs into the database
    (`blobs.import_files`: one blob per transaction, only what the database lacks) and return
    what moved.

    At the latest revision, the trace of every record not yet chained (an office upgraded
    from a release before 0008) is chained, batch by batch; a second run changes nothing.
    """
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), revision)
    if revision == "head":
        tracechain.chain_existing(engine, utc_now())
    if blob_dir is None or revision != "head":
        return Imported()
    return import_files(engine, blob_dir)
