#!/usr/bin/env python3
"""Health check of the image: `assistant-healthcheck [rasa|actions|web]` exits 0 when that role answers 200.

  rasa     GET http://127.0.0.1:5005/          ("Hello from Rasa: 3.6.21"; no token needed)
  actions  GET http://127.0.0.1:5055/health    ({"status": "ok"})
  web      GET http://127.0.0.1:$WEB_PORT/     (the city page)

Without an argument (Docker's HEALTHCHECK) the role is read from PID 1's command line, which is either the
entrypoint (`assistant ROLE`, under `docker run --init`/compose `init: true`) or the command it exec'd. One-shot
jobs (kb, staff-user, rasa train) have nothing to probe and count as healthy. Standard library only.
"""
import os
import sys
import urllib.request


def role_of_pid1() -> str:
    try:
        with open("/proc/1/cmdline", "rb") as f:
            words = [os.path.basename(w.decode("utf-8", "replace")) for w in f.read().split(b"\0") if w]
    except OSError:
        return ""
    if {"kb", "knowledge.loader", "staff-user", "bot.console", "train"} & set(words):
        return ""
    if "actions" in words:  # `assistant actions` or `rasa run actions …`
        return "actions"
    if "web" in words or "bot.web" in words:
        return "web"
    if "rasa" in words or "run" in words:
        return "rasa"
    return ""


def url_for(role: str) -> str:
    if role == "rasa":
        return "http://127.0.0.1:5005/"
    if role == "actions":
        return "http://127.0.0.1:5055/health"
    if role == "web":
        return f"http://127.0.0.1:{os.environ.get('WEB_PORT', '').strip() or '8080'}/"
    return ""


def main() -> int:
    role = sys.argv[1] if len(sys.argv) > 1 else role_of_pid1()
    url = url_for(role)
    if not url:
        return 0
    try:
        with urllib.request.urlopen(url, timeout=4) as response:  # noqa: S310 (fixed loopback URL)
            return 0 if response.status == 200 else 1
    except Exception as exc:  # refused, timeout, HTTP error
        print(f"{role} unhealthy: {url}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
