"""Web-chat messages are masked before Rasa sees them, like REST and KakaoTalk ones."""
from __future__ import annotations

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage

from bot.web.rasa_channel import masking


async def test_socketio_messages_are_masked_before_rasa() -> None:
    seen = []

    async def on_new_message(message: UserMessage) -> None:
        seen.append(message.text)

    await masking(on_new_message)(UserMessage("제 번호 010-1234-5678이요", CollectingOutputChannel(), "web-1"))
    await masking(on_new_message)(UserMessage("취업날개 뭐예요?", CollectingOutputChannel(), "web-1"))
    assert seen == ["제 번호 [전화번호]이요", "취업날개 뭐예요?"]
