"""What the bench shows after every scan or action: a verdict in codes, never in sentences."""

from __future__ import annotations

from dataclasses import dataclass, field

from packstation.domain.errors import DomainError
from packstation.services.order_views import OrderView

GOOD, BAD, INFO = "good", "bad", "info"


@dataclass
class Outcome:
    """``kind`` is what happened, ``tone`` how the banner looks, ``code``+``params`` what it says.

    ``stored`` is True only when the event behind it is durably committed.
    ``order`` is the open order after the event (None when no order is open).
    """

    kind: str
    tone: str
    code: str
    params: dict[str, object] = field(default_factory=dict)
    order: OrderView | None = None
    stored: bool = True
    raw: str = ""

    @classmethod
    def from_error(cls, error: DomainError, order: OrderView | None, raw: str = "") -> Outcome:
        kind = "db_unavailable" if error.code == "storage.unavailable" else "refused"
        return cls(kind, BAD, error.code, dict(error.params), order, stored=False, raw=raw)
