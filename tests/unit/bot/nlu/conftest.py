"""Fixtures for the Korean NLU component tests (modelled on Rasa's own tests)."""
from pathlib import Path

import pytest
from rasa.engine.graph import ExecutionContext, GraphSchema
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.storage import ModelStorage


@pytest.fixture
def default_model_storage(tmp_path: Path) -> ModelStorage:
    """Same as Rasa's fixture of that name: a LocalModelStorage in a temp dir."""
    storage_path = tmp_path / "model_storage"
    storage_path.mkdir()
    return LocalModelStorage.create(storage_path)


@pytest.fixture
def default_execution_context() -> ExecutionContext:
    """Same as Rasa's fixture of that name."""
    return ExecutionContext(GraphSchema({}), "some_model_id")
