"""A demo warehouse: Polish products, customers and orders, to try a bench without a shop."""

from __future__ import annotations

import random
from decimal import Decimal

from packstation.domain import barcodes
from packstation.domain.parcels import Carton
from packstation.domain.records import Address, ImportBatch, OrderLineRecord, OrderRecord, PackRecord, ProductRecord
from packstation.domain.settings import LOGIN_REQUIRED
from packstation.domain.users import Role, User, hash_pin
from packstation.services.importing import ImportReport, import_batch
from packstation.services.ports import UowFactory

PRODUCT_NAMES = [
    "Kubek ceramiczny „Żubr”",
    "Łyżka drewniana",
    "Ściereczka z mikrofibry",
    "Świeca sojowa — bursztyn",
    "Miód gryczany 400 g",
    "Herbata zielona sencha",
    "Kawa ziarnista 1 kg",
    "Czekolada gorzka 70%",
    "Ręcznik bawełniany",
    "Poduszka z gryką",
    "Koc wełniany w kratę",
    "Skarpety góralskie",
    "Rękawiczki robocze",
    "Żarówka LED E27",
    "Przedłużacz 5 m",
    "Taśma pakowa brązowa",
    "Długopis żelowy niebieski",
    "Zeszyt A5 w kratkę",
    "Klej w sztyfcie",
    "Nożyczki biurowe",
    "Śrubokręt krzyżakowy",
    "Młotek ślusarski",
    "Poziomica 60 cm",
    "Wkręty do drewna 4×40",
    "Mydło szare",
    "Szampon pokrzywowy",
    "Krem z nagietkiem",
    "Pasta do zębów miętowa",
    "Gąbka kuchenna",
    "Płyn do naczyń cytrynowy",
    "Worki na śmieci 60 l",
    "Ścierka lniana",
    "Ogórki kiszone w słoiku",
    "Powidła śliwkowe",
    "Kasza gryczana 1 kg",
    "Mąka żytnia typ 720",
    "Pierniki toruńskie",
    "Krówki ciągutki",
    "Sok z aronii",
    "Syrop malinowy",
    "Książka „Pan Tadeusz”",
    "Pocztówka „Kraków nocą”",
    "Magnes na lodówkę „Gdańsk”",
    "Kalendarz ścienny",
    "Zabawka drewniana — żyrafa",
    "Klocki konstrukcyjne 120 el.",
    "Piłka gumowa",
    "Skakanka",
    "Ładowarka USB-C 20 W",
    "Kabel HDMI 2 m",
    "Mysz bezprzewodowa",
    "Słuchawki douszne",
    "Etui na telefon",
    "Baterie AA 4 szt.",
    "Latarka czołowa",
    "Termos 0,5 l",
    "Plecak turystyczny 30 l",
    "Bidon rowerowy",
    "Czapka zimowa",
    "Szalik w paski",
]
CUSTOMERS = [
    ("Zofia Wójcik", "ul. Żeromskiego 12/4", "90-710", "Łódź"),
    ("Paweł Szczęsny", "ul. Źródlana 3", "80-297", "Gdańsk"),
    ("Małgorzata Dąbrowska", "al. Jerozolimskie 101", "02-011", "Warszawa"),
    ("Łukasz Żółkiewski", "ul. Świętojańska 45", "81-391", "Gdynia"),
    ("Agnieszka Kęsicka", "ul. Słoneczna 7", "31-416", "Kraków"),
    ("Grzegorz Bąk", "os. Piastowskie 22/15", "61-162", "Poznań"),
    ("Ewa Nowicka-Ślęzak", "ul. Wrocławska 88", "50-001", "Wrocław"),
    ("Jan Pająk", "ul. Górnicza 5", "40-001", "Katowice"),
    ("Dorota Łęcka", "ul. Ogrodowa 2A", "20-075", "Lublin"),
    ("Иван Петров", "ul. Ukraińska 9", "35-001", "Rzeszów"),
    ("Olena Шевченко", "ul. Kościuszki 30", "15-001", "Białystok"),
    ("Krzysztof Ćwikła", "ul. Mickiewicza 14", "70-383", "Szczecin"),
]
CARRIERS = [("InPost", "Kurier Standard"), ("DPD", "Classic"), ("Poczta Polska", "Pocztex"), ("DHL", "Parcel")]
# The demo's catalogue of boxes: CMD-BOX-S, CMD-BOX-M, CMD-BOX-L.
CARTONS = (
    Carton("S", 250, 180, 100, Decimal("0.150")),
    Carton("M", 350, 250, 150, Decimal("0.300")),
    Carton("L", 500, 350, 300, Decimal("0.600")),
)
DEMO_IMAGES = "images"  # under the data folder
PACKERS = [("Anna Kowalska", "PKR-0001"), ("Marek Wiśniewski", "PKR-0002"), ("Józef Łuczak", "PKR-0003")]
# The demo's supervisor (badge SUP-0001, PIN 1234) to try holds, overrides and the reports.
SUPERVISOR, SUPERVISOR_PIN = ("Ewa Nadzorcza", "SUP-0001"), "1234"


