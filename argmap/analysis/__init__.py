"""Analysis of maps: plain functions that take a map first, networkx style.

Each job is a submodule (:mod:`~argmap.analysis.lint`, :mod:`~argmap.analysis.semantics`,
...). The lint function is not bound here, as that would hide its module
``argmap.analysis.lint``: call it as ``argmap.lint(m)`` or
``argmap.analysis.lint.lint(m)``.
"""

from argmap.analysis.framework import (
    ArgumentationFramework,
    BipolarFramework,
    SupportMode,
    bipolar_from_map,
    from_map,
)
from argmap.analysis.gradual import (
    GRADUAL,
    GradualSemantics,
    dfquad,
    euler_based,
    quadratic_energy,
    strengths,
)
from argmap.analysis.lint import LintIssue
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
from argmap.analysis.structure import (
    isolated_statements,
    main_conclusions,
    shared_premises,
    support_cycles,
    support_depth,
    unanswered_counterpoints,
    unsupported_claims,
)
from argmap.analysis.whatif import Change, Status, Step, evaluate, explain, what_if

__all__ = [
    "GRADUAL",
    "SEMANTICS",
    "ArgumentationFramework",
    "BipolarFramework",
    "Change",
    "GradualSemantics",
    "Label",
    "LintIssue",
    "Semantics",
    "Status",
    "Step",
    "SupportMode",
    "bipolar_from_map",
    "complete",
    "credulous",
    "dfquad",
    "euler_based",
    "evaluate",
    "explain",
    "extensions",
    "from_map",
    "grounded",
    "ideal",
    "isolated_statements",
    "labelling",
    "labellings",
    "main_conclusions",
    "preferred",
    "quadratic_energy",
    "sceptical",
    "semi_stable",
    "shared_premises",
    "stable",
    "strengths",
    "support_cycles",
    "support_depth",
    "unanswered_counterpoints",
    "unsupported_claims",
    "what_if",
]
