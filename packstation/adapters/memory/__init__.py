"""The storage ports in memory: a real implementation (transactions included), for tests and demos.

``MemoryStore().unit_of_work`` is a ``UowFactory``: the services and the bench run on it
exactly as on SQLite or PostgreSQL, without a database.
"""

from .store import MemoryStore, MemoryUnitOfWork

__all__ = ["MemoryStore", "MemoryUnitOfWork"]
