"""The staff console: sign-in, programme search, the handoff queue and analytics (README.md).

The Blueprint is made by ``bot.console.app.console_blueprint()`` and mounted at ``/console`` by
``python -m bot.web``. This package's ``__init__`` imports nothing, so Rasa can load
``bot.console.event_broker`` without the web parts.
"""
