"""Reading inputs: files, directories, stdin, JSON Lines, HTML (gzip too) into RawDocuments.

Lenient with data: every input that cannot be read becomes a Rejection with a one-line reason,
and the other inputs go on.
"""

from __future__ import annotations

from .readers import SUFFIXES, read_inputs, read_path, read_string
from .text import parse_text

__all__ = ["SUFFIXES", "parse_text", "read_inputs", "read_path", "read_string"]
