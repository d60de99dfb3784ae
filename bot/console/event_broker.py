"""Rasa's SQL event broker, writing to the console's database by default.

Rasa 3.6's own broker (``event_broker: type: SQL``) takes its database from endpoints.yml only: the keys are
``dialect``, ``url`` (the host, or a whole SQLAlchemy URL), ``port``, ``db``, ``username`` and ``password``
(rasa/core/brokers/sql.py, ``SQLEventBroker.from_endpoint_config`` passes ``url`` as the host). A
``${VARIABLE}`` there must be set or Rasa refuses to start, and YAML cannot give it a default. This subclass
changes only where the URL comes from, so endpoints.yml needs no variable::

    event_broker:
      type: bot.console.event_broker.SQLEventBroker

URL: ``url`` in endpoints.yml if given, else ``EVENTS_DATABASE_URL``, else ``DATABASE_URL``, else the
project's SQLite file under var/ (the same default as the knowledge base and the console). Every event then
lands in the ``events`` table (id, sender_id, data: the event as JSON) that the console's analytics read.
"""
from __future__ import annotations

from asyncio import AbstractEventLoop
from pathlib import Path
from typing import Optional

from rasa.core.brokers.sql import SQLEventBroker as RasaSQLEventBroker
from rasa.utils.endpoints import EndpointConfig

from bot.console.settings import events_database_url


class SQLEventBroker(RasaSQLEventBroker):
    @classmethod
    async def from_endpoint_config(
        cls, broker_config: EndpointConfig, event_loop: Optional[AbstractEventLoop] = None
    ) -> "SQLEventBroker":
        url = broker_config.url or events_database_url()
        if "://" in url:  # a whole SQLAlchemy URL: Rasa's get_db_url() uses it as it is
            if url.startswith("sqlite:///"):
                Path(url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
            return cls(host=url)
        return cls(host=url, **broker_config.kwargs)
