"""The knowledge base of actors: states, people with dated roles, organisations, outlets."""

from __future__ import annotations

from .base import (
    Entry,
    KnowledgeBase,
    Lexicons,
    Role,
    SurfaceForm,
    load_kb,
    normalize,
    read_kb_file,
    shipped_files,
    slug,
)

__all__ = [
    "Entry",
    "KnowledgeBase",
    "Lexicons",
    "Role",
    "SurfaceForm",
    "load_kb",
    "normalize",
    "read_kb_file",
    "shipped_files",
    "slug",
]
