"""The handoff queue: conversations a citizen asked to continue with a person.

Written by the action server (``action_request_human``), read and updated by the staff console.
It lives in the same database as the knowledge base (``DATABASE_URL``).

The outbox (``staff_outbox``) holds staff replies for channels that cannot push a message to the
citizen (REST, KakaoTalk): such a channel calls ``HandoffStore.deliver(sender_id)`` when the citizen
writes next and sends the returned texts before (or instead of) the bot's answer.

While a request waits and nobody has taken it, the bot still answers questions about the programmes
("기다리는 동안 하나만, 옴부즈만 노무상담은 공짜 맞죠?"); once staff take it, only they answer
(``install_answers_while_waiting``).
"""
from __future__ import annotations

import enum
import logging
import re
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, List, Optional

from sqlalchemy import Column, DateTime, Integer, String, Text, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, declarative_base

logger = logging.getLogger(__name__)

HandoffBase = declarative_base()


class HandoffStatus(str, enum.Enum):
    WAITING = "waiting"  # the bot is paused, nobody has taken it yet
    TAKEN = "taken"  # a staff member is answering
    RETURNED = "returned"  # handed back to the bot


class HandoffRequest(HandoffBase):
    __tablename__ = "handoff_requests"

    id = Column(Integer, primary_key=True)
    sender_id = Column(String(255), nullable=False, index=True)
    channel = Column(String(40))
    reason = Column(Text, nullable=False, default="")
    status = Column(String(20), nullable=False, default=HandoffStatus.WAITING.value, index=True)
    requested_at = Column(DateTime(timezone=True), nullable=False)
    taken_by = Column(String(100))
    closed_at = Column(DateTime(timezone=True))


class StaffMessage(HandoffBase):
    """A staff reply waiting until the citizen's channel can deliver it (see the module docstring)."""

    __tablename__ = "staff_outbox"

    id = Column(Integer, primary_key=True)
    sender_id = Column(String(255), nullable=False, index=True)
    channel = Column(String(40))
    text = Column(Text, nullable=False)
    staff = Column(String(100), nullable=False)
    created_at = Column(DateTime(timezone=True), nullable=False)
    delivered_at = Column(DateTime(timezone=True), index=True)


@dataclass(frozen=True)
class Handoff:
    id: int
    sender_id: str
    channel: Optional[str]
    reason: str
    status: HandoffStatus
    requested_at: datetime
    taken_by: Optional[str]


@dataclass(frozen=True)
class OutboxMessage:
    id: int
    sender_id: str
    channel: Optional[str]
    text: str
    staff: str
    created_at: datetime


def _view(row: HandoffRequest) -> Handoff:
    return Handoff(row.id, row.sender_id, row.channel, row.reason, HandoffStatus(row.status), row.requested_at, row.taken_by)


def _message(row: StaffMessage) -> OutboxMessage:
    return OutboxMessage(row.id, row.sender_id, row.channel, row.text, row.staff, row.created_at)


