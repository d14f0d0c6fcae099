"""File formats: one module per format, each with symmetric load/dump functions.

Formats read a map and never change it, and never import each other.
"""
