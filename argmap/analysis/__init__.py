"""Analysis of maps: plain functions that take a map first, networkx style."""

from argmap.analysis.lint import LintIssue, lint

__all__ = ["LintIssue", "lint"]
