"""Generated from ui/*.ui by pyside6-uic; do not edit (tests/gui/test_forms.py checks they are current)."""
