"""Remember the scopes each client's mirror was pulled under.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22 12:00:00.000000

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0003'
down_revision: str | Sequence[str] | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add clients.scopes_key (None until the client's next pull records it)."""
    with op.batch_alter_table('clients') as batch:
        batch.add_column(sa.Column('scopes_key', sa.String(length=64), nullable=True))


def downgrade() -> None:
    """Drop clients.scopes_key."""
    with op.batch_alter_table('clients') as batch:
        batch.drop_column('scopes_key')
