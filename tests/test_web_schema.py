"""Property tests of the web API against its own OpenAPI document (schemathesis), bounded in examples and time."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from geosignal.store import open_store
from geosignal.web import create_app

pytestmark = [pytest.mark.model, pytest.mark.shared]


@pytest.fixture(scope="module")
def web_api(web_store_path: Path) -> Iterator[Any]:
    with open_store(str(web_store_path), read_only=True) as store:
        yield schemathesis.openapi.from_asgi("/openapi.json", create_app(store))


schema = schemathesis.pytest.from_fixture("web_api")


@schema.parametrize()
@settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_api_follows_its_openapi_document(case: Any) -> None:
    # Every check schemathesis knows: no 5xx, documented status codes, content types and
    # response schemas, and invalid input refused with a 4xx. "Schema-valid data is accepted" is
    # not checked where validity goes beyond what OpenAPI can say, and the API answers 422 by
    # design: a document body that is no article (binary bytes, blank text), and relations'
    # "exactly one of dyad and country, two different states".
    beyond_schema = case.method == "POST" or case.path == "/api/relations"
    excluded = [positive_data_acceptance] if beyond_schema else []
    case.call_and_validate(excluded_checks=excluded)
