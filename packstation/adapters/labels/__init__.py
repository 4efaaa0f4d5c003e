"""PDF renderers for the documents a packing station prints.

``shipping_label.render_shipping_label`` draws the 100×150 mm carrier label and
``packing_slip.render_packing_slip`` the A4 packing slip. Both take a
:class:`~packstation.domain.records.ShipmentDocuments` and return PDF bytes; they
embed DejaVu Sans (see ``fonts``) because reportlab's built-in fonts cannot draw
Polish or Cyrillic letters.
"""
