"""geosignal: geopolitical news into a sourced, queryable record.

The public API is what ``__all__`` lists; everything else is internal and may change.
"""

from __future__ import annotations

from .errors import (
    Errors,
    EvaluationDataError,
    GeosignalError,
    InputError,
    KnowledgeBaseError,
    ModelNotFoundError,
    UsageError,
)
from .model import (
    Actor,
    ActorRef,
    Analysis,
    Claim,
    Document,
    Event,
    Mention,
    RawDocument,
    Rejection,
    Span,
    Statement,
    Technique,
)
from .pipeline import analyze, analyze_documents, analyze_paths
from .schema import load_schema, validate

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "ActorRef",
    "Analysis",
    "Claim",
    "Document",
    "Errors",
    "EvaluationDataError",
    "Event",
    "GeosignalError",
    "InputError",
    "KnowledgeBaseError",
    "Mention",
    "ModelNotFoundError",
    "RawDocument",
    "Rejection",
    "Span",
    "Statement",
    "Technique",
    "UsageError",
    "__version__",
    "analyze",
    "analyze_documents",
    "analyze_paths",
    "load_schema",
    "validate",
]
