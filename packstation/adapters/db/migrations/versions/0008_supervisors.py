"""supervisors: packers become users with roles and PINs; shared settings; ship-by, expedite, partial
shipments, manual confirmations, cancellations with cost, supervisor actions; indexes for the reports

Revision ID: 0008
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Every existing badge stays a badge: the packers are users with the role "packer".
    op.rename_table("packers", "users")
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("role", sa.String(length=16), nullable=False, server_default="packer"))
        batch.add_column(sa.Column("pin_hash", sa.String(length=200), nullable=True))
        batch.add_column(sa.Column("failed_pins", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("locked_at", sa.DateTime(), nullable=True))
    op.create_table(
        "settings",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("name"),
    )
    with op.batch_alter_table("orders") as batch:
        batch.add_column(sa.Column("ship_by", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("expedited_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("tracking_serial", sa.Integer(), nullable=True))
    with op.batch_alter_table("order_lines") as batch:
        batch.add_column(sa.Column("missing", sa.Integer(), nullable=False, server_default="0"))
    with op.batch_alter_table("scan_events") as batch:
        batch.add_column(sa.Column("manual", sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table("mismatches") as batch:
        batch.add_column(sa.Column("expected", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("resolution_note", sa.Text(), nullable=False, server_default=""))
    op.create_table(
        "cancellations",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=24), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("packaging", sa.Numeric(precision=10, scale=2), nullable=False),
        sa.Column("labour", sa.Numeric(precision=10, scale=2), nullable=False),
        sa.Column("postage", sa.Numeric(precision=10, scale=2), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("who", sa.String(length=120), nullable=False),
        sa.Column("station", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("order_id"),
    )
    op.create_table(
        "supervisor_actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=True),
        sa.Column("action", sa.String(length=24), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("who", sa.String(length=120), nullable=False),
        sa.Column("station", sa.String(length=64), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("supervisor_actions") as batch:
        batch.create_index("ix_supervisor_actions_order_id", ["order_id"])


def downgrade() -> None:
    op.drop_table("supervisor_actions")
    op.drop_table("cancellations")
    with op.batch_alter_table("mismatches") as batch:
        batch.drop_column("resolution_note")
        batch.drop_column("expected")
    with op.batch_alter_table("scan_events") as batch:
        batch.drop_column("manual")
    with op.batch_alter_table("order_lines") as batch:
        batch.drop_column("missing")
    with op.batch_alter_table("orders") as batch:
        batch.drop_column("tracking_serial")
        batch.drop_column("expedited_at")
        batch.drop_column("ship_by")
    op.drop_table("settings")
    with op.batch_alter_table("users") as batch:
        batch.drop_column("locked_at")
        batch.drop_column("failed_pins")
        batch.drop_column("pin_hash")
        batch.drop_column("role")
    op.rename_table("users", "packers")
