"""The prebuilt validator accepts and rejects action-server replies exactly as Rasa's own check does."""
from __future__ import annotations

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rasa.core.actions.action import RemoteAction

from bot import speedups

SCHEMA = RemoteAction.action_response_format_spec()
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(["events", "responses", "event", "text", "x"]), inner, max_size=3),
    max_leaves=8,
)


def rasa_says(result) -> bool:
    try:
        jsonschema.validate(result, SCHEMA)
        return True
    except jsonschema.ValidationError:
        return False


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_same_verdict_as_jsonschema_validate(result) -> None:
    try:
        ours = speedups._validate_action_result(None, result)
    except jsonschema.ValidationError as error:
        assert "Failed to validate Action server response" in error.message
        ours = False
    assert ours == rasa_says(result)


def test_install_replaces_rasas_method_once() -> None:
    original = RemoteAction._validate_action_result
    try:
        speedups._installed = False
        speedups.install()
        speedups.install()
        assert RemoteAction._validate_action_result is speedups._validate_action_result
        assert RemoteAction(name="x", action_endpoint=None)._validate_action_result({"events": [], "responses": []})
        with pytest.raises(jsonschema.ValidationError):
            RemoteAction(name="x", action_endpoint=None)._validate_action_result({"events": "not a list"})
    finally:
        RemoteAction._validate_action_result = original
        speedups._installed = False
