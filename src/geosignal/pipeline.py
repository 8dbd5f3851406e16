"""The pipeline: inputs -> spaCy -> stages -> Analysis, one document or thousands."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import TypeVar

from . import claims, events, resolve, statements, techniques
from .config import Settings, load_settings
from .errors import Errors, InputError, UsageError
from .ingest import read_inputs, read_path, read_string
from .ingest.language import detect_language
from .kb import KnowledgeBase, load_kb
from .kb.places import load_regions
from .model import Analysis, Document, RawDocument, Rejection
from .nlp import load_nlp
from .stage import Context, Stage

# Order matters: claims read statements, events inherit the status of their claim.
STAGES: tuple[tuple[str, Stage], ...] = (
    ("resolve", resolve.run),
    ("statements", statements.run),
    ("claims", claims.run),
    ("events", events.run),
    ("techniques", techniques.run),
)

# Documents per spaCy batch, and characters: small batches keep the pipeline's arrays small (its
# tok2vec holds about 15 KB per token of a batch). On the BBC corpus a batch of 8 ran 25% faster
# than 32 and peaked 220 MiB lower; the character budget parses a very long article on its own.
PARSE_BATCH = 8
PARSE_CHARS = 20_000

_T = TypeVar("_T")


def user_kb_dir() -> Path:
    """Where ``geosignal kb import`` puts user KB files (``GEOSIGNAL_KB_DIR`` overrides)."""
    env = os.environ.get("GEOSIGNAL_KB_DIR")
    if env:
        return Path(env)
    return Path(os.environ.get("XDG_DATA_HOME", Path.home() / ".local" / "share")) / "geosignal" / "kb"


def knowledge_base(settings: Settings | None = None) -> KnowledgeBase:
    """The shipped KB plus the user's imported files and ``kb_paths``.

    The gazetteer's regions (with the user's ``GEOSIGNAL_REGIONS`` files) are read too, so a bad
    file stops the run before any article, not one article at a time.
    """
    settings = settings or load_settings()
    d = user_kb_dir()
    imported = tuple(sorted(d.glob("*.yaml"))) if d.is_dir() else ()
    load_regions()
    return load_kb(imported + settings.kb_paths)


def parse_date(value: str | None) -> date | None:
    """The date part of an ISO date or date-time, or None if absent or unreadable."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def document_id(text: str) -> str:
    """A stable content hash of the cleaned text."""
    return "sha256:" + hashlib.sha256(text.encode("utf-8")).hexdigest()


def analyze_documents(
    items: Iterable[RawDocument | Rejection],
    *,
    settings: Settings | None = None,
    batch_size: int = PARSE_BATCH,
) -> Iterator[Analysis | Rejection]:
    """Analyse a stream of documents in input order; rejections pass through unchanged."""
    settings = settings or load_settings()
    nlp = load_nlp(settings.model)
    kb = knowledge_base(settings)

    def prepared() -> Iterator[tuple[RawDocument | Rejection, str | None]]:
        for item in items:
            if isinstance(item, Rejection):
                yield item, None
                continue
            lang = item.language or detect_language(item.text)
            item.language = lang
            yield item, lang

    # nlp.pipe needs a text per item; rejections and non-English texts get an empty one.
    stream = ((("" if isinstance(i, Rejection) or lang != "en" else i.text), i) for i, lang in prepared())
    for group in _parse_batches(stream, batch_size):
        for doc, item in nlp.pipe(group, as_tuples=True, batch_size=len(group)):
            if isinstance(item, Rejection):
                yield item
                continue
            yield _analyse_one(doc, item, kb)


def _parse_batches(stream: Iterable[tuple[str, _T]], size: int) -> Iterator[list[tuple[str, _T]]]:
    """Groups of at most ``size`` texts and ``PARSE_CHARS`` characters (a longer text goes alone)."""
    group: list[tuple[str, _T]] = []
    chars = 0
    for pair in stream:
        if group and (len(group) >= size or chars + len(pair[0]) > PARSE_CHARS):
            yield group
            group, chars = [], 0
        group.append(pair)
        chars += len(pair[0])
    if group:
        yield group


