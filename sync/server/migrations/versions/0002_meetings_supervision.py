"""Meetings and supervision items, and the links from their attachments to blobs.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02 10:00:00.000000

"""
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")
ID = sa.String(length=64)
MOMENT = sa.DateTime(timezone=True)

# revision identifiers, used by Alembic.
revision: str = '0002'
down_revision: str | Sequence[str] | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    """Create the meeting and supervision tables."""
    op.create_table('meetings',
    sa.Column('id', ID, nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('organiser_unit_id', ID, nullable=False),
    sa.Column('room_id', ID, nullable=True),
    sa.Column('start_at', MOMENT, nullable=False),
    sa.Column('end_at', MOMENT, nullable=False),
    sa.Column('series_id', ID, nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', MOMENT, nullable=False),
    sa.Column('updated_at', MOMENT, nullable=False),
    sa.Column('data', JSON, nullable=False),
    sa.Column('scopes', JSON, nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_meetings_organiser_unit_id', 'meetings', ['organiser_unit_id'])
    op.create_index('ix_meetings_room_id', 'meetings', ['room_id'])
    op.create_index('ix_meetings_series_id', 'meetings', ['series_id'])
    op.create_index('ix_meetings_start_at_end_at', 'meetings', ['start_at', 'end_at'])
    op.create_index('ix_meetings_status_end_at', 'meetings', ['status', 'end_at'])

    op.create_table('meeting_blobs',
    sa.Column('meeting_id', ID, nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('meeting_id', 'sha256')
    )
    op.create_index('ix_meeting_blobs_sha256', 'meeting_blobs', ['sha256'])

    op.create_table('supervision_items',
    sa.Column('id', ID, nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('status', sa.String(length=30), nullable=False),
    sa.Column('supervisor_unit_id', ID, nullable=False),
    sa.Column('lead_unit_id', ID, nullable=True),
    sa.Column('parent_id', ID, nullable=True),
    sa.Column('deadline', MOMENT, nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', MOMENT, nullable=False),
    sa.Column('updated_at', MOMENT, nullable=False),
    sa.Column('data', JSON, nullable=False),
    sa.Column('scopes', JSON, nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_supervision_items_status', 'supervision_items', ['status'])
    op.create_index('ix_supervision_items_supervisor_unit_id', 'supervision_items',
                    ['supervisor_unit_id'])
    op.create_index('ix_supervision_items_lead_unit_id', 'supervision_items', ['lead_unit_id'])
    op.create_index('ix_supervision_items_parent_id', 'supervision_items', ['parent_id'])

    op.create_table('supervision_blobs',
    sa.Column('item_id', ID, nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('item_id', 'sha256')
    )
    op.create_index('ix_supervision_blobs_sha256', 'supervision_blobs', ['sha256'])


TABLES = ("meeting_blobs", "meetings", "supervision_blobs", "supervision_items")


def downgrade() -> None:
    """Drop the meeting and supervision tables (and with them their indexes)."""
    for name in TABLES:
        op.drop_table(name)
