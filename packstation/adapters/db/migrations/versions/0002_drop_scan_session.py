"""scan events: drop session_id (never written; the pack session is found by order and time)

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("scan_events") as batch:
        batch.drop_column("session_id")


def downgrade() -> None:
    with op.batch_alter_table("scan_events") as batch:
        batch.add_column(sa.Column("session_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            "fk_scan_events_session_id", "pack_sessions", ["session_id"], ["id"], ondelete="SET NULL"
        )
