"""Rendering: drawing maps with Graphviz and showing them in notebooks."""
