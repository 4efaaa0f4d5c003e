"""The bench core: typed commands, one handler each, frozen outcomes.

``Bench.handle(command)`` runs one command on the bench's worker thread and returns an
:class:`~packstation.services.bench.outcome.Outcome`; see ``registry`` for the table of
commands and handlers.
"""
