"""orders: search_key, the folded number, customer and city the queue filter matches accent-blind

Revision ID: 0008
Revises: 0007
"""

import unicodedata

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

# domain.search.fold as it was when this migration was written (a migration must not change later).
_STROKED = str.maketrans({"ł": "l", "đ": "d", "ø": "o", "ħ": "h", "ŧ": "t", "ı": "i", "æ": "ae", "œ": "oe"})


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_STROKED))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def upgrade() -> None:
    with op.batch_alter_table("orders") as batch:
        batch.add_column(sa.Column("search_key", sa.String(length=600), nullable=False, server_default=""))
    orders = sa.table(
        "orders",
        sa.column("id", sa.Integer),
        sa.column("number", sa.String),
        sa.column("customer_name", sa.String),
        sa.column("city", sa.String),
        sa.column("search_key", sa.String),
    )
    conn = op.get_bind()
    rows = conn.execute(sa.select(orders.c.id, orders.c.number, orders.c.customer_name, orders.c.city)).all()
    keys = [
        {"b_id": row.id, "b_key": " ".join(_fold(part) for part in (row.number, row.customer_name, row.city) if part)}
        for row in rows
    ]
    if keys:
        stmt = orders.update().where(orders.c.id == sa.bindparam("b_id")).values(search_key=sa.bindparam("b_key"))
        conn.execute(stmt, keys)


def downgrade() -> None:
    with op.batch_alter_table("orders") as batch:
        batch.drop_column("search_key")
