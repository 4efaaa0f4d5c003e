"""benches: identity and station-name registry; claims keyed on the bench; queue index

Revision ID: 0006
Revises: 0005
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "benches",
        sa.Column("station", sa.String(length=64), nullable=False),
        sa.Column("bench_id", sa.String(length=36), nullable=False),
        sa.Column("host", sa.String(length=255), nullable=False),
        sa.Column("run_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.String(length=32), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("heartbeat_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("station"),
    )
    with op.batch_alter_table("orders") as batch:
        batch.add_column(sa.Column("claim_bench", sa.String(length=36), nullable=True))
        batch.create_index("ix_orders_claim_bench", ["claim_bench"])
        batch.create_index("ix_orders_queue", ["status", "created_at", "id"])
    # Claims made before benches had ids: nobody can prove they are theirs, so they lapse
    # (the orders stay `packing` with their scans and wait at the head of the queue).
    op.execute("UPDATE orders SET claim_station = NULL, claim_packer = NULL, claim_heartbeat = NULL")
    with op.batch_alter_table("pack_sessions") as batch:
        batch.add_column(sa.Column("bench_id", sa.String(length=36), nullable=False, server_default=""))
    with op.batch_alter_table("status_changes") as batch:
        batch.add_column(sa.Column("bench_id", sa.String(length=36), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("status_changes") as batch:
        batch.drop_column("bench_id")
    with op.batch_alter_table("pack_sessions") as batch:
        batch.drop_column("bench_id")
    with op.batch_alter_table("orders") as batch:
        batch.drop_index("ix_orders_queue")
        batch.drop_index("ix_orders_claim_bench")
        batch.drop_column("claim_bench")
    op.drop_table("benches")
