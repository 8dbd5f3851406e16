"""Questions the store answers: how two states' relations move over time, who aligns with whom, who said what.

Library functions over an open ``Store`` (either backend), returning plain JSON-able values; the CLI
(``geosignal relations|blocs|quotes``) and the web API are thin layers over them. The aggregation
runs in the database on the derived ``event_dyads`` table (one row per event and ordered pair of
countries among its source and target actors).
"""

from __future__ import annotations

from .blocs import Bloc, BlocReport, Tie, blocs
from .common import DEFAULT_STATUSES, PERIODS, QUAD_CLASSES
from .quotes import QUOTE_COLUMNS, quotes
from .relations import COUNTRY_COLUMNS, DYAD_COLUMNS, relations

__all__ = [
    "COUNTRY_COLUMNS",
    "DEFAULT_STATUSES",
    "DYAD_COLUMNS",
    "PERIODS",
    "QUAD_CLASSES",
    "QUOTE_COLUMNS",
    "Bloc",
    "BlocReport",
    "Tie",
    "blocs",
    "quotes",
    "relations",
]
