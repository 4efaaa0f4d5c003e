"""devices, tracking and parcels: product tracking mode, GS1 fields and parcel on scan events, packed
serials, the carton catalogue, box and expected weight of parcels

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("products") as batch:
        batch.add_column(sa.Column("tracking", sa.String(length=8), server_default="none", nullable=False))
    with op.batch_alter_table("scan_events") as batch:
        batch.add_column(sa.Column("symbology", sa.String(length=3), nullable=True))
        batch.add_column(sa.Column("gtin", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("lot", sa.String(length=20), nullable=True))
        batch.add_column(sa.Column("serial", sa.String(length=20), nullable=True))
        batch.add_column(sa.Column("expiry", sa.Date(), nullable=True))
        batch.add_column(sa.Column("parcel", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("weight_kg", sa.Numeric(precision=10, scale=3), nullable=True))
    with op.batch_alter_table("parcels") as batch:
        batch.add_column(sa.Column("box", sa.String(length=24), server_default="", nullable=False))
        batch.add_column(sa.Column("expected_kg", sa.Numeric(precision=10, scale=3), nullable=True))
    op.create_table(
        "cartons",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=24), nullable=False),
        sa.Column("length_mm", sa.Integer(), nullable=False),
        sa.Column("width_mm", sa.Integer(), nullable=False),
        sa.Column("height_mm", sa.Integer(), nullable=False),
        sa.Column("tare_kg", sa.Numeric(precision=10, scale=3), nullable=False),
        sa.Column("barcode", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("name"),
        sa.UniqueConstraint("barcode"),
    )
    op.create_table(
        "unit_serials",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("gtin", sa.String(length=64), nullable=False),
        sa.Column("serial", sa.String(length=20), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("scan_event_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["scan_event_id"], ["scan_events.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("gtin", "serial", name="uq_unit_serials_gtin_serial"),
    )
    with op.batch_alter_table("unit_serials") as batch:
        batch.create_index(batch.f("ix_unit_serials_order_id"), ["order_id"], unique=False)


def downgrade() -> None:
    op.drop_table("unit_serials")
    op.drop_table("cartons")
    with op.batch_alter_table("parcels") as batch:
        batch.drop_column("expected_kg")
        batch.drop_column("box")
    with op.batch_alter_table("scan_events") as batch:
        for column in ("weight_kg", "parcel", "expiry", "serial", "lot", "gtin", "symbology"):
            batch.drop_column(column)
    with op.batch_alter_table("products") as batch:
        batch.drop_column("tracking")
