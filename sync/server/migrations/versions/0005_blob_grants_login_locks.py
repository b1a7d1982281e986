"""Per-person blob uploads (who may reference a blob), login throttle locks, pending logins.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06 20:00:00.000000

Until now a blob had one upload shared by everyone, and knowing its hash was enough to
attach it and so to download it. Each person now uploads (or proves they can read) a blob
before referencing it; a complete `blob_uploads` row is that proof. Every complete blob's
uploader keeps theirs; unfinished shared uploads start again from zero.

A login attempt is now recorded before its password is checked, as pending (`success` NULL).

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0005'
down_revision: str | Sequence[str] | None = '0004'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create blob_uploads (filled from the blobs' uploaders) and login_locks; let a login
    attempt be pending."""
    op.create_table(
        'blob_uploads',
        sa.Column('sha256', sa.String(length=64), nullable=False),
        sa.Column('person_id', sa.String(length=64), nullable=False),
        sa.Column('size', sa.BigInteger(), nullable=False),
        sa.Column('received', sa.BigInteger(), nullable=False),
        sa.Column('complete', sa.Boolean(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('sha256', 'person_id'),
    )
    op.execute(
        "INSERT INTO blob_uploads (sha256, person_id, size, received, complete, created_at) "
        "SELECT sha256, created_by, size, size, complete, created_at FROM blobs WHERE complete")
    op.execute("DELETE FROM blobs WHERE NOT complete")
    op.create_table(
        'login_locks',
        sa.Column('key', sa.String(length=80), nullable=False),
        sa.PrimaryKeyConstraint('key'),
    )
    with op.batch_alter_table('login_attempts') as batch:
        batch.alter_column('success', existing_type=sa.Boolean(), nullable=True)


def downgrade() -> None:
    """Drop login_locks and blob_uploads; pending login attempts count as failures."""
    op.execute("UPDATE login_attempts SET success = false WHERE success IS NULL")
    with op.batch_alter_table('login_attempts') as batch:
        batch.alter_column('success', existing_type=sa.Boolean(), nullable=False)
    op.drop_table('login_locks')
    op.drop_table('blob_uploads')