class HandoffStore:
    """Open requests are unique per conversation: asking twice does not queue it twice."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._ready = False

    def _session(self) -> Session:
        if not self._ready:
            HandoffBase.metadata.create_all(self._engine)
            self._ready = True
        return Session(self._engine, future=True)

    def request(self, sender_id: str, reason: str, channel: Optional[str] = None) -> Handoff:
        with self._session() as session, session.begin():
            row = session.execute(
                select(HandoffRequest).where(
                    HandoffRequest.sender_id == sender_id,
                    HandoffRequest.status != HandoffStatus.RETURNED.value,
                )
            ).scalars().first()
            if row is None:
                row = HandoffRequest(
                    sender_id=sender_id,
                    channel=channel,
                    reason=reason[:1000],
                    requested_at=datetime.now(timezone.utc),
                )
                session.add(row)
                session.flush()
            return _view(row)

    def open_requests(self) -> List[Handoff]:
        with self._session() as session:
            rows = session.execute(
                select(HandoffRequest)
                .where(HandoffRequest.status != HandoffStatus.RETURNED.value)
                .order_by(HandoffRequest.requested_at)
            ).scalars()
            return [_view(row) for row in rows]

    def get(self, handoff_id: int) -> Optional[Handoff]:
        with self._session() as session:
            row = session.get(HandoffRequest, handoff_id)
            return _view(row) if row else None

    def is_waiting(self, sender_id: str) -> bool:
        """Whether this conversation's request waits for staff (asked, and nobody has taken it yet)."""
        with self._session() as session:
            return session.execute(
                select(HandoffRequest.id).where(
                    HandoffRequest.sender_id == sender_id, HandoffRequest.status == HandoffStatus.WAITING.value
                )
            ).first() is not None

    def take(self, handoff_id: int, staff: str) -> Optional[Handoff]:
        return self._update(handoff_id, HandoffStatus.TAKEN, staff)

    def hand_back(self, handoff_id: int, staff: str) -> Optional[Handoff]:
        return self._update(handoff_id, HandoffStatus.RETURNED, staff)

    def _update(self, handoff_id: int, status: HandoffStatus, staff: str) -> Optional[Handoff]:
        with self._session() as session, session.begin():
            row = session.get(HandoffRequest, handoff_id)
            if row is None:
                return None
            row.status = status.value
            row.taken_by = staff
            if status is HandoffStatus.RETURNED:
                row.closed_at = datetime.now(timezone.utc)
            return _view(row)

    # -- the outbox of staff replies for channels that cannot push (REST, KakaoTalk)
    def queue_message(self, sender_id: str, text: str, staff: str, channel: Optional[str] = None) -> OutboxMessage:
        with self._session() as session, session.begin():
            row = StaffMessage(
                sender_id=sender_id,
                channel=channel,
                text=text,
                staff=staff[:100],
                created_at=datetime.now(timezone.utc),
            )
            session.add(row)
            session.flush()
            return _message(row)

    def has_undelivered(self, sender_id: str) -> bool:
        """Whether staff replies wait for this conversation (one indexed query per citizen message)."""
        with self._session() as session:
            first = session.execute(
                select(StaffMessage.id)
                .where(StaffMessage.sender_id == sender_id, StaffMessage.delivered_at.is_(None))
                .limit(1)
            ).scalar()
            return first is not None

    def undelivered(self, sender_id: str) -> List[OutboxMessage]:
        with self._session() as session:
            rows = session.execute(
                select(StaffMessage)
                .where(StaffMessage.sender_id == sender_id, StaffMessage.delivered_at.is_(None))
                .order_by(StaffMessage.id)
            ).scalars()
            return [_message(row) for row in rows]

    def deliver(self, sender_id: str) -> List[OutboxMessage]:
        """The citizen's undelivered staff replies, oldest first, marked delivered.

        Each message is claimed with its own conditional UPDATE, so two channel workers handling
        the same citizen at once never both send it.
        """
        claimed = []
        for message in self.undelivered(sender_id):
            with self._session() as session, session.begin():
                result = session.execute(
                    update(StaffMessage)
                    .where(StaffMessage.id == message.id, StaffMessage.delivered_at.is_(None))
                    .values(delivered_at=datetime.now(timezone.utc))
                )
                if result.rowcount == 1:
                    claimed.append(message)
        return claimed


# a thanks or goodbye while waiting for staff is answered in kind (the message still reaches them)
_CLOSING_INTENTS = frozenset({"thanks", "goodbye"})


def delivered_response(tracker: Any) -> str:
    """The reply key for a message in a paused conversation: "넹 ㄱㅅ" gets a thank-you, anything else that the
    message reached staff."""
    intent = ((getattr(tracker, "latest_message", None) and tracker.latest_message.intent) or {}).get("name")
    return "utter_message_delivered_thanks" if intent in _CLOSING_INTENTS else "utter_message_delivered"


# questions the bot still answers while a request waits for staff (the actions' QUESTION_INTENTS), when the NLU is
# this sure of them: a person is not there yet, and the citizen should not wait for a fact the bot has
ANSWERED_WHILE_WAITING = frozenset({
    "ask_programme_info", "ask_eligibility", "ask_hours", "ask_open_now", "ask_location", "ask_how_to_apply",
    "ask_cost", "ask_contact",
})
SURE_WHILE_WAITING = 0.3
# and, when the citizen says they ask while waiting, a request for what fits or a situation told
ASKED_MEANWHILE = ANSWERED_WHILE_WAITING | frozenset({
    "recommend_programmes", "situation_unpaid_wages", "situation_unfair_dismissal", "situation_workplace_harassment",
    "situation_customer_abuse", "situation_labour_problem", "situation_small_workplace", "situation_interview_suit",
    "situation_study_space", "situation_job_search", "situation_job_training", "situation_low_income",
    "situation_rest_area", "situation_social_economy",
})


