"""统一身份认证 (LDAP, OpenID Connect) and notifications out of the client (SMTP, SMS).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 05:00:00.000000

Existing people keep source "local" (our own passwords), no e-mail and no left date; the
notification tables start empty, and the notification service starts reading the change log
at its current head, so an upgraded office is not sent its whole history.

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision: str = '0009'
down_revision: str | Sequence[str] | None = '0008'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BIG_ID = sa.BigInteger().with_variant(sa.Integer(), 'sqlite')
MOMENT = sa.DateTime(timezone=True)
JSON = sa.JSON().with_variant(sa.dialects.postgresql.JSONB(), 'postgresql')


def upgrade() -> None:
    """Add the people's identity columns and the identity and notification tables."""
    with op.batch_alter_table('people') as batch:
        batch.add_column(sa.Column('source', sa.String(length=20), nullable=False,
                                   server_default='local'))
        batch.add_column(sa.Column('email', sa.String(length=200), nullable=False,
                                   server_default=''))
        batch.add_column(sa.Column('left_at', MOMENT, nullable=True))
        batch.add_column(sa.Column('directory_login_at', MOMENT, nullable=True))
    op.create_table(
        'external_identities',
        sa.Column('provider', sa.String(length=200), nullable=False),
        sa.Column('subject', sa.String(length=255), nullable=False),
        sa.Column('person_id', sa.String(length=64), nullable=False),
        sa.Column('created_at', MOMENT, nullable=False),
        sa.PrimaryKeyConstraint('provider', 'subject'),
    )
    op.create_index('ix_external_identities_person_id', 'external_identities', ['person_id'])
    op.create_table(
        'notification_prefs',
        sa.Column('person_id', sa.String(length=64), nullable=False),
        sa.Column('email', sa.String(length=200), nullable=False, server_default=''),
        sa.Column('phone', sa.String(length=50), nullable=False, server_default=''),
        sa.Column('events', JSON, nullable=False),
        sa.Column('digest', sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column('updated_at', MOMENT, nullable=False),
        sa.PrimaryKeyConstraint('person_id'),
    )
    op.create_table(
        'notification_queue',
        sa.Column('id', BIG_ID, autoincrement=True, nullable=False),
        sa.Column('dedupe_key', sa.String(length=255), nullable=False),
        sa.Column('person_id', sa.String(length=64), nullable=False),
        sa.Column('channel', sa.String(length=10), nullable=False),
        sa.Column('event', sa.String(length=40), nullable=False),
        sa.Column('address', sa.String(length=200), nullable=False),
        sa.Column('subject', sa.String(length=300), nullable=False),
        sa.Column('body', sa.Text(), nullable=False),
        sa.Column('status', sa.String(length=10), nullable=False),
        sa.Column('attempts', sa.Integer(), nullable=False, server_default='0'),
        sa.Column('next_attempt_at', MOMENT, nullable=False),
        sa.Column('claimed_until', MOMENT, nullable=True),
        sa.Column('created_at', MOMENT, nullable=False),
        sa.Column('sent_at', MOMENT, nullable=True),
        sa.Column('last_error', sa.String(length=500), nullable=False, server_default=''),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('dedupe_key'),
    )
    op.create_index('ix_notification_queue_person_id', 'notification_queue', ['person_id'])
    op.create_index('ix_notification_queue_status', 'notification_queue', ['status'])
    op.create_index('ix_notification_queue_next_attempt_at', 'notification_queue',
                    ['next_attempt_at'])
    op.create_table(
        'notification_attempts',
        sa.Column('id', BIG_ID, autoincrement=True, nullable=False),
        sa.Column('queue_id', BIG_ID, nullable=False),
        sa.Column('at', MOMENT, nullable=False),
        sa.Column('channel', sa.String(length=10), nullable=False),
        sa.Column('ok', sa.Boolean(), nullable=False),
        sa.Column('detail', sa.String(length=500), nullable=False, server_default=''),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_notification_attempts_queue_id', 'notification_attempts', ['queue_id'])
    op.create_index('ix_notification_attempts_at', 'notification_attempts', ['at'])
    op.create_table(
        'notification_state',
        sa.Column('key', sa.String(length=40), nullable=False),
        sa.Column('value', sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint('key'),
    )
    # Start reading the change log where it is now: no history is sent to anyone.
    op.execute("INSERT INTO notification_state (key, value) "
               "SELECT 'changes_read_through', CAST(seq AS VARCHAR(200)) FROM sync_counter "
               "WHERE id = 1")


def downgrade() -> None:
    """Drop the identity and notification tables and the people's new columns."""
    for table in ('notification_state', 'notification_attempts', 'notification_queue',
                  'notification_prefs', 'external_identities'):
        op.drop_table(table)
    with op.batch_alter_table('people') as batch:
        for column in ('directory_login_at', 'left_at', 'email', 'source'):
            batch.drop_column(column)