def ean13(n: int) -> str:
    """A valid EAN-13 in the Polish 590 range for demo item ``n``."""
    return barcodes.with_check_digit(f"590{n:09d}")


def demo_batch(orders: int = 45, products: int = 60, seed: int = 2026) -> ImportBatch:
    """A deterministic demo catalogue and queue of ``new`` orders."""
    rng = random.Random(seed)
    catalogue = []
    for i in range(products):
        packs = (PackRecord(barcodes.with_check_digit(f"1590{i:09d}"), 6),) if i % 10 == 3 else ()
        catalogue.append(
            ProductRecord(
                sku=f"SKU-{i + 1:04d}",
                name=PRODUCT_NAMES[i % len(PRODUCT_NAMES)],
                barcodes=(ean13(100000 + i),),
                packs=packs,
                weight_kg=Decimal(rng.randrange(50, 2500)) / 1000,
                bin_location=f"{'ABCDEF'[i % 6]}-{i // 6 + 1:02d}-{i % 4 + 1}",
                image_path=f"{DEMO_IMAGES}/SKU-{i + 1:04d}.png",  # drawn by the demo command (gui.pictures)
            )
        )
    queue = []
    for n in range(orders):
        name, street, postal, city = CUSTOMERS[n % len(CUSTOMERS)]
        carrier, service = CARRIERS[n % len(CARRIERS)]
        picks = rng.sample(catalogue, rng.randint(1, 4))
        lines = tuple(OrderLineRecord(p.sku, 6 if p.packs and rng.random() < 0.5 else rng.randint(1, 3)) for p in picks)
        cod = n % 4 == 1
        number = f"PL-{10001 + n}"
        queue.append(
            OrderRecord(
                external_id=f"demo-{10001 + n}",
                number=number,
                source="demo",
                customer_name=name,
                address=Address(name, street, postal, city, "PL"),
                lines=lines,
                email=f"klient{n + 1}@example.pl",
                phone=f"+48 600 {n:03d} {n * 7 % 1000:03d}",
                carrier=carrier,
                service=service,
                payment="cod" if cod else "prepaid",
                cod_amount=Decimal(rng.randrange(1999, 49999)) / 100 if cod else None,
                notes="Proszę zapakować ostrożnie — szkło!" if n % 7 == 2 else "",
            )
        )
    return ImportBatch(products=tuple(catalogue), orders=tuple(queue))


def create_demo(uow_factory: UowFactory) -> ImportReport | None:
    """Fill an empty database with the demo; an already filled one is left as it is (returns None)."""
    with uow_factory() as uow:
        if uow.products.count():
            return None
    report = import_batch(uow_factory, demo_batch(), "demo")
    with uow_factory() as uow:
        for name, badge in PACKERS:
            uow.users.add(User(name, badge))
        uow.users.add(User(*SUPERVISOR, role=Role.SUPERVISOR, has_pin=True), hash_pin(SUPERVISOR_PIN))
        for carton in CARTONS:
            uow.cartons.save(carton)
        # A demo is tried by people without badges: a scan with nobody logged in still counts here.
        uow.settings.set(LOGIN_REQUIRED, "off")
        uow.commit()
    return report
