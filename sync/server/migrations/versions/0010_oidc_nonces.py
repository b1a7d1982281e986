"""OpenID Connect sign-in: the single-use nonces the server hands out for it.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 05:00:00.000000

A sign-in asks for a nonce (POST /auth/oidc/start), the provider signs it into the ID token,
and the server deletes it when it accepts that token: an ID token is accepted once, and only
for a sign-in this server started a few minutes ago. Only the nonce's SHA-256 is kept.

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0010'
down_revision: str | Sequence[str] | None = '0009'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Add the table of unspent sign-in nonces."""
    op.create_table(
        'oidc_nonces',
        sa.Column('nonce_hash', sa.String(length=64), nullable=False),
        sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('nonce_hash'),
    )
    op.create_index('ix_oidc_nonces_expires_at', 'oidc_nonces', ['expires_at'])


def downgrade() -> None:
    """Drop the table of sign-in nonces."""
    op.drop_table('oidc_nonces')
