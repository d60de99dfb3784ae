"""The per-conversation rate limit over real HTTP: a polite 429, nothing lost, other citizens unaffected."""
from __future__ import annotations

import uuid
from pathlib import Path

import yaml

from tests.e2e.conftest import RATE_LIMIT, ROOT, Stack, send_message


def test_one_conversation_over_the_limit_gets_a_polite_429(stack: Stack) -> None:
    sender, other = f"flood-{uuid.uuid4().hex[:8]}", f"calm-{uuid.uuid4().hex[:8]}"
    statuses = [send_message(stack.rasa_url, sender, f"취업날개 {n}")[0] for n in range(RATE_LIMIT)]
    assert statuses == [200] * RATE_LIMIT
    status, messages = send_message(stack.rasa_url, sender, "하나 더요")
    expected = yaml.safe_load(Path(ROOT / "domain.yml").read_text(encoding="utf-8"))["responses"]["utter_rate_limited"][0]["text"]
    assert status == 429 and [m["text"] for m in messages] == [expected] and "120" in expected

    user_texts = [e["text"] for e in stack.tracker(sender)["events"] if e.get("event") == "user"]
    assert len(user_texts) == RATE_LIMIT and "하나 더요" not in user_texts  # refused before Rasa, nothing half-done
    status, messages = send_message(stack.rasa_url, other, "취업날개가 뭐예요?")
    assert status == 200 and "면접" in " ".join(m.get("text", "") for m in messages)
