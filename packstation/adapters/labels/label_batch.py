"""A supervisor's batch of labels as one PDF, one page each, in order: Packstation's and carriers' own.

Packstation's labels are drawn with reportlab; a carrier's label (a one-page PDF, checked at import)
goes in as it is: pages are copied, never redrawn, with pdfium (pypdfium2).
"""

from __future__ import annotations

from collections.abc import Sequence

from packstation.domain.records import ShipmentDocuments

from .fonts import render_lock
from .shipping_label import render_shipping_labels


def render_label_batch(items: Sequence[ShipmentDocuments | bytes], dpi: int = 203) -> bytes:
    """``items`` as one PDF: a ``ShipmentDocuments`` rendered as a label page, ``bytes`` (a PDF) copied as is."""
    if all(isinstance(item, ShipmentDocuments) for item in items):
        return render_shipping_labels([item for item in items if isinstance(item, ShipmentDocuments)], dpi)
    # Runs of our own labels are rendered together; each run and each carrier PDF is a part.
    parts: list[bytes] = []
    run: list[ShipmentDocuments] = []
    for item in items:
        if isinstance(item, ShipmentDocuments):
            run.append(item)
            continue
        if run:
            parts.append(render_shipping_labels(run, dpi))
            run = []
        parts.append(item)
    if run:
        parts.append(render_shipping_labels(run, dpi))
    return merge_pdfs(parts)


def merge_pdfs(parts: Sequence[bytes]) -> bytes:
    """The pages of ``parts``, in order, as one PDF."""
    import io

    import pypdfium2 as pdfium

    with render_lock:  # pdfium is not safe for concurrent use; the renderers take turns anyway
        merged = pdfium.PdfDocument.new()
        sources = [pdfium.PdfDocument(part) for part in parts]
        try:
            for source in sources:
                merged.import_pages(source)
            out = io.BytesIO()
            merged.save(out)
            return out.getvalue()
        finally:
            for source in sources:
                source.close()
            merged.close()
