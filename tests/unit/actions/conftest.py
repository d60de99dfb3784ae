"""Action tests run the real actions on a real knowledge base, with trackers built by Tracker.from_dict."""
from __future__ import annotations

from datetime import datetime
from typing import Any, Dict, Iterable, List, Optional

import pytest
import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions import context
from actions.handoff import handoff_store
from knowledge.db import PROJECT_ROOT


@pytest.fixture(scope="session")
def domain() -> Dict[str, Any]:
    """The domain as Rasa sends it to the action server (responses included)."""
    return yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def real_knowledge_base(kb_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", kb_url)
    context.knowledge_base.cache_clear()
    handoff_store.cache_clear()
    yield
    context.knowledge_base.cache_clear()
    handoff_store.cache_clear()


@pytest.fixture
def frozen_clock(monkeypatch: pytest.MonkeyPatch):
    """Freeze ``actions.context.now`` at a given Seoul time."""

    def freeze(moment: datetime) -> None:
        monkeypatch.setattr(context, "now", lambda: moment)

    return freeze


def entity(name: str, value: Any, text: str = "") -> Dict[str, Any]:
    return {"entity": name, "value": value, "start": 0, "end": len(text or str(value)), "extractor": "test"}


def make_tracker(
    intent: str,
    text: str = "",
    entities: Iterable[Dict[str, Any]] = (),
    slots: Optional[Dict[str, Any]] = None,
    events: Optional[List[Dict[str, Any]]] = None,
    ranking: Optional[List[Dict[str, Any]]] = None,
    active_loop: Optional[str] = None,
    confidence: float = 0.99,
    paused: bool = False,
) -> Tracker:
    latest = {
        "text": text,
        "intent": {"name": intent, "confidence": confidence},
        "entities": list(entities),
        "intent_ranking": ranking or [{"name": intent, "confidence": 0.99}],
    }
    return Tracker.from_dict(
        {
            "sender_id": "citizen-1",
            "slots": slots or {},
            "latest_message": latest,
            "events": events or [{"event": "user", "text": text, "parse_data": latest}],
            "paused": paused,
            "followup_action": None,
            "active_loop": {"name": active_loop} if active_loop else {},
            "latest_action_name": "action_listen",
            "latest_input_channel": "rest",
        }
    )


async def run_action(action: Any, tracker: Tracker, domain: Dict[str, Any]):
    dispatcher = CollectingDispatcher()
    events = await action.run(dispatcher, tracker, domain)
    return dispatcher.messages, events


def texts(messages: List[Dict[str, Any]]) -> str:
    return "\n".join(m.get("text") or "" for m in messages)


def slots_of(events: List[Dict[str, Any]]) -> Dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def span(name: str, value: Any, text: str, words: str) -> Dict[str, Any]:
    """An entity where ``words`` stand in ``text`` (offsets matter to actions that read around it)."""
    start = text.index(words)
    return {"entity": name, "value": value, "start": start, "end": start + len(words), "extractor": "test"}