def _analyse_one(doc: object, raw: RawDocument, kb: KnowledgeBase) -> Analysis:
    from spacy.tokens import Doc

    assert isinstance(doc, Doc)
    document = Document(
        id=raw.id or document_id(raw.text),
        text=raw.text,
        title=raw.title,
        outlet=raw.outlet,
        published=raw.published,
        language=raw.language,
        source=raw.source,
        url=raw.url,
    )
    analysis = Analysis(document=document)
    if raw.language != "en":
        analysis.warnings.append(
            f"language is {raw.language!r}, not English: actors, events and claims were not extracted"
        )
        return analysis
    ctx = Context(kb=kb, published=parse_date(raw.published))
    for _name, stage in STAGES:
        stage(doc, analysis, ctx)
    return analysis


def analyze(
    text_or_path: str | Path,
    *,
    title: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    url: str | None = None,
    model: str | None = None,
) -> Analysis:
    """Analyse one article given as text or as a path (``Path``, or a string naming a file).

    Raises InputError if the input cannot be read, ModelNotFoundError if the spaCy model is
    missing, UsageError for arguments of the wrong kind.
    """
    if not isinstance(text_or_path, (str, Path)):
        raise UsageError(Errors.E041.format(type=type(text_or_path).__name__))
    if published is not None and parse_date(published) is None:
        raise UsageError(Errors.E040.format(value=published))
    settings = load_settings().with_overrides(model=model)
    raw: RawDocument | Rejection
    if isinstance(text_or_path, Path) or _names_file(text_or_path):
        got = list(read_path(Path(text_or_path), max_bytes=settings.max_bytes))
        docs = [g for g in got if isinstance(g, RawDocument)]
        if not docs:
            bad = got[0] if got else Rejection(str(text_or_path), Errors.E004.format(), "E004")
            assert isinstance(bad, Rejection)
            raise InputError(bad.source, bad.reason)
        raw = docs[0]
    else:
        got_one = read_string(text_or_path)
        if isinstance(got_one, Rejection):
            raise InputError(got_one.source, got_one.reason)
        raw = got_one
        raw.source = None
    apply_overrides(raw, title=title, outlet=outlet, published=published, url=url)
    result = next(analyze_documents([raw], settings=settings))
    assert isinstance(result, Analysis)
    return result


def apply_overrides(
    raw: RawDocument,
    *,
    title: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    url: str | None = None,
) -> RawDocument:
    """Replace the metadata a reader found with what the caller says."""
    if title is not None:
        raw.title = title
    if outlet is not None:
        raw.outlet = outlet
    if published is not None:
        raw.published = published
    if url is not None:
        raw.url = url
    return raw


def _names_file(s: str) -> bool:
    if "\n" in s or len(s) >= 4096:
        return False
    try:
        return Path(s).is_file()
    except OSError:  # a sentence is no file name: too long a component, or a NUL in it
        return False


def analyze_paths(
    paths: Iterable[str | Path],
    *,
    title: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    url: str | None = None,
    model: str | None = None,
    skipped: dict[str, int] | None = None,
) -> Iterator[Analysis | Rejection]:
    """Analyse files, directories, JSON Lines, feeds, WARC and ``-`` (stdin) in order, with metadata overrides.

    ``skipped`` (when given) counts the parts of inputs passed over as not articles, by kind.
    """
    if published is not None and parse_date(published) is None:
        raise UsageError(Errors.E040.format(value=published))
    settings = load_settings().with_overrides(model=model)
    load_nlp(settings.model)  # fail before reading anything if the model is missing

    def overridden() -> Iterator[RawDocument | Rejection]:
        for item in read_inputs(paths, max_bytes=settings.max_bytes, skipped=skipped):
            if isinstance(item, RawDocument):
                apply_overrides(item, title=title, outlet=outlet, published=published, url=url)
            yield item

    return analyze_documents(overridden(), settings=settings)
