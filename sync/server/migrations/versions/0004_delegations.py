"""Standing delegations (委托授权).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 12:00:00.000000

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0004'
down_revision: str | Sequence[str] | None = '0003'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the delegations table."""
    op.create_table(
        'delegations',
        sa.Column('id', sa.String(length=64), nullable=False),
        sa.Column('principal_id', sa.String(length=64), nullable=False),
        sa.Column('delegate_id', sa.String(length=64), nullable=False),
        sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('ends_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('created_by', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('ended_at', sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index(op.f('ix_delegations_principal_id'), 'delegations', ['principal_id'])
    op.create_index(op.f('ix_delegations_delegate_id'), 'delegations', ['delegate_id'])


def downgrade() -> None:
    """Drop the delegations table."""
    op.drop_index(op.f('ix_delegations_delegate_id'), table_name='delegations')
    op.drop_index(op.f('ix_delegations_principal_id'), table_name='delegations')
    op.drop_table('delegations')
