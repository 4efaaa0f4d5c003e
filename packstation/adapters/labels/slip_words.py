"""The packing slip's words in the customer's language, with real plural forms and money formats (babel).

The slip goes to the customer, so it speaks their language (from the order, else the delivery
country); the warehouse's pick copy stays bilingual Polish / English.
"""

from __future__ import annotations

from decimal import Decimal

from babel import Locale
from babel.numbers import format_currency

LANGUAGES = ("pl", "en", "uk", "de")
WORDS: dict[str, dict[str, str]] = {
    "en": {"title": "Packing slip", "order": "Order", "date": "Date", "ship_to": "Ship to", "carrier": "Carrier",
           "service": "Service", "tracking": "Tracking", "parcel": "Parcel", "weight": "Weight", "sku": "SKU",
           "name": "Product", "qty": "Qty", "price": "Price", "total": "Total", "lot": "Lot / serial",
           "gift": "Gift note", "returns": "Returns", "complaints": "Complaints", "warranty": "Warranty",
           "service_contact": "Service", "page": "Page", "sender": "Sender", "none": "No items",
           "cod": "Cash on delivery", "missing": "Not in this parcel (missing)"},
    "pl": {"title": "Dowód dostawy", "order": "Zamówienie", "date": "Data", "ship_to": "Odbiorca",
           "carrier": "Przewoźnik", "service": "Usługa", "tracking": "Nr przesyłki", "parcel": "Paczka",
           "weight": "Waga", "sku": "Kod", "name": "Produkt", "qty": "Ilość", "price": "Cena", "total": "Razem",
           "lot": "Partia / nr seryjny", "gift": "Dedykacja", "returns": "Zwroty", "complaints": "Reklamacje",
           "warranty": "Gwarancja", "service_contact": "Serwis", "page": "Strona", "sender": "Nadawca",
           "none": "Brak pozycji", "cod": "Pobranie", "missing": "Brak w tej paczce"},
    "uk": {"title": "Пакувальний лист", "order": "Замовлення", "date": "Дата", "ship_to": "Одержувач",
           "carrier": "Перевізник", "service": "Послуга", "tracking": "Номер відправлення", "parcel": "Посилка",
           "weight": "Вага", "sku": "Код", "name": "Товар", "qty": "К-сть", "price": "Ціна", "total": "Разом",
           "lot": "Партія / серійний номер", "gift": "Побажання", "returns": "Повернення", "complaints": "Скарги",
           "warranty": "Гарантія", "service_contact": "Сервіс", "page": "Сторінка", "sender": "Відправник",
           "none": "Немає позицій", "cod": "Накладений платіж", "missing": "Немає в цій посилці"},
    "de": {"title": "Lieferschein", "order": "Bestellung", "date": "Datum", "ship_to": "Empfänger",
           "carrier": "Versanddienst", "service": "Service", "tracking": "Sendungsnummer", "parcel": "Paket",
           "weight": "Gewicht", "sku": "Artikelnr.", "name": "Artikel", "qty": "Menge", "price": "Preis",
           "total": "Summe", "lot": "Charge / Seriennr.", "gift": "Grußnachricht", "returns": "Rücksendung",
           "complaints": "Reklamation", "warranty": "Garantie", "service_contact": "Kundendienst", "page": "Seite",
           "sender": "Absender", "none": "Keine Positionen", "cod": "Nachnahme",
           "missing": "Fehlt in diesem Paket"},
}  # fmt: skip
# "N lines" in each language, per CLDR plural category (babel tells which category N is).
LINES: dict[str, dict[str, str]] = {
    "en": {"one": "{n} line", "other": "{n} lines"},
    "pl": {"one": "{n} pozycja", "few": "{n} pozycje", "many": "{n} pozycji", "other": "{n} pozycji"},
    "uk": {"one": "{n} позиція", "few": "{n} позиції", "many": "{n} позицій", "other": "{n} позиції"},
    "de": {"one": "{n} Position", "other": "{n} Positionen"},
}


def language(code: str) -> str:
    """A slip language this build speaks: ``code`` itself, else English."""
    short = (code or "").lower().split("-")[0].split("_")[0]
    return short if short in WORDS else "en"


def word(lang: str, key: str) -> str:
    return WORDS[language(lang)][key]


def lines_phrase(count: int, lang: str) -> str:
    """``3 pozycje``, ``5 pozycji``, ``22 pozycje``, ``1 line``: CLDR plural rules through babel."""
    lang = language(lang)
    category = Locale.parse(lang).plural_form(count)
    forms = LINES[lang]
    return forms.get(category, forms["other"]).format(n=count)


def money(amount: Decimal, currency: str, lang: str) -> str:
    """``123,45 zł``, ``€12.50``…: the customer's way of writing an amount of ``currency``."""
    return format_currency(amount, currency or "PLN", locale=language(lang))
