"""carrier labels (carrier_labels: the label document of an order and its format), line prices, gift notes

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # The document lives in a table of its own, so loading an order (every scan does) never drags it along.
    op.create_table(
        "carrier_labels",
        sa.Column("order_id", sa.Integer(), nullable=False),
        sa.Column("format", sa.String(length=8), nullable=False),
        sa.Column("document", sa.LargeBinary(), nullable=False),
        sa.Column("source", sa.String(length=500), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("order_id"),
    )
    with op.batch_alter_table("orders") as batch:
        batch.add_column(sa.Column("gift_note", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("order_lines") as batch:
        batch.add_column(sa.Column("unit_price", sa.Numeric(precision=12, scale=2), nullable=True))
        batch.add_column(sa.Column("currency", sa.String(length=3), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("order_lines") as batch:
        batch.drop_column("currency")
        batch.drop_column("unit_price")
    with op.batch_alter_table("orders") as batch:
        batch.drop_column("gift_note")
    op.drop_table("carrier_labels")
