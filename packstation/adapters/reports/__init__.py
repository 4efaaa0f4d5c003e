"""The reports as files: CSV and JSON (``exports``) and PDF with charts (``pdf``)."""