# about the wait itself ("아직이에요?", "언제 연결돼요?", "얼마나 기다려야 돼요?"): for staff, unless a programme is named
_ABOUT_THE_WAIT = re.compile(r"아직|기다|연결|언제\s*(?:와|오|돼|되)|얼마나\s*걸|상담원|상담사|담당자|직원")
# "기다리는 동안 하나만요 …": the wait mentioned on the way to a question, which is what is asked
_MEANWHILE = re.compile(
    r"기다리는\s*(?:동안|김에|중에|사이에?)|기다리면서"
    r"|(?:그\s*동안|그\s*사이에?|그새)\s*(?:에\s*)?(?:하나만|한\s*가지만|뭐\s*하나|잠깐|물어|궁금)"  # "그동안 하나만 물어볼게 …"
)


def asked_while_waiting(parse_data: Any, paused: bool, sender_id: str, store: HandoffStore) -> bool:
    """Whether a message the NLU read as ``parse_data`` in a paused conversation is a question the bot answers: its
    request still waits (nobody has taken it), and it asks about a programme, not about the wait."""
    parse_data = parse_data or {}
    intent = parse_data.get("intent") or {}
    # "기다리는 동안 하나만요 장애인 일자리 …", "기다리는동안 물어보자 무료로 법률지원 해주는데 있어?": a question said to
    # be one, whatever the NLU made of it (a list of help, a situation)
    named = any(e.get("entity") == "programme" for e in parse_data.get("entities") or [])
    # (or facts told of a programme named: "기다리는 동안 하나만요 시-구 협력 일자리사업으로 만드는 일자리 총 몇개에요")
    meanwhile = bool(_MEANWHILE.search(parse_data.get("text") or "")) and (
        intent.get("name") in ASKED_MEANWHILE or (intent.get("name") == "inform" and named)
    )
    if not paused or (intent.get("name") not in ANSWERED_WHILE_WAITING and not meanwhile):
        return False
    if not named and _ABOUT_THE_WAIT.search(_MEANWHILE.sub(" ", parse_data.get("text") or "")):
        return False
    if float(intent.get("confidence") or 0.0) < SURE_WHILE_WAITING and not (meanwhile and named):
        return False  # (a question said to be one, about a programme named, is answered however unsure the NLU is)
    try:
        return store.is_waiting(sender_id)
    except SQLAlchemyError:
        logger.exception("handoff queue unavailable for %s: the message goes to staff", sender_id)
        return False


def install_answers_while_waiting(store: HandoffStore) -> None:
    """Lets Rasa's processor answer a question in a paused conversation whose request waits (idempotent; called
    from the channels' start-up, never at import time). Rasa otherwise predicts nothing while paused; the listen
    logged before the question lets the rules read it as any question."""
    from rasa.core.processor import MessageProcessor
    from rasa.shared.core.events import ActionExecuted

    if getattr(MessageProcessor, "_answers_while_waiting", False):
        return
    handles = MessageProcessor._should_handle_message
    logs = MessageProcessor._handle_message_with_tracker

    async def handle_message_with_tracker(self: Any, message: Any, tracker: Any) -> None:
        if tracker.is_paused() and not message.parse_data:
            message.parse_data = await self.parse_message(message, tracker)
            if asked_while_waiting(message.parse_data, True, tracker.sender_id, store):
                tracker.update(ActionExecuted("action_listen"))
        await logs(self, message, tracker)

    def should_handle_message(tracker: Any) -> bool:
        if handles(tracker):
            return True
        latest = tracker.latest_message
        last_action = next((e for e in reversed(tracker.events) if isinstance(e, ActionExecuted)), None)
        if last_action is None or last_action.action_name != "action_listen" or latest is None:
            return False  # (one answer, then the conversation stays with staff)
        return asked_while_waiting(latest.parse_data, tracker.is_paused(), tracker.sender_id, store)

    MessageProcessor._handle_message_with_tracker = handle_message_with_tracker
    MessageProcessor._should_handle_message = staticmethod(should_handle_message)
    MessageProcessor._answers_while_waiting = True
