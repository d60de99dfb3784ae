"""``python -m bot.web``: serve the web chat page (WEB_BIND, WEB_PORT, RASA_PUBLIC_URL)."""
from bot.web.server import main

raise SystemExit(main())
