"""print queue: print_jobs (the durable queue, documents included) and print_events (their audit trail)

Revision ID: 0004
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "print_jobs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("parcel_index", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("format", sa.String(length=8), nullable=False),
        sa.Column("printer", sa.String(length=300), nullable=False),
        sa.Column("document", sa.LargeBinary(), nullable=False),
        sa.Column("archive_path", sa.String(length=500), nullable=False),
        sa.Column("state", sa.String(length=12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("printed_at", sa.DateTime(), nullable=True),
        sa.Column("who", sa.String(length=120), nullable=False),
        sa.Column("station", sa.String(length=64), nullable=False),
        sa.Column("reprint_of", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["reprint_of"], ["print_jobs.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("print_jobs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_print_jobs_order_id"), ["order_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_print_jobs_state"), ["state"], unique=False)
        batch_op.create_index("ix_print_jobs_station_state", ["station", "state", "id"], unique=False)

    op.create_table(
        "print_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("job_id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("from_state", sa.String(length=12), nullable=False),
        sa.Column("to_state", sa.String(length=12), nullable=False),
        sa.Column("who", sa.String(length=120), nullable=False),
        sa.Column("station", sa.String(length=64), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["job_id"], ["print_jobs.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("print_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_print_events_job_id"), ["job_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_print_events_order_id"), ["order_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("print_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_print_events_order_id"))
        batch_op.drop_index(batch_op.f("ix_print_events_job_id"))
    op.drop_table("print_events")
    with op.batch_alter_table("print_jobs", schema=None) as batch_op:
        batch_op.drop_index("ix_print_jobs_station_state")
        batch_op.drop_index(batch_op.f("ix_print_jobs_state"))
        batch_op.drop_index(batch_op.f("ix_print_jobs_order_id"))
    op.drop_table("print_jobs")
