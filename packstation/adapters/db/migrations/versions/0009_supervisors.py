"""supervisors: packers become users with roles and PINs; shared settings; ship-by, expedite, partial
shipments, manual confirmations, cancellations with cost, supervisor actions; indexes for the reports

Revision ID: 0009
Revises: 0008
"""

from datetime import datetime

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
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
    _reports()


def _reports() -> None:
    """What the reports read over a period (bench/reports.py: 30 of 90 days, 1,000,000 scans, well under 1 s)."""
    with op.batch_alter_table("orders") as batch:
        batch.add_column(sa.Column("units", sa.Integer(), nullable=False, server_default="0"))
    op.execute("UPDATE orders SET units = (SELECT COALESCE(SUM(quantity), 0) FROM order_lines "
               "WHERE order_lines.order_id = orders.id)")  # fmt: skip
    op.create_table(
        "packed_orders",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("packer", sa.String(length=120), nullable=False),
        sa.Column("station", sa.String(length=64), nullable=False),
        sa.Column("units", sa.Integer(), nullable=False),
        sa.Column("packing_seconds", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("packed_orders") as batch:
        batch.create_index("ix_packed_orders_order_id", ["order_id"])
        batch.create_index("ix_packed_orders_at", ["at"])
    _backfill_packed_orders()
    with op.batch_alter_table("scan_events") as batch:
        batch.create_index("ix_scan_events_verdict_at", ["verdict", "at", "packer", "order_id"])
        batch.create_index("ix_scan_events_manual", ["at"], sqlite_where=sa.text("manual = 1"),
                           postgresql_where=sa.text("manual"))  # fmt: skip
    with op.batch_alter_table("mismatches") as batch:
        batch.create_index("ix_mismatches_created_at", ["created_at"])


def _backfill_packed_orders() -> None:
    """Every order a packer packed before this version, with its time in packing worked out from its history."""
    conn = op.get_bind()
    history = sa.text("SELECT order_id, from_status, to_status, at, who, station FROM status_changes "
                      "ORDER BY order_id, id")  # fmt: skip
    units: dict[int, int] = dict(conn.execute(sa.text(
        "SELECT order_id, SUM(CASE WHEN scanned > quantity THEN quantity ELSE scanned END) FROM order_lines "
        "GROUP BY order_id")).fetchall())  # fmt: skip
    packed = sa.table("packed_orders", *(sa.column(c) for c in ("order_id", "at", "packer", "station", "units",
                                                               "packing_seconds")))  # fmt: skip
    rows: list[dict[str, object]] = []
    current, seconds, since = None, 0.0, None
    for order_id, old, new, at, who, station in conn.execute(history):
        at = at if not isinstance(at, str) else datetime.fromisoformat(at)
        if order_id != current:
            current, seconds, since = order_id, 0.0, None
        if old == "packing" and since is not None:
            seconds += (at - since).total_seconds()
        since = at if new == "packing" else None
        if (old, new) == ("packing", "packed"):
            rows.append({"order_id": order_id, "at": at, "packer": who, "station": station,
                         "units": int(units.get(order_id) or 0), "packing_seconds": seconds})  # fmt: skip
        if len(rows) >= 5000:
            conn.execute(packed.insert(), rows)
            rows = []
    if rows:
        conn.execute(packed.insert(), rows)


def downgrade() -> None:
    with op.batch_alter_table("mismatches") as batch:
        batch.drop_index("ix_mismatches_created_at")
    with op.batch_alter_table("scan_events") as batch:
        batch.drop_index("ix_scan_events_manual")
        batch.drop_index("ix_scan_events_verdict_at")
    op.drop_table("packed_orders")
    with op.batch_alter_table("orders") as batch:
        batch.drop_column("units")
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
