"""The printed command sheet: every barcode on it decodes to its command."""

from __future__ import annotations

import pypdfium2 as pdfium
import zxingcpp

from packstation.adapters.labels.command_sheet import render_command_sheet
from packstation.services.bench.commands import SCANNED


def test_every_command_barcode_decodes(tmp_path):
    entries = [(name, f"CMD-{name}") for name in SCANNED] + [("badge:Józef Łuczak", "PKR-0003")]
    pdf = pdfium.PdfDocument(render_command_sheet(entries))
    decoded, text = set(), ""
    for page in pdf:  # twelve to a page: the commands fill the first, the badge goes on the second
        image = page.render(scale=300 / 72).to_pil().convert("L")
        decoded |= {r.text for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.Code128}
        text += page.get_textpage().get_text_range()
    assert decoded == {code for _, code in entries}
    assert "Badge: Józef Łuczak" in text and "Finish & print (F12)" in text
    assert "Undo: keep open / take back (Esc)" in text and "Hold: a unit is damaged" in text
