"""``geosignal evaluate actors``: the NGEC actor-resolution cases that apply to geosignal.

The cases (``events/ngec/actor_resolution_cases.jsonl``) come from the NGEC event coder's tests.
Those that apply check the country and sector of a name or phrase, optionally on a date
(``agent_to_code``), the country of nationality phrases (``search_nat``), the sector of generic
actor nouns (``short_text_to_agent``) and phrases that must not resolve (``trf_agent_match``).
Wikipedia-title lookups (``query_wiki``) need Wikipedia and are left out.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ..errors import Errors, EvaluationDataError

CASES = Path("eval/events/ngec/actor_resolution_cases.jsonl")
METHODS = ("agent_to_code", "search_nat", "short_text_to_agent", "trf_agent_match")
CHECKED_PATHS = {"country", "code_1", "cc", "code"}


def split_of(case: dict[str, Any]) -> str:
    """Deterministic dev/test half of a case, from a hash of its test name and arguments."""
    key = json.dumps([case["test"], case["args"]], sort_keys=True).encode()
    return "dev" if hashlib.sha256(key).digest()[0] % 2 == 0 else "test"


@dataclass(slots=True)
class ActorReport:
    """Accuracy over cases and over single checks (one case may check country and sector)."""

    split: str
    cases: int = 0
    cases_passed: int = 0
    checks: int = 0
    checks_passed: int = 0
    by_path: Counter[str] = field(default_factory=Counter)
    by_path_passed: Counter[str] = field(default_factory=Counter)
    failures: list[dict[str, Any]] = field(default_factory=list)

    @property
    def case_accuracy(self) -> float:
        """Share of cases whose every check passed."""
        return self.cases_passed / self.cases if self.cases else 0.0

    @property
    def check_accuracy(self) -> float:
        """Share of single checks passed."""
        return self.checks_passed / self.checks if self.checks else 0.0

    def to_dict(self) -> dict[str, Any]:
        """The report as JSON-ready data."""
        return {
            "suite": "ngec-actors",
            "split": self.split,
            "cases": self.cases,
            "case_accuracy": round(self.case_accuracy, 4),
            "checks": self.checks,
            "check_accuracy": round(self.check_accuracy, 4),
            "country_accuracy": round(self._acc("country"), 4),
            "sector_accuracy": round(self._acc("code_1"), 4),
            "failures": self.failures[:50],
        }

    def _acc(self, path: str) -> float:
        return self.by_path_passed[path] / self.by_path[path] if self.by_path[path] else 0.0


def _when(arg: str) -> date | None:
    try:
        return date.fromisoformat(arg)
    except ValueError:
        return None  # "Today": the KB's current roles


def _observed(found: dict[str, Any] | None) -> dict[str, Any]:
    if found is None:
        return {"country": "", "code_1": None, "cc": "", "code": None}
    country = found.get("country") or ""
    sector = found.get("sector")
    if not country and (sector == "IGO" or found.get("type") == "alliance"):
        country = "IGO"
    code = f"{country}{sector or ''}" or None
    # NGEC codes a state with no agent as an empty code_1, an actor of unknown kind as UNK.
    code_1 = "" if found.get("type") == "state" and not sector else sector or "UNK"
    return {"country": country, "code_1": code_1, "cc": country, "code": code}


def _check(op: str, got: Any, want: Any) -> bool:
    if op == "Eq":
        return bool(got == want)
    if op == "NotEq":
        return bool(got != want)
    if op == "In":
        return got in want
    if op == "Is":
        return got is want
    return False


def evaluate_actors(shared: Path, split: str = "all", model: str | None = None) -> ActorReport:
    """Resolve every applicable NGEC case and score it; ``split`` is dev, test or all."""
    from ..pipeline import knowledge_base
    from ..resolve.phrase import resolve_text

    path = shared / CASES
    if not path.is_file():
        raise EvaluationDataError(Errors.E050.format(path=path))
    kb = knowledge_base()
    report = ActorReport(split=split)
    for line in path.read_text("utf-8").splitlines():
        case = json.loads(line)
        if case["method"] not in METHODS or (split != "all" and split_of(case) != split):
            continue
        args = case["args"]
        on = _when(args[2]) if len(args) > 2 else None
        found = resolve_text(kb, args[0], on, model=model)
        got = _observed(found)
        checks = [e for e in case["expect"] if e["path"] in CHECKED_PATHS]
        if not checks:
            continue
        # Several expectations on one path (GRU: MIL or SPY) mean any of them.
        ok_by_path: dict[str, bool] = {}
        for e in checks:
            ok = _check(e["op"], got[e["path"]], e["value"])
            ok_by_path[e["path"]] = ok_by_path.get(e["path"], False) or ok
        report.cases += 1
        for p, ok in ok_by_path.items():
            report.checks += 1
            report.by_path[p] += 1
            report.checks_passed += ok
            report.by_path_passed[p] += ok
        if all(ok_by_path.values()):
            report.cases_passed += 1
        else:
            report.failures.append({"text": args[0], "expected": {e["path"]: e["value"] for e in checks}, "got": got})
    return report
