"""Wiring: configuration, database, printer and renderers. Nothing connects at import time."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from packstation.config import Config
from packstation.services.context import DocumentRenderers, StationConfig, UowFactory
from packstation.services.station import Station


@dataclass
class App:
    config: Config
    engine: Any
    uow: UowFactory
    scan_uow: UowFactory

    def station(self) -> Station:
        """A bench bound to this station's name, printer and renderers."""
        return Station(self.uow, station_config(self.config), renderers(), printer(self.config), self.scan_uow)

    def dispose(self) -> None:
        self.engine.dispose()


def station_config(config: Config) -> StationConfig:
    return StationConfig(
        station=config.station,
        claim_ttl_seconds=config.claim_ttl_seconds,
        gs1_company_prefix=config.gs1_company_prefix,
        sender=config.sender,
        documents_dir=config.documents_dir,
        auto_next=config.auto_next,
    )


def renderers() -> DocumentRenderers:
    """The reportlab renderers, imported on first use so start-up stays fast."""

    def label(doc):  # type: ignore[no-untyped-def]
        from packstation.adapters.labels.shipping_label import render_shipping_label

        return render_shipping_label(doc)

    def slip(doc):  # type: ignore[no-untyped-def]
        from packstation.adapters.labels.packing_slip import render_packing_slip

        return render_packing_slip(doc)

    return DocumentRenderers(shipping_label=label, packing_slip=slip)


def printer(config: Config) -> Any:
    from packstation.adapters.printers.folder import FolderPrinter

    return FolderPrinter(config.printer_dir)


def bootstrap(config: Config, migrate: bool = True) -> App:
    """Open the database (migrating it to this build's schema unless told not to)."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

    from packstation.adapters.db.engine import make_engine
    from packstation.adapters.db.migrate import upgrade
    from packstation.adapters.db.unit_of_work import scan_uow_factory, uow_factory
    from packstation.config import ConfigError
    from packstation.domain.errors import StorageUnavailable

    try:
        engine = make_engine(config.db_url)
    except (ArgumentError, NoSuchModuleError) as exc:
        raise ConfigError(f"invalid database URL {config.db_url!r}: {exc}") from None
    if migrate:
        try:
            upgrade(engine)
        except OperationalError as exc:
            engine.dispose()
            where = make_url(config.db_url).render_as_string(hide_password=True)
            raise StorageUnavailable(f"cannot open the database {where}: {' '.join(str(exc.orig).split())}") from None
        except Exception:
            engine.dispose()
            raise
    return App(config, engine, uow_factory(engine), scan_uow_factory(engine))
