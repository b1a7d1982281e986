"""Blob content in the database (blob_chunks), shared by every server host.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 10:00:00.000000

Until now a blob's bytes were files under one host's `<data-dir>/blobs`, so a second app host
could not serve them. They are now rows of at most 1 MiB in `blob_chunks`, written by the
upload in the same transaction that advances `blob_uploads.received`.

This migration only changes the schema. Moving the files of complete blobs into the table is
`sync.server.storage.blobs.import_files`, which `officeapp-server migrate` runs right after it, one
blob per transaction (idempotent, so an interrupted or repeated migrate carries on), rather
than one transaction holding every attachment of the office. Unfinished uploads are not moved:
their bytes were in `partial/` files, so they start again from offset 0 (their clients send
from the offset the server gives).

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0007'
down_revision: str | Sequence[str] | None = '0006'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create blob_chunks; restart unfinished uploads from offset 0."""
    op.create_table(
        'blob_chunks',
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('person_id', sa.String(length=64), nullable=False),
        sa.Column('start', sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column('data', sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint('sha256', 'person_id', 'start'),
    )
    if op.get_bind().dialect.name == 'postgresql':
        # Attachments are mostly compressed already (PDF, JPEG, OOXML): storing the chunks
        # out of line and uncompressed spares pglz's attempt on every write.
        op.execute("ALTER TABLE blob_chunks ALTER COLUMN data SET STORAGE EXTERNAL")
    op.execute("UPDATE blob_uploads SET received = 0 WHERE NOT complete")


def downgrade() -> None:
    """Drop blob_chunks (the content of blobs with it: restore a backup of the old release to
    go back)."""
    op.drop_table('blob_chunks')
