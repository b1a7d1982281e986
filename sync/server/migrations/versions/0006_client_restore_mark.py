"""Mark clients known before a restore, so that each may resume its outbox once.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06 21:00:00.000000

A restored database forgets the mutations acknowledged after its backup; their clients never
send them again (acknowledged rows leave their outbox), so their next push starts past what
the server expects. `officeapp-server restore` sets `restored` on every client; the first push
of such a client may skip the lost ids once (`sync/server/mutations/dispatch.py`).

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0006'
down_revision: str | Sequence[str] | None = '0005'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add clients.restored."""
    with op.batch_alter_table('clients') as batch:
        batch.add_column(sa.Column('restored', sa.Boolean(), nullable=False,
                                   server_default=sa.false()))


def downgrade() -> None:
    """Drop clients.restored."""
    with op.batch_alter_table('clients') as batch:
        batch.drop_column('restored')
