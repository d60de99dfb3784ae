"""Faults: the citizen gets a polite answer with 120, the service recovers, and no conversation is lost."""
from __future__ import annotations

import uuid
from pathlib import Path
from typing import Iterator

import pytest

from tests.e2e.conftest import Stack, restart_action_server, start_stack, stop_stack


@pytest.fixture
def own_stack(kb_url: str, tmp_path: Path) -> Iterator[Stack]:
    """A stack of its own: these tests break it on purpose."""
    running = start_stack(kb_url, tmp_path)
    yield running
    stop_stack(running)


def text_of(messages) -> str:
    return "\n".join(m.get("text", "") for m in messages)


def test_action_server_killed_mid_conversation(own_stack: Stack) -> None:
    sender = f"fault-{uuid.uuid4().hex[:8]}"
    assert "면접" in text_of(own_stack.say(sender, "취업날개가 뭐예요?"))

    own_stack.action_server.kill()
    during = text_of(own_stack.say(sender, "신청은 어떻게 해요?"))
    assert "120" in during and "Error" not in during

    restart_action_server(own_stack)
    after = text_of(own_stack.say(sender, "나이 제한은요?"))
    assert "34" in after  # the programme from before the fault is still the context
    assert own_stack.tracker(sender)["slots"]["programme"] == "interview_suit_rental"
