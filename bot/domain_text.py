"""The running assistant's reply texts, for the few sentences our channels say themselves (faults, rate limit,
unreadable input, a message passed to staff): the text is domain.yml's, like every other reply."""
from __future__ import annotations

from typing import Any


def domain_text(agent: Any, response: str) -> str:
    """The first text of ``response`` in the agent's domain; '' when there is no agent, domain or response
    (a channel served without `rasa run`, as in its own tests)."""
    templates = getattr(getattr(agent, "domain", None), "responses", {}).get(response) or [{}]
    return str(templates[0].get("text") or "")
