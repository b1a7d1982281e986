"""电子印章 (unit seals, trusted roots) and the hash-chained trace with signed checkpoints.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 12:00:00.000000

Empty tables: a unit seals once an admin imports or issues its seal, and `migrate` chains the
trace of every existing record right after the schema step (sync.server.storage.tracechain), so that
an upgraded office's history is covered from its first checkpoint on.

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0008'
down_revision: str | Sequence[str] | None = '0007'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create unit_seals, trust_roots, trace_chain and trace_checkpoints."""
    op.create_table(
        'unit_seals',
        sa.Column('unit_id', sa.String(length=64), nullable=False),
        sa.Column('image', sa.LargeBinary(), nullable=False),
        sa.Column('key_pem', sa.LargeBinary(), nullable=False),
        sa.Column('cert_pem', sa.LargeBinary(), nullable=False),
        sa.Column('chain_pem', sa.LargeBinary(), nullable=False),
        sa.Column('not_after', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('unit_id'),
    )
    op.create_table(
        'trust_roots',
        sa.Column('id', sa.String(length=64), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('cert_pem', sa.LargeBinary(), nullable=False),
        sa.Column('key_pem', sa.LargeBinary(), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_table(
        'trace_chain',
        sa.Column('kind', sa.String(length=20), nullable=False),
        sa.Column('record_id', sa.String(length=64), nullable=False),
        sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
        sa.Column('entry_hash', sa.String(length=64), nullable=False),
        sa.Column('chain_hash', sa.String(length=64), nullable=False),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('kind', 'record_id', 'seq'),
    )
    op.create_table(
        'trace_checkpoints',
        sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'),
                  autoincrement=True, nullable=False),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('records', sa.Integer(), nullable=False),
        sa.Column('root', sa.String(length=64), nullable=False),
        sa.Column('heads', sa.LargeBinary(), nullable=False),
        sa.Column('public_key', sa.LargeBinary(), nullable=False),
        sa.Column('signature', sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )


def downgrade() -> None:
    """Drop the four tables (seals, roots and the chain go with them)."""
    for table in ('trace_checkpoints', 'trace_chain', 'trust_roots', 'unit_seals'):
        op.drop_table(table)
