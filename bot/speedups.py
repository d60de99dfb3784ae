"""One measured fix to Rasa 3.6's per-message path, installed when Rasa loads our channels.

Profiling `make bench` (py-spy on the Rasa server at 20 concurrent conversations) showed 43% of Rasa's time in
``RemoteAction._validate_action_result``: it calls ``jsonschema.validate`` on every action-server reply, and
``jsonschema.validate`` re-checks the (constant) schema itself each time before validating the reply. This
replaces it with a validator built once for the same schema: the reply is validated exactly as before
(same schema, same ValidationError with the same hint), only the repeated schema check is gone.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from typing import Any, Dict, Text

logger = logging.getLogger(__name__)

_installed = False


@lru_cache(maxsize=1)
def _response_validator() -> Any:
    from jsonschema.validators import validator_for
    from rasa.core.actions.action import RemoteAction

    schema = RemoteAction.action_response_format_spec()
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)  # once, as jsonschema.validate would on every call
    return validator_class(schema)


def _validate_action_result(self: Any, result: Dict[Text, Any]) -> bool:
    from jsonschema import ValidationError
    from rasa.shared.constants import DOCS_BASE_URL

    try:
        _response_validator().validate(result)
        return True
    except ValidationError as e:
        e.message += (
            f". Failed to validate Action server response from API, "
            f"make sure your response from the Action endpoint is valid. "
            f"For more information about the format visit "
            f"{DOCS_BASE_URL}/custom-actions"
        )
        raise e


def install() -> None:
    """Idempotent; called from the channels' start-up (bot/channels/rest.py), never at import time."""
    global _installed
    if _installed:
        return
    from rasa.core.actions.action import RemoteAction

    RemoteAction._validate_action_result = _validate_action_result
    _installed = True
    logger.info("action-server replies validated with a prebuilt JSON-schema validator (bot/speedups.py)")


def freeze_startup_objects() -> None:
    """After the model is loaded: move everything alive into the GC's permanent generation, and collect the young
    generation less often. The loaded model and Rasa's modules are millions of objects that never die; without this
    every full collection walks them all in the middle of some citizen's turn (the slow tail of `make bench`)."""
    import gc

    gc.collect()
    gc.freeze()
    gc.set_threshold(GC_YOUNG_THRESHOLD, 20, 20)
    logger.info("%d start-up objects frozen out of the garbage collector's way", gc.get_freeze_count())


GC_YOUNG_THRESHOLD = 20_000  # Python's default is 700 allocations
