"""``rasa data validate``, made strict where Rasa cannot see our design.

Rasa's validator warns that every response used only by custom actions (or asked by a form) is "not
used in any story or rule". Here those warnings are checked instead of ignored: a response must be
named in ``actions/`` or be a form's ``utter_ask_<slot>``, and every response an action names must
exist. Any other warning, and any error, fails the run.
"""
from __future__ import annotations

import logging
import re
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UNUSED = re.compile(r"The utterance '(utter_\w+)' is not used in any story or rule\.")

logger = logging.getLogger("validate_data")


def responses_named_in_actions() -> set:
    names = set()
    for path in (ROOT / "actions").glob("*.py"):
        names.update(re.findall(r"[\"'](utter_\w+)[\"']", path.read_text(encoding="utf-8")))
    return names


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    from rasa.shared.core.domain import Domain
    from rasa.shared.importers.importer import TrainingDataImporter
    from rasa.validator import Validator

    importer = TrainingDataImporter.load_from_config(
        config_path=str(ROOT / "config.yml"), domain_path=str(ROOT / "domain.yml"), training_data_paths=[str(ROOT / "data")]
    )
    validator = Validator.from_importer(importer)
    domain: Domain = validator.domain
    named = responses_named_in_actions()
    asked_by_forms = {f"utter_ask_{slot.name}" for slot in domain.slots}
    # situation intros are looked up by intent name: utter_<situation intent>
    by_intent = {f"utter_{intent}" for intent in domain.intents if intent.startswith("situation_")}
    # said by Rasa's own default actions (action_default_ask_rephrase, action_default_fallback)
    by_rasa = {"utter_ask_rephrase", "utter_default"}
    # said by our channels themselves (faults, rate limit, unreadable input: bot/channels/, bot/web/, bot/ratelimit.py)
    by_channels = {name for path in (ROOT / "bot").rglob("*.py")
                   for name in re.findall(r"[\"'](utter_\w+)[\"']", path.read_text(encoding="utf-8"))}

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        checks = [
            validator.verify_domain_validity(),
            validator.verify_nlu(ignore_warnings=False),
            validator.verify_utterances_in_stories(ignore_warnings=False),
            validator.verify_story_structure(ignore_warnings=False, max_history=5),
            validator.verify_forms_in_stories_rules(),
            validator.verify_actions_in_stories_rules(),
            validator.verify_form_slots(),
            validator.verify_slot_mappings(),
        ]
    problems = []
    for warning in caught:
        message = str(warning.message)
        unused = UNUSED.search(message)
        if unused and unused.group(1) in named | asked_by_forms | by_intent | by_rasa | by_channels:
            continue
        if issubclass(warning.category, DeprecationWarning) or "SQLAlchemy 2.0" in message:
            continue
        if message.strip() not in problems:
            problems.append(message.strip())
    if not all(checks) and not problems:
        problems.append("a validation check failed (see the log above)")
    missing = sorted(name for name in named if name not in domain.responses)
    problems += [f"actions/ names the response '{name}', which domain.yml does not define" for name in missing]
    for problem in problems:
        logger.error("✗ %s", problem)
    if problems:
        logger.error("%d problem(s) in the training data or domain", len(problems))
        return 1
    logger.info("training data and domain are valid (responses used by actions and forms checked)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
