"""Packstation: scan-verified packing for e-commerce warehouse benches."""

__version__ = "0.1.0"
