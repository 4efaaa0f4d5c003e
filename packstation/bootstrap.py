"""Wiring: configuration, database, printer and renderers. Nothing connects at import time."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import Engine

from packstation.config import Config, ConfigError
from packstation.domain.errors import StorageUnavailable
from packstation.domain.records import ShipmentDocuments
from packstation.services.bench.bench import Bench
from packstation.services.ports import Documents, Printer, Scale, UowFactory

log = logging.getLogger(__name__)


@dataclass
class App:
    """A configured Packstation: its settings, database engine and unit-of-work factory."""

    config: Config
    engine: Engine
    uow: UowFactory

    def bench(self) -> Bench:
        """A bench bound to this station's settings, printer, renderers and scale."""
        return Bench(self.config, self.uow, documents(), printer(self.config), scale(self.config))

    def dispose(self) -> None:
        self.engine.dispose()


def documents() -> Documents:
    """The reportlab renderers, imported on first use so start-up stays fast."""

    def label(doc: ShipmentDocuments) -> bytes:
        from packstation.adapters.labels.shipping_label import render_shipping_label

        return render_shipping_label(doc)

    def slip(doc: ShipmentDocuments) -> bytes:
        from packstation.adapters.labels.packing_slip import render_packing_slip

        return render_packing_slip(doc)

    return Documents(shipping_label=label, packing_slip=slip)


def printer(config: Config) -> Printer:
    from packstation.adapters.printers.folder import FolderPrinter

    return FolderPrinter(config.printer_dir)


def scale(config: Config) -> Scale | None:
    """The station's serial scale, if it has one (its port opens at the first weighing)."""
    if config.scale is None:
        return None
    from packstation.adapters.devices.scale import SerialScale

    return SerialScale(config.scale)


def bootstrap(config: Config, migrate: bool = True) -> App:
    """Open the database (migrating it to this build's schema unless told not to)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

    from packstation.adapters.db.engine import make_engine
    from packstation.adapters.db.migrate import upgrade
    from packstation.adapters.db.unit_of_work import uow_factory

    try:
        engine = make_engine(config.db_url)
    except (ArgumentError, NoSuchModuleError) as exc:
        raise ConfigError(f"invalid database URL {config.db_url!r}: {exc}") from None
    where = make_url(config.db_url).render_as_string(hide_password=True)
    if migrate:
        try:
            if upgrade(engine):
                log.info("database migrated url=%s", where)
        except OperationalError as exc:
            engine.dispose()
            reason = " ".join(str(exc.orig).split())
            log.error("database unavailable url=%s reason=%s", where, reason)
            raise StorageUnavailable(f"cannot open the database {where}: {reason}") from None
        except Exception:
            engine.dispose()
            raise
    log.info("database open url=%s station=%s", where, config.station)
    return App(config, engine, uow_factory(engine))
