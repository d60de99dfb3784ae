"""Held-out conversations (tests/heldout/conversations.yml) against the real servers, as a new citizen would.

Starts the action server and Rasa (scripts/services.py, the trained model in models/) on a fresh SQLite copy of
the knowledge base, holds every conversation over REST with its own sender id, and checks each bot turn against
the conversation's expectations (`any` / `all` / `none` substrings of the joined replies). A conversation passes
when every turn passes. Prints the pass rate per category and writes results/dialogue_eval.json and
results/dialogue_failures_<set>.md (what was said, what was expected, what the bot answered).

    make eval-dialogue          # or: .venv/bin/python scripts/evaluate_dialogue.py [--only ID ...]
"""
from __future__ import annotations

import argparse
import json
import logging
import re
import sys
import tempfile
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from scripts.services import action_server, free_port, rasa_server, server_environment, start_all, stop_all  # noqa: E402

# Each set by a helper who saw neither the training data nor each other's set (tests/heldout/*.md).
# Each set's first run is the honest number (tests/heldout/README.md); its failures were read afterwards.
CONVERSATION_SETS = {
    "v1": ROOT / "tests" / "heldout" / "conversations.yml",
    "v2": ROOT / "tests" / "heldout" / "conversations_v2.yml",
    "v3": ROOT / "tests" / "heldout" / "conversations_v3.yml",
    "v4": ROOT / "tests" / "heldout" / "conversations_v4.yml",
    "v5": ROOT / "tests" / "heldout" / "conversations_v5.yml",
    "v6": ROOT / "tests" / "heldout" / "conversations_v6.yml",
    "v7": ROOT / "tests" / "heldout" / "conversations_v7.yml",
    "v8": ROOT / "tests" / "heldout" / "conversations_v8.yml",
    "v9": ROOT / "tests" / "heldout" / "conversations_v9.yml",
    "v10": ROOT / "tests" / "heldout" / "conversations_v10.yml",
    "v11": ROOT / "tests" / "heldout" / "conversations_v11.yml",
    "v12": ROOT / "tests" / "heldout" / "conversations_v12.yml",
    "v13": ROOT / "tests" / "heldout" / "conversations_v13.yml",
    "v14": ROOT / "tests" / "heldout" / "conversations_v14.yml",
    "v15": ROOT / "tests" / "heldout" / "conversations_v15.yml",
    "v16": ROOT / "tests" / "heldout" / "conversations_v16.yml",
    "v17": ROOT / "tests" / "heldout" / "conversations_v17.yml",
    "v18": ROOT / "tests" / "heldout" / "conversations_v18.yml",
    "v19": ROOT / "tests" / "heldout" / "conversations_v19.yml",
    "v20": ROOT / "tests" / "heldout" / "conversations_v20.yml",
    "v21": ROOT / "tests" / "heldout" / "conversations_v21.yml",
    "v22": ROOT / "tests" / "heldout" / "conversations_v22.yml",
    "v23": ROOT / "tests" / "heldout" / "conversations_v23.yml",
    "v24": ROOT / "tests" / "heldout" / "conversations_v24.yml",
    "v25": ROOT / "tests" / "heldout" / "conversations_v25.yml",
    "v26": ROOT / "tests" / "heldout" / "conversations_v26.yml",
    "v27": ROOT / "tests" / "heldout" / "conversations_v27.yml",
    "v28": ROOT / "tests" / "heldout" / "conversations_v28.yml",
    "v29": ROOT / "tests" / "heldout" / "conversations_v29.yml",
    "v30": ROOT / "tests" / "heldout" / "conversations_v30.yml",
    "v31": ROOT / "tests" / "heldout" / "conversations_v31.yml",
    "v32": ROOT / "tests" / "heldout" / "conversations_v32.yml",
    "v33": ROOT / "tests" / "heldout" / "conversations_v33.yml",
    "v34": ROOT / "tests" / "heldout" / "conversations_v34.yml",
    "v35": ROOT / "tests" / "heldout" / "conversations_v35.yml",
    "v36": ROOT / "tests" / "heldout" / "conversations_v36.yml",
    "v37": ROOT / "tests" / "heldout" / "conversations_v37.yml",
    "v38": ROOT / "tests" / "heldout" / "conversations_v38.yml",
    "v39": ROOT / "tests" / "heldout" / "conversations_v39.yml",
    "v40": ROOT / "tests" / "heldout" / "conversations_v40.yml",
    "v41": ROOT / "tests" / "heldout" / "conversations_v41.yml",
    "v42": ROOT / "tests" / "heldout" / "conversations_v42.yml",
    "v43": ROOT / "tests" / "heldout" / "conversations_v43.yml",
    "v44": ROOT / "tests" / "heldout" / "conversations_v44.yml",
    "v45": ROOT / "tests" / "heldout" / "conversations_v45.yml",
    "v46": ROOT / "tests" / "heldout" / "conversations_v46.yml",
    "v47": ROOT / "tests" / "heldout" / "conversations_v47.yml",
    "v48": ROOT / "tests" / "heldout" / "conversations_v48.yml",
    "v49": ROOT / "tests" / "heldout" / "conversations_v49.yml",
    "v50": ROOT / "tests" / "heldout" / "conversations_v50.yml",
    "v51": ROOT / "tests" / "heldout" / "conversations_v51.yml",
    "v52": ROOT / "tests" / "heldout" / "conversations_v52.yml",
    "v53": ROOT / "tests" / "heldout" / "conversations_v53.yml",
    "v54": ROOT / "tests" / "heldout" / "conversations_v54.yml",
    "v55": ROOT / "tests" / "heldout" / "conversations_v55.yml",
    "v56": ROOT / "tests" / "heldout" / "conversations_v56.yml",
    "v57": ROOT / "tests" / "heldout" / "conversations_v57.yml",
    "v58": ROOT / "tests" / "heldout" / "conversations_v58.yml",
    "v59": ROOT / "tests" / "heldout" / "conversations_v59.yml",
    "v60": ROOT / "tests" / "heldout" / "conversations_v60.yml",
    "v61": ROOT / "tests" / "heldout" / "conversations_v61.yml",
    "v62": ROOT / "tests" / "heldout" / "conversations_v62.yml",
    "v63": ROOT / "tests" / "heldout" / "conversations_v63.yml",
    "v64": ROOT / "tests" / "heldout" / "conversations_v64.yml",
    "v65": ROOT / "tests" / "heldout" / "conversations_v65.yml",
    "v66": ROOT / "tests" / "heldout" / "conversations_v66.yml",
    "v67": ROOT / "tests" / "heldout" / "conversations_v67.yml",
    "v68": ROOT / "tests" / "heldout" / "conversations_v68.yml",
    "v69": ROOT / "tests" / "heldout" / "conversations_v69.yml",
    "v70": ROOT / "tests" / "heldout" / "conversations_v70.yml",
    "v71": ROOT / "tests" / "heldout" / "conversations_v71.yml",
    "v72": ROOT / "tests" / "heldout" / "conversations_v72.yml",
    "v73": ROOT / "tests" / "heldout" / "conversations_v73.yml",
    "v74": ROOT / "tests" / "heldout" / "conversations_v74.yml",
    "v75": ROOT / "tests" / "heldout" / "conversations_v75.yml",
    "v76": ROOT / "tests" / "heldout" / "conversations_v76.yml",
    "v77": ROOT / "tests" / "heldout" / "conversations_v77.yml",
    "v78": ROOT / "tests" / "heldout" / "conversations_v78.yml",
    "v79": ROOT / "tests" / "heldout" / "conversations_v79.yml",
    "v80": ROOT / "tests" / "heldout" / "conversations_v80.yml",
    "v81": ROOT / "tests" / "heldout" / "conversations_v81.yml",
    "v82": ROOT / "tests" / "heldout" / "conversations_v82.yml",
    "v83": ROOT / "tests" / "heldout" / "conversations_v83.yml",
    "v84": ROOT / "tests" / "heldout" / "conversations_v84.yml",
    "v85": ROOT / "tests" / "heldout" / "conversations_v85.yml",
    "v86": ROOT / "tests" / "heldout" / "conversations_v86.yml",
    "v87": ROOT / "tests" / "heldout" / "conversations_v87.yml",
    "v88": ROOT / "tests" / "heldout" / "conversations_v88.yml",
    "v89": ROOT / "tests" / "heldout" / "conversations_v89.yml",
    "v90": ROOT / "tests" / "heldout" / "conversations_v90.yml",
    "v91": ROOT / "tests" / "heldout" / "conversations_v91.yml",
    "v92": ROOT / "tests" / "heldout" / "conversations_v92.yml",
    "v93": ROOT / "tests" / "heldout" / "conversations_v93.yml",
    "v94": ROOT / "tests" / "heldout" / "conversations_v94.yml",
    "v95": ROOT / "tests" / "heldout" / "conversations_v95.yml",
    "v96": ROOT / "tests" / "heldout" / "conversations_v96.yml",
    "v97": ROOT / "tests" / "heldout" / "conversations_v97.yml",
    "v98": ROOT / "tests" / "heldout" / "conversations_v98.yml",
    "v99": ROOT / "tests" / "heldout" / "conversations_v99.yml",
    "v100": ROOT / "tests" / "heldout" / "conversations_v100.yml",
    "v101": ROOT / "tests" / "heldout" / "conversations_v101.yml",
    "v102": ROOT / "tests" / "heldout" / "conversations_v102.yml",
    "v103": ROOT / "tests" / "heldout" / "conversations_v103.yml",
    "v104": ROOT / "tests" / "heldout" / "conversations_v104.yml",
    "v105": ROOT / "tests" / "heldout" / "conversations_v105.yml",
    "v106": ROOT / "tests" / "heldout" / "conversations_v106.yml",
    "v107": ROOT / "tests" / "heldout" / "conversations_v107.yml",
    "v108": ROOT / "tests" / "heldout" / "conversations_v108.yml",
    "v109": ROOT / "tests" / "heldout" / "conversations_v109.yml",
    "v110": ROOT / "tests" / "heldout" / "conversations_v110.yml",
    "v111": ROOT / "tests" / "heldout" / "conversations_v111.yml",
    "v112": ROOT / "tests" / "heldout" / "conversations_v112.yml",
    "v113": ROOT / "tests" / "heldout" / "conversations_v113.yml",
    "v114": ROOT / "tests" / "heldout" / "conversations_v114.yml",
    "v115": ROOT / "tests" / "heldout" / "conversations_v115.yml",
    "v116": ROOT / "tests" / "heldout" / "conversations_v116.yml",
    "v117": ROOT / "tests" / "heldout" / "conversations_v117.yml",
    "v118": ROOT / "tests" / "heldout" / "conversations_v118.yml",
    "v119": ROOT / "tests" / "heldout" / "conversations_v119.yml",
    "v120": ROOT / "tests" / "heldout" / "conversations_v120.yml",
    "v121": ROOT / "tests" / "heldout" / "conversations_v121.yml",
    "v122": ROOT / "tests" / "heldout" / "conversations_v122.yml",
    "v123": ROOT / "tests" / "heldout" / "conversations_v123.yml",
    "v124": ROOT / "tests" / "heldout" / "conversations_v124.yml",
    "v125": ROOT / "tests" / "heldout" / "conversations_v125.yml",
    "v126": ROOT / "tests" / "heldout" / "conversations_v126.yml",
    "v127": ROOT / "tests" / "heldout" / "conversations_v127.yml",
    "v128": ROOT / "tests" / "heldout" / "conversations_v128.yml",
    "v129": ROOT / "tests" / "heldout" / "conversations_v129.yml",
    "v130": ROOT / "tests" / "heldout" / "conversations_v130.yml",
    "v131": ROOT / "tests" / "heldout" / "conversations_v131.yml",
    "v132": ROOT / "tests" / "heldout" / "conversations_v132.yml",
    "v133": ROOT / "tests" / "heldout" / "conversations_v133.yml",
    "v134": ROOT / "tests" / "heldout" / "conversations_v134.yml",
    "v135": ROOT / "tests" / "heldout" / "conversations_v135.yml",
    "v136": ROOT / "tests" / "heldout" / "conversations_v136.yml",
    "v137": ROOT / "tests" / "heldout" / "conversations_v137.yml",
    "v138": ROOT / "tests" / "heldout" / "conversations_v138.yml",
    "v139": ROOT / "tests" / "heldout" / "conversations_v139.yml",
    "v140": ROOT / "tests" / "heldout" / "conversations_v140.yml",
    "v141": ROOT / "tests" / "heldout" / "conversations_v141.yml",
    "v142": ROOT / "tests" / "heldout" / "conversations_v142.yml",
    "v143": ROOT / "tests" / "heldout" / "conversations_v143.yml",
    "v144": ROOT / "tests" / "heldout" / "conversations_v144.yml",
    "v145": ROOT / "tests" / "heldout" / "conversations_v145.yml",
    "v146": ROOT / "tests" / "heldout" / "conversations_v146.yml",
    "v147": ROOT / "tests" / "heldout" / "conversations_v147.yml",
    "v148": ROOT / "tests" / "heldout" / "conversations_v148.yml",
}
# Not run by default: kept for the next honest measurement (run it once, with --set, and say so in the README).
KEPT_UNRUN = {"v143", "v144", "v145", "v146", "v147", "v148"}  # written at the end of session 16; not yet run (tests/heldout/README.md)
RESULTS = ROOT / "results"
API_TOKEN = "dialogue-eval"

