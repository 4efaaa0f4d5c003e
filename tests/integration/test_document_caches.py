"""The renderers keep what orders share (font subsets, the label's frame, the sender's and carrier's
blocks): a label drawn from those caches is the label drawn without them, pixel for pixel."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pypdfium2 as pdfium
import pytest

from packstation.adapters.labels import fonts, shipping_label, zpl_label
from packstation.adapters.labels.packing_slip import render_packing_slip
from packstation.adapters.labels.shipping_label import render_shipping_label
from packstation.adapters.labels.zpl_label import render_zpl_label
from packstation.domain.records import Address, LabelLine, ShipmentDocuments

SENDER = Address("Sklep Przykładowy Sp. z o.o.", "ul. Magazynowa 1", "00-001", "Warszawa")
ORDERS = [
    ShipmentDocuments(
        order_number=f"PL-{i}", tracking_number=tracking, carrier="InPost", service="Kurier Standard",
        recipient=Address(name, f"ul. Długa {i}", "90-001", "Łódź", country), sender=SENDER,
        lines=(LabelLine("SKU-1", "Kubek", 1, unit_price=Decimal("9.99")),), cod_amount=cod,
        weight_kg=Decimal("1.5"), created="2026-12-01",
    )
    for i, (name, tracking, cod, country) in enumerate([
        ("Zofia Wójcik", "340123450000000017", Decimal("10"), "PL"),
        ("Олександр Шевченко", "PX123456789PL", None, "UA"),  # letters outside the shared alphabet
        ("Łukasz Żółkiewski", "PX987654321PL", None, "PL"),
    ])
]  # fmt: skip


def _clear_caches() -> None:
    from reportlab.pdfbase import pdfmetrics

    fonts.register_fonts()
    shipping_label._shared.clear()
    shipping_label.fit_shared_block.cache_clear()
    zpl_label._frame.cache_clear()
    zpl_label._shared_block.cache_clear()
    for name in (fonts.REGULAR, fonts.BOLD):
        pdfmetrics.getFont(name)._embedded.clear()


def _pixels(pdf: bytes) -> list[bytes]:
    doc = pdfium.PdfDocument(pdf)
    return [doc[i].render(scale=203 / 72).to_pil().convert("L").tobytes() for i in range(len(doc))]


@pytest.mark.parametrize("index", range(len(ORDERS)))
def test_a_label_from_the_caches_is_the_label_without_them(index: int) -> None:
    doc = ORDERS[index]
    _clear_caches()
    cold = render_shipping_label(doc), render_zpl_label(doc, 203), render_packing_slip(doc)
    for other in ORDERS:  # fill the caches with other orders first
        render_shipping_label(replace(other, order_number="X"))
        render_zpl_label(other, 300)
    warm = render_shipping_label(doc), render_zpl_label(doc, 203), render_packing_slip(doc)
    assert _pixels(warm[0]) == _pixels(cold[0])
    assert warm[1] == cold[1]
    assert _pixels(warm[2]) == _pixels(cold[2])
    text = pdfium.PdfDocument(warm[0])[0].get_textpage().get_text_range()
    assert doc.recipient.name in text and "NADAWCA / FROM" in text and "PRZEWOŹNIK / CARRIER" in text


def test_a_label_shares_no_order_data_with_the_next() -> None:
    first, second = render_shipping_label(ORDERS[0]), render_shipping_label(ORDERS[2])
    text = pdfium.PdfDocument(second)[0].get_textpage().get_text_range()
    assert "Zofia Wójcik" not in text and "PL-0" not in text and "Łukasz Żółkiewski" in text
    assert "Zofia Wójcik" in pdfium.PdfDocument(first)[0].get_textpage().get_text_range()
