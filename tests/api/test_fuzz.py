"""Property-based fuzzing of every operation in the OpenAPI spec (schemathesis): no request may give a 5xx.

Runs schemathesis' hypothesis strategies directly: its pytest loader does not work with pytest 9.
"""

from __future__ import annotations

import hypothesis
import pytest
import schemathesis
from hypothesis import HealthCheck

from incidex.api.app import create_app
from incidex.config import load_settings

FUZZ = hypothesis.settings(max_examples=60, deadline=None, derandomize=True, database=None,
                           suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
POST_DOCUMENTS = ("POST", "/api/documents")


def _operations(api_url: str) -> list[schemathesis.schemas.APIOperation]:
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(db_url=api_url, settings=load_settings()))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 12, "the spec lost operations"
    return operations


def _fuzz(operation: schemathesis.schemas.APIOperation, settings: hypothesis.settings) -> None:
    @settings
    @hypothesis.given(case=operation.as_strategy())
    def check(case: schemathesis.Case) -> None:
        response = case.call()
        assert response.status_code < 500, f"{case.method} {case.formatted_path} {case.query}: {response.text}"

    check()


def test_no_operation_answers_a_server_error(api_url: str) -> None:
    fuzzed = 0
    for operation in _operations(api_url):
        if (operation.method.upper(), operation.path) != POST_DOCUMENTS:  # runs the real model: fuzzed below
            _fuzz(operation, FUZZ)
            fuzzed += 1
    assert fuzzed >= 11


@pytest.mark.slow
def test_posting_documents_never_answers_a_server_error(api_url: str) -> None:
    [operation] = [op for op in _operations(api_url) if (op.method.upper(), op.path) == POST_DOCUMENTS]
    _fuzz(operation, hypothesis.settings(FUZZ, max_examples=25))