logger = logging.getLogger("evaluate_dialogue")


@dataclass
class TurnResult:
    user: str
    expect: Dict[str, List[str]]
    reply: str
    problems: List[str]


@dataclass
class ConversationResult:
    id: str
    category: str
    turns: List[TurnResult] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return all(not turn.problems for turn in self.turns)


ANSWER_BUTTON = re.compile(r"^\s*(?:네|예|아니요|아뇨|아니에요)(?![가-힣])")


def check(reply: str, expect: Dict[str, List[str]]) -> List[str]:
    """What is wrong with a reply: the expectations it misses (case-insensitive substrings)."""
    text = reply.lower()
    problems = []
    if expect.get("any") and not any(s.lower() in text for s in expect["any"]):
        problems.append(f"none of {expect['any']}")
    problems += [f"missing {s!r}" for s in expect.get("all", []) if s.lower() not in text]
    problems += [f"must not say {s!r}" for s in expect.get("none", []) if s.lower() in text]
    return problems


def say(rasa_url: str, sender: str, message: str) -> str:
    request = urllib.request.Request(
        f"{rasa_url}/webhooks/rest/webhook",
        data=json.dumps({"sender": sender, "message": message}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        messages = json.load(response)
    parts = []
    for message in messages:
        parts.append(message.get("text") or "")
        # the buttons the citizen sees count (a programme offered), but not the answers offered for the bot's own
        # question ("네, 서울 살아요" / "아니요" under "서울에 살고 계세요?"), which are no verdict
        parts += [title for b in message.get("buttons") or [] for title in [b.get("title", "")] if not ANSWER_BUTTON.match(title)]
    return "\n".join(part for part in parts if part)


def run(rasa_url: str, conversations: List[Dict[str, Any]]) -> List[ConversationResult]:
    results = []
    for conversation in conversations:
        sender = f"eval-{conversation['id']}-{uuid.uuid4().hex[:6]}"
        result = ConversationResult(conversation["id"], conversation.get("category", "?"))
        for turn in conversation["turns"]:
            reply = say(rasa_url, sender, turn["user"])
            result.turns.append(TurnResult(turn["user"], turn["expect"], reply, check(reply, turn["expect"])))
        results.append(result)
    return results


def report(results: List[ConversationResult]) -> Dict[str, Any]:
    categories: Dict[str, List[bool]] = {}
    for result in results:
        categories.setdefault(result.category, []).append(result.passed)
    turns = [turn for result in results for turn in result.turns]
    return {
        "conversations": len(results),
        "passed": sum(r.passed for r in results),
        "pass_rate": round(sum(r.passed for r in results) / len(results), 4) if results else 0.0,
        "turns": len(turns),
        "turn_pass_rate": round(sum(not t.problems for t in turns) / len(turns), 4) if turns else 0.0,
        "per_category": {name: {"conversations": len(v), "passed": sum(v)} for name, v in sorted(categories.items())},
    }


def failures_markdown(results: List[ConversationResult]) -> str:
    lines = ["# Held-out conversations that failed", ""]
    for result in results:
        if result.passed:
            continue
        lines += [f"## {result.id} ({result.category})", ""]
        for turn in result.turns:
            mark = "✗" if turn.problems else "✓"
            lines.append(f"- {mark} **{turn.user}**")
            if turn.problems:
                lines.append(f"  - expected: {'; '.join(turn.problems)}")
            lines.append("  - bot: " + turn.reply.replace("\n", " ⏎ ")[:400])
        lines.append("")
    return "\n".join(lines)


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=sorted(CONVERSATION_SETS), action="append", help="default: every set but the kept one(s)")
    parser.add_argument("--only", nargs="*", help="conversation ids to run (default: all)")
    parser.add_argument("--rasa-url", help="a running Rasa to talk to instead of starting one")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    chosen = args.set or sorted(set(CONVERSATION_SETS) - KEPT_UNRUN)
    sets = {name: yaml.safe_load(CONVERSATION_SETS[name].read_text(encoding="utf-8"))["conversations"] for name in chosen}
    if args.only:
        sets = {name: [c for c in conversations if c["id"] in set(args.only)] for name, conversations in sets.items()}

    services = []
    results: Dict[str, List[ConversationResult]] = {}
    with tempfile.TemporaryDirectory(prefix="dialogue-eval-") as work:
        try:
            rasa_url = args.rasa_url
            if rasa_url is None:
                from sqlalchemy import create_engine

                from knowledge.loader import load

                database_url = f"sqlite:///{work}/eval.db"
                load(create_engine(database_url, future=True))
                action_port, rasa_port = free_port(), free_port()
                env = server_environment(database_url, f"http://127.0.0.1:{action_port}", {"RATE_LIMIT_PER_MINUTE": "0"})
                services = start_all([
                    action_server(action_port, env, Path(work)),
                    rasa_server(rasa_port, env, Path(work), API_TOKEN),
                ])
                rasa_url = f"http://127.0.0.1:{rasa_port}"
            for name, conversations in sets.items():
                results[name] = run(rasa_url, conversations)
        finally:
            stop_all(services)

    RESULTS.mkdir(exist_ok=True)
    summaries = {name: report(found) for name, found in results.items()}
    (RESULTS / "dialogue_eval.json").write_text(json.dumps(summaries, ensure_ascii=False, indent=2), encoding="utf-8")
    for name, found in results.items():
        (RESULTS / f"dialogue_failures_{name}.md").write_text(failures_markdown(found), encoding="utf-8")
        summary = summaries[name]
        logger.info("[%s] category            passed / conversations", name)
        for category, counts in summary["per_category"].items():
            logger.info("  %-18s %3d / %d", category, counts["passed"], counts["conversations"])
        logger.info(
            "[%s] conversations passed: %d / %d = %.1f%% (turns: %.1f%%); failures in results/dialogue_failures_%s.md",
            name, summary["passed"], summary["conversations"], 100 * summary["pass_rate"], 100 * summary["turn_pass_rate"], name,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
