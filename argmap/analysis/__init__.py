"""Analysis of maps: plain functions that take a map first, networkx style."""

from argmap.analysis.framework import (
    ArgumentationFramework,
    BipolarFramework,
    SupportMode,
    bipolar_from_map,
    from_map,
)
from argmap.analysis.lint import LintIssue, lint
from argmap.analysis.semantics import (
    SEMANTICS,
    Label,
    Semantics,
    complete,
    credulous,
    extensions,
    grounded,
    ideal,
    labelling,
    labellings,
    preferred,
    sceptical,
    semi_stable,
    stable,
)

__all__ = [
    "SEMANTICS",
    "ArgumentationFramework",
    "BipolarFramework",
    "Label",
    "LintIssue",
    "Semantics",
    "SupportMode",
    "bipolar_from_map",
    "complete",
    "credulous",
    "extensions",
    "from_map",
    "grounded",
    "ideal",
    "labelling",
    "labellings",
    "lint",
    "preferred",
    "sceptical",
    "semi_stable",
    "stable",
]
