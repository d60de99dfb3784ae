"""Messages the NLU could not tie to a question about a programme: out of scope, "what can you do?", "are you a
bot?".

In a conversation about a programme such a message is often still about it: a detail ("5층엔 뭐 들어와요?"),
a question named outright in words the NLU did not expect ("거기 주소는??"), or, after the citizen told the
bot about themselves, "그럼 저는 뭐 할 수 있어요?" (what they can use). Only what is left is answered with
the out-of-scope or capabilities reply.
"""
from __future__ import annotations

import re

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.comparisons import asks_to_compare
from actions.context import (
    BOTH_ASKED, NOT_THIS, KnowledgeAction, Replies, corrected_question, current_programme, intent_payload, latest_entity_values,
    knows_about_citizen, latest_text_unnamed, listed_one_offering, mentioned_programme, places_serving, states_facts_it_judges, states_profile_facts,
    verdict_asked_again,
)
from actions.questions_apart import AnswersQuestionsApart
from actions.details import (
    CLOCK_QUESTION, FIGURE_FOLLOW_UP, asks_for_a_date, asks_for_a_figure, detail_answer, policy_figure_answer, policy_figure_follow_up, say_detail,
)
from actions.eligibility import answers_the_form
from actions.fits import answer_about_fits, utter_fits
from actions.programme_questions import (
    ASKS_SOMETHING, POLICY_FIGURE_STRONG, SELECTION_ASKED, ActionAnswerProgrammeQuestion, asks_the_same_about, nlu_confidence,
)
from actions.question_words import (
    ASKS_IF_I_CAN, ASKS_IF_I_QUALIFY, BACK_REFERENCE, ENDS_ASKED, FOLLOW_UP_LENGTH, NOT_COVERED, POINTS_BACK, WHO_FOR, is_bare_question, only_tells_of_work,
    question_named,
)
from knowledge.fact_search import ASKING_NOUNS
from knowledge.morphology import nouns
from knowledge.queries import KnowledgeBase

# what a greeting says ("안녕하세요", "하이", "hello")
GREETING = re.compile(r"안녕|하이|헬로|반가|hello|hi\b|hey|ㅎㅇ|여보세요|처음\s*뵙", re.IGNORECASE)
# what asking whether one talks to a bot says ("너 사람이야?", "챗봇이에요?", "AI야?")
BOT_WORDS = re.compile(r"사람|봇|로봇|기계|ai|AI|인공지능|컴퓨터|프로그램이|너|넌|당신|누구세요|누구야|누구예요")
# the bot addressed ("너 사람이야?", "당신 AI예요?")
YOU_WORDS = re.compile(r"(?:^|\s)(?:너|넌|니가|당신|기계)|챗봇|봇|로봇|\bai\b|AI|인공지능")
# "누구 쓰라고", "누구를 위한", "누가 쓰는": who a place is for
# the NLU's confidence above which "out of scope" is taken as it is (national schemes, other topics)
SURE_OUT_OF_SCOPE = 0.95
UNSURE_OUT_OF_SCOPE = 0.5  # (and at least FOREIGN_TOPIC_WORDS words the report never uses: another topic)
FOREIGN_TOPIC_WORDS = 3


def answer_about_current_programme(
    dispatcher: CollectingDispatcher, tracker: Tracker, replies: Replies, kb: KnowledgeBase,
    any_question_named: bool = False,
) -> Optional[List[Dict[Text, Any]]]:
    """The answer when the message is about the programme being discussed (a detail, or a question named in
    words: pointing back to it or bare, or any when ``any_question_named``); None when it is not."""
    programme = current_programme(tracker, kb)
    if programme is None:
        return None
    if corrected_question(tracker) is not None:
        # "상반기는?" after "공공근로 하반기는 언제부터 언제까지 일해요" (unsure to the NLU): that question, corrected
        return ActionAnswerProgrammeQuestion().answer(dispatcher, tracker, replies, kb)
    text = tracker.latest_message.get("text") or ""
    question = question_named(text)
    if question in ("ask_hours", "ask_open_now") and len(text) <= FOLLOW_UP_LENGTH and CLOCK_QUESTION.search(text):
        any_question_named = True  # "저녁엔 언제 닫음" about the shelter discussed: its hours
    if question is None and ENDS_ASKED.match(text) and tracker.get_slot("last_question") in ("ask_hours", "ask_open_now"):
        question, any_question_named = "ask_hours", True  # "끝나는건" after 상암쉼터's hours: its hours again
    if question is None and latest_entity_values(tracker, "district") and len(text) <= FOLLOW_UP_LENGTH:
        question, any_question_named = "ask_location", True  # "강남 쪽은": where, in that district
    if question is None and any_question_named and places_serving(tracker, programme, text):
        question = "ask_location"  # "ㄳ 대리기사용 쉼터는 따로 있어요?": the site for that work, named
    if question is not None and mentioned_programme(tracker, kb) is not None and is_bare_question(latest_text_unnamed(tracker)):
        any_question_named = True  # "기교원 몇살부터": the programme named and a question's words, nothing else
    if question is not None and (any_question_named or BACK_REFERENCE.search(text) or is_bare_question(text)):
        if question == "ask_eligibility":  # "어떤 곳이 빌릴 수 있어요?": the rules, then what is still missing
            return ActionAnswerProgrammeQuestion().judge(dispatcher, tracker, replies, kb, programme)
        # "거기 주소는??": the question, answered as usual (a detail first where it asks one); "그거 올해 융자규모
        # 얼마예요" after a list about the social economy: of the listed one whose facts say 융자 (사회투자기금)
        programme = listed_one_offering(tracker, kb, programme) or programme
        return ActionAnswerProgrammeQuestion().respond(dispatcher, tracker, replies, kb, question, question, programme)
    found = detail_answer(replies, kb, programme, text, tracker.get_slot("place"))
    if found is None and tracker.get_slot("place"):  # "사람 많이 와요? 몇명 예상한대" after the forum's venue: the forum's
        found = detail_answer(replies, kb, programme, text, say_unknown=False)
    if found is None and not BACK_REFERENCE.search(text) and not (asks_for_a_date(text) and not shares_words_with_a_fact(kb, text, at_least=2)):
        # "온라인으로 물건 팔데는 없나" after the fund's interest rate: a fact of another programme of its topic (but a date
        # of the one discussed is not another's date sharing one word: "최종 선정 결과 발표가 정확히 며칠이에요")
        nearby = detail_answer(replies, kb, None, text, topic=programme.topic, say_unknown=False)
        found = nearby if nearby is not None and nearby[1].slug != programme.slug else None
    if found is not None:
        more = replies.button("utter_button_more", intent_payload("ask_programme_info", programme=found[1].slug))
        return say_detail(dispatcher, found, [more])
    return None


# "토요일에 비와요?", "내일 날씨 어때": the weather asked, which no programme's fact answers
WEATHER_ASKED = re.compile(r"날씨|기온|일기\s*예보|(?<![가-힣])(?:비|눈)\s*(?:와|오|올|내리|온대|왔)|우산\s*(?:챙|가져)|장마|태풍|폭염")


# "언제 생기는데요", "언제 문 열어요": when a site opens
OPENING_ASKED = re.compile(r"생기|생겨|생긴|개소|개관|오픈|문\s*(?:을\s*)?(?:열|연)")


# "달러 환율 얼마에요": the thing whose amount or count is asked
QUANTITY_OF = re.compile(r"(?P<what>[가-힣A-Za-z]{2,})\s*(?:은|는|이|가)?\s*(?:얼마|몇)")


def shares_words_with_a_fact(kb: KnowledgeBase, text: str, slug: Optional[str] = None, at_least: int = 1) -> bool:
    """Whether the best fact (of the programme ``slug``, or anywhere) shares ``at_least`` distinctive words with the
    question: "전담 센터도 생긴다던데" has a word of 감정노동 보호's facts (발족); one word found anywhere may be chance."""
    hits = kb.fact_index().search(text, slug, limit=1)
    return bool(hits and len(hits[0].matched) >= at_least)


class ActionAnswerDetailOrOutOfScope(AnswersQuestionsApart):
    """An out-of-scope message may still be about the programme in context ("5층엔 뭐 들어와요?", "거기 주소는??")
    or name a fact outright ("공정무역 도시 인증은 언제예요?"); otherwise it is out of scope."""

    answered_intents = ("out_of_scope",)

    def name(self) -> Text:
        return "action_answer_detail_or_out_of_scope"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, replies: Replies, kb: KnowledgeBase
    ) -> List[Dict[Text, Any]]:
        said = tracker.latest_message.get("text") or ""
        if len(kb.named_in_order(said)) >= 2 and (asks_to_compare(said) or BOTH_ASKED.search(said)):
            # "둘 중에 어디가 더 넓어요" (out of scope to the NLU) of two sites named before: a question of those two
            return ActionAnswerProgrammeQuestion().answer(dispatcher, tracker, replies, kb)
        if answers_the_form(tracker) and current_programme(tracker, kb) is not None:
            # "네 고용센터에 구직등록 했어요" answers the form's question, whatever else it mentions
            return ActionAnswerProgrammeQuestion().judge(
                dispatcher, tracker, replies, kb, current_programme(tracker, kb), restate=False
            )
        fits = answer_about_fits(dispatcher, tracker, replies, kb)  # "그중에 돈 버는건 뭐야" after a list of what fits
        if fits is not None:
            return fits
        if mentioned_programme(tracker, kb) is not None and asks_the_same_about(tracker, kb):
            # "국제포럼" alone (out of scope to the NLU): what it is, or the question asked before, of it
            return ActionAnswerProgrammeQuestion().answer(dispatcher, tracker, replies, kb)
        if states_profile_facts(tracker) and tracker.get_slot("last_question") == "ask_eligibility":
            # "아 근데 국민연금이 매달 조금씩 나오거든요 그럼 안 돼요?" after a verdict (out of scope to the NLU, and
            # 국민연금 not covered): an income told, so the verdict again
            told = answer_facts_told(dispatcher, tracker, replies, kb)
            if told is not None:
                return told
        if only_tells_of_work(said) and not states_profile_facts(tracker):
            # "구청 계약직으로 있다가 계약만료돼서 나왔어요" (out of scope to the NLU): the work told first; what happened
            # or what is wanted comes next, so the bot asks for it
            dispatcher.utter_message(response="utter_tell_me_more")
            return []
        other_scheme = NOT_COVERED.search(tracker.latest_message.get("text") or "")
        if other_scheme:
            # "퇴사했는데 실업급여 얼마 나와?", "국민내일배움카드 있으면 기술교육원 공짜임?": a national scheme asked about,
            # whatever the message tells of the citizen or names besides
            dispatcher.utter_message(text=replies.text("utter_not_covered", topic=other_scheme.group()))
            return []
        told = (
            answer_facts_told(dispatcher, tracker, replies, kb)
            if knows_about_citizen(tracker) or states_profile_facts(tracker) else None
        )  # "아 근데 파트타임까지 세면 12명이라네요" after 마을노무사 (out of scope to the NLU): the verdict again
        if told is not None:
            return told
        text = tracker.latest_message.get("text") or ""
        figure = policy_figure_follow_up(tracker, replies, kb) or policy_figure_answer(
            replies, kb, text, POLICY_FIGURE_STRONG if current_programme(tracker, kb) else 0
        )
        if figure is not None:  # "18년 서울시 일자리 목표 총 몇개였음": the bureau's own figure
            dispatcher.utter_message(text=figure)
            return []
        if WEATHER_ASKED.search(text) and mentioned_programme(tracker, kb) is None:
            # "이번주 토요일에 비와요?": the weather, whatever day it names (not the Saturday hours of the centre)
            dispatcher.utter_message(text=replies.text("utter_out_of_scope"))
            return []
        confidence = (tracker.latest_message.get("intent") or {}).get("confidence") or 0.0
        discussed = current_programme(tracker, kb)
        sure = confidence >= SURE_OUT_OF_SCOPE and not (
            BACK_REFERENCE.search(text) or is_bare_question(text)
            # "헐 완전 반대편이네ㅋㅋ 언제 생기는데요" right after where a site will be: when, of it (a remark before)
            or (asks_for_a_date(text) and OPENING_ASKED.search(text) and (
                tracker.get_slot("place") is not None
                or (discussed is not None and shares_words_with_a_fact(kb, text, discussed.slug))
            ))  # ("전담 센터도 생긴다던데 언제 생겨" about 감정노동 보호: when its centre opens, which its facts say)
        )
        if (sure and kb.fact_index().unknown_nouns(text)) or (
            confidence >= UNSURE_OUT_OF_SCOPE and len(kb.fact_index().unknown_nouns(text, whole=True)) >= FOREIGN_TOPIC_WORDS
        ):
            # ("전세 계약 끝났는데 집주인이 … 보증금 준대요 …" at 0.62: 전세, 집주인, 세입자, 잔금 — another topic, whatever
            # 보증금 shares with 서울신용보증재단)
            # "비트코인 가격 알려줘": clearly another topic (a thing the report never mentions); words it shares with a
            # fact do not make it one
            dispatcher.utter_message(text=replies.text("utter_out_of_scope"))
            return []
        # "1월에 시작하는 건 언제 끝나요" (the NLU as sure) names nothing foreign: the programme in context may answer
        events = answer_about_current_programme(dispatcher, tracker, replies, kb)
        if events is not None:
            return events
        if sure:  # "오늘 서울 미세먼지 어때" with nothing in context: a fact elsewhere that shares a word is no answer
            dispatcher.utter_message(text=replies.text("utter_out_of_scope"))
            return []
        if (
            discussed is not None and mentioned_programme(tracker, kb) is None and len(text) <= FOLLOW_UP_LENGTH + 6
            and asks_for_a_date(text) and not kb.find_facts(text, discussed.slug) and not shares_words_with_a_fact(kb, text, at_least=2)
        ):  # "최종 선정 결과 발표가 정확히 며칠이에요" of 서울형 강소기업: its date the report lacks (120), not another
            # programme's fact that happens to say 결과
            dispatcher.utter_message(text=replies.text("utter_figure_unknown", name=discussed.name))
            return [SlotSet("programme", discussed.slug)]
        found = None if POINTS_BACK.search(text) else detail_answer(replies, kb, None, text)  # "그럼 …" only goes on
        named = mentioned_programme(tracker, kb)
        quantity = QUANTITY_OF.search(text)
        foreign = kb.fact_index().nouns_foreign_to(text, named.slug) if named is not None and quantity else []
        of_it = [
            noun for noun in nouns(quantity.group("what")) if noun in foreign and (found is None or noun not in found[0])
        ] if foreign else []
        if of_it:  # "공정무역 커피 수입하는 회사인데 오늘 달러 환율 얼마에요?": the amount of a thing the report never
            # mentions (환율), not the programme's figures
            dispatcher.utter_message(text=replies.text("utter_feature_unknown", name=named.name, words=", ".join(of_it)))
            return []
        if found is None and named is not None:
            # "서울시 비정규직 정규직 전환 얼마나 했어" (out of scope at 0.58) names a programme: what the report says of it
            return ActionAnswerProgrammeQuestion().respond(
                dispatcher, tracker, replies, kb, "ask_programme_info", "ask_programme_info", named
            )
        if found is None:
            dispatcher.utter_message(text=replies.text("utter_out_of_scope"))
            return []
        more = replies.button("utter_button_more", intent_payload("ask_programme_info", programme=found[1].slug))
        return say_detail(dispatcher, found, [more])


class ActionGreet(KnowledgeAction):
    """A greeting; but "애 때문에 낮엔 안되는데 저녁반 있나요" (the NLU heard "안녕") asks something: answered like any
    message the NLU could not place."""

    def name(self) -> Text:
        return "action_greet"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, replies: Replies, kb: KnowledgeBase
    ) -> List[Dict[Text, Any]]:
        text = tracker.latest_message.get("text") or ""
        if not text.startswith("/") and not GREETING.search(text) and ASKS_SOMETHING.search(text):
            return ActionAnswerDetailOrOutOfScope().answer(dispatcher, tracker, replies, kb)
        dispatcher.utter_message(response="utter_greet")
        return []


# below this, "what can you do" is a guess: a question about what is discussed is likelier
UNSURE_CAPABILITIES = 0.3


class ActionAnswerCapabilities(KnowledgeAction):
    """"뭘 할 수 있어요?": what the assistant can do, unless the conversation says what is really asked."""

    def name(self) -> Text:
        return "action_answer_capabilities"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, replies: Replies, kb: KnowledgeBase
    ) -> List[Dict[Text, Any]]:
        text = tracker.latest_message.get("text") or ""
        other_scheme = NOT_COVERED.search(text)
        if other_scheme:  # "퇴직금 계산 어떻게 하는지 알려줄수있어?": another agency's scheme (120)
            dispatcher.utter_message(text=replies.text("utter_not_covered", topic=other_scheme.group()))
            return []
        fits = answer_about_fits(dispatcher, tracker, replies, kb)  # "그럼 저는 뭐 할 수 있어요?"
        if fits is not None:
            return fits
        told = answer_facts_told(dispatcher, tracker, replies, kb)
        if told is not None:  # "아 방금 물어보니 동생 오늘 구직등록 했대요 그럼 돼요?" (what I can do at 0.2): judged again
            return told
        named = mentioned_programme(tracker, kb)
        if named is not None and not YOU_WORDS.search(text) and len(kb.programmes_in_text(text)) <= 1:
            # (not "결국 둘 다 120에 물어보면 되는 거네요?", which names the two just discussed)
            # "우리 회사 근로환경 완전 개판인데 노동옴부즈만한테 뭘 도와달라고 할수있어?": what that programme does
            asking = ActionAnswerProgrammeQuestion()
            dispatcher.utter_message(
                text=asking.info_answer(replies, tracker, kb, named, []), buttons=asking._next_steps(replies, named, "ask_programme_info")
            )
            return [SlotSet("programme", named.slug), SlotSet("last_question", "ask_programme_info")]
        current = current_programme(tracker, kb)
        if current is not None and SELECTION_ASKED.search(text) and "선정" in current.summary:
            # "선정할때 뭘 기준으로 봐요" of 서울형 강소기업: what it is says what it selects (고용안정성, 일·생활 균형, …)
            asking = ActionAnswerProgrammeQuestion()
            dispatcher.utter_message(
                text=asking.info_answer(replies, tracker, kb, current, []), buttons=asking._next_steps(replies, current, "ask_programme_info")
            )
            return [SlotSet("programme", current.slug), SlotSet("last_question", "ask_programme_info")]
        if len(text) <= FOLLOW_UP_LENGTH or nlu_confidence(tracker) < UNSURE_CAPABILITIES:
            # "주제가 머예요", "어떤 곳이 빌릴 수 있어요?" in a conversation about one; "2020년까지의 목표치는 어떻게
            # 잡혀 있나요?" (what I can do at 0.11) after 생활임금's figures
            events = answer_about_current_programme(dispatcher, tracker, replies, kb, any_question_named=True)
            if events is not None:
                return events
        dispatcher.utter_message(response="utter_capabilities")
        return []


# "ㄴㄴ …", "그건 됐고 …": a no (or the last subject dismissed) that opens a new question
DISMISSED_FIRST = re.compile(r"^\s*(?:ㄴㄴ|노노|아니(?:요|오)?|아뇨|그건\s*(?:됐고|됐구|그렇고)|됐고)[\s,.!~]+(?=\S\S)")


class ActionAcknowledge(KnowledgeAction):
    """"네", "ㅇㅇ" outside a question: an acknowledgement; but "사진은 ㅇㅇ?" (the NLU heard the ㅇㅇ) names a
    detail of the programme being discussed."""

    reply = "utter_acknowledged"

    def name(self) -> Text:
        return "action_acknowledge"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, replies: Replies, kb: KnowledgeBase
    ) -> List[Dict[Text, Any]]:
        text = tracker.latest_message.get("text") or ""
        events = answer_facts_told(dispatcher, tracker, replies, kb)
        if events is not None:  # "아 알바 합치면 11명이네 그럼?" (heard as a yes) after a verdict: judged again
            return events
        follow_up = (
            policy_figure_follow_up(tracker, replies, kb)
            if not text.startswith("/") and (ASKS_SOMETHING.search(text) or FIGURE_FOLLOW_UP.search(text)) else None
        )
        if follow_up is not None:  # "아니 목표 말구 6월까지 실제로 만든거" (heard as a no) after the bureau's target
            dispatcher.utter_message(text=follow_up)
            return []
        if not text.startswith("/") and mentioned_programme(tracker, kb) is not None and asks_the_same_about(tracker, kb):
            # "아 아니 그거 말고 좋은일자리 국제포럼이요" (heard as a no): the last question, about the programme named
            return ActionAnswerProgrammeQuestion().answer(dispatcher, tracker, replies, kb)
        named = mentioned_programme(tracker, kb) if not text.startswith("/") else None
        rest = text[DISMISSED_FIRST.match(text).end():] if DISMISSED_FIRST.match(text) else ""
        if named is not None and rest and any(n not in ASKING_NOUNS for n in nouns(rest)):
            # "ㄴㄴ 마을노무사 지원 사업장수" (heard as a no): what follows the no asks about the programme named
            asked = question_named(rest) or "ask_programme_info"
            return ActionAnswerProgrammeQuestion().respond(dispatcher, tracker, replies, kb, asked, asked, named)
        if named is not None and NOT_THIS.search(text) and ASKS_SOMETHING.search(text):
            # "아니 그거 말고 뉴딜일자리요 그건 뭐하는건데" (heard as a no): the question asked, about the one named
            asked = question_named(text) or "ask_programme_info"
            return ActionAnswerProgrammeQuestion().respond(dispatcher, tracker, replies, kb, asked, asked, named)
        figure = (
            policy_figure_answer(replies, kb, text, POLICY_FIGURE_STRONG)
            if not text.startswith("/") and ASKS_SOMETHING.search(text) and mentioned_programme(tracker, kb) is None else None
        )
        if figure is not None:  # "그건 그렇고 중장년 일자리는 올해 목표가 몇 개요" (heard as a yes): the bureau's figure
            dispatcher.utter_message(text=figure)
            return []
        if not text.startswith("/") and (
            any(len(n) >= 2 and n not in ASKING_NOUNS for n in nouns(text))
            or asks_for_a_figure(text)  # "거기 생긴 지 얼마나 됐어요" (heard as a no): how long, about it
            or re.search(r"(?<!\d)(?:\d{2}|\d{4})\s*년", text)  # "아니 17년 말고 16년도요": another year of the figure
            or question_named(text) is not None  # "ㅇㅋ신청은" (heard as a yes) after a verdict: how to apply
            or (re.search(r"\d\s*층", text) and ASKS_SOMETHING.search(text))  # "5층 용도 뭐였죠" of the memorial's floors
        ):
            events = answer_about_current_programme(dispatcher, tracker, replies, kb, any_question_named=True)
            if events is not None:
                return events
        found = detail_answer(replies, kb, None, rest, say_unknown=False) if named is None and rest and (
            ASKS_SOMETHING.search(rest) or asks_for_a_figure(rest)
        ) else None
        if found is not None:  # "그건 됐고 특성화고 멘토스쿨 몇명 참여했어요" (heard as a no): a fact asked of its own
            return say_detail(dispatcher, found) + [SlotSet("programme", found[1].slug)]
        dispatcher.utter_message(response=self.reply)
        return []


class ActionThank(ActionAcknowledge):
    """"감사합니다": you're welcome; but "ㄳ 대리기사용 쉼터는 따로 있어요?" (heard as thanks) asks something more."""

    reply = "utter_thanks"

    def name(self) -> Text:
        return "action_thank"


class ActionAnswerNo(ActionAcknowledge):
    """"아니요" outside a question: the menu; but "남부는 서울 아니에요?" (read as a no) asks about a detail."""

    reply = "utter_capabilities"

    def name(self) -> Text:
        return "action_answer_no"


def answer_facts_told(
    dispatcher: CollectingDispatcher, tracker: Tracker, replies: Replies, kb: KnowledgeBase
) -> Optional[List[Dict[Text, Any]]]:
    """Facts about the citizen the NLU did not take for an answer ("그럼 나는?? 나 23이고 서울 삼" read as goodbye,
    "지금 소득은 없고 구직등록은 해놨어요" as out of scope): the verdict for the programme being discussed, or what
    fits now; None when the message tells nothing about them. A programme asked about for a person the bot knows
    ("정장 빌리는것도?" after what fits a 37-year-old) gets its verdict too."""
    again = verdict_asked_again(tracker, kb, replies)
    if again is not None:
        return ActionAnswerProgrammeQuestion().judge(dispatcher, tracker, replies, kb, again)
    if not states_profile_facts(tracker):
        return None
    named = mentioned_programme(tracker, kb)
    if named is not None and named.checkable_rules and states_facts_it_judges(tracker, named):
        # "아빠가 공공근로 하고싶어하세요 만 61세 도봉구 사시고 … 월세가 매달 80씩 들어와요" (unsure): its verdict
        return ActionAnswerProgrammeQuestion().judge(dispatcher, tracker, replies, kb, named)
    programme = current_programme(tracker, kb)
    if programme is not None and programme.rules and tracker.get_slot("last_question") == "ask_eligibility":
        return ActionAnswerProgrammeQuestion().judge(dispatcher, tracker, replies, kb, programme)
    return utter_fits(dispatcher, tracker, replies, kb, explain_dropped=True)


# "그럼 운영하는 업체 이름이라도요", "주소라도 좀": something asked for, at least
AT_LEAST_ASKED = re.compile(r"(?:이)?라도\s*(?:요|좀|알려|주세요|줘|줄래|주실)")
# "그럼 …" heard as a goodbye, unsure: the conversation goes on
GOES_ON = re.compile(r"\s*(?:아\s*)?(?:그럼|그러면|근데|그리고)\s")
UNSURE_GOODBYE = 0.5


class ActionGoodbye(KnowledgeAction):
    """Goodbye, unless the message tells the bot about the citizen (then it is answered)."""

    def name(self) -> Text:
        return "action_goodbye"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, replies: Replies, kb: KnowledgeBase
    ) -> List[Dict[Text, Any]]:
        events = answer_facts_told(dispatcher, tracker, replies, kb)
        if events is not None:
            return events
        fits = answer_about_fits(dispatcher, tracker, replies, kb)  # "그럼 나같은 사람이 해볼만한건 뭐있어" (heard as a bye)
        if fits is not None:
            return fits
        text = tracker.latest_message.get("text") or ""
        question = question_named(text)
        named = mentioned_programme(tracker, kb)
        if (
            not text.startswith("/") and named is not None and named.checkable_rules and question is None
            and (ASKS_IF_I_QUALIFY.search(text) or ASKS_IF_I_CAN.search(text))
        ):  # "아 ㅅㅂ 그럼 뉴딜일자리는? 그건 나 되냐" (heard as a goodbye): its verdict for what the citizen told
            return ActionAnswerProgrammeQuestion().judge(dispatcher, tracker, replies, kb, named)
        if not text.startswith("/") and named is not None and question is None and (
            len(text) <= FOLLOW_UP_LENGTH // 2 or asks_the_same_about(tracker, kb)
        ):
            # "그럼 뉴딜은?" (the 그럼 heard as goodbye): the last question again, about the programme named
            return ActionAnswerProgrammeQuestion().answer(dispatcher, tracker, replies, kb)
        if not text.startswith("/") and (named is not None or question is not None):
            # "ㅇㅋ 그럼 강소기업 정보는 어디서 볼수있어" (the ㅇㅋ heard as goodbye): the question, answered
            asked = question or "ask_programme_info"
            programme = named or current_programme(tracker, kb)
            found = detail_answer(replies, kb, programme, text) if programme and not question and asks_for_a_figure(text) else None
            if found is not None:  # "그럼 뉴딜일자리 모집인원 몇명이에여" (the 그럼 heard as goodbye): that figure
                return say_detail(dispatcher, found)
            return ActionAnswerProgrammeQuestion().respond(dispatcher, tracker, replies, kb, asked, asked, programme)
        confidence = (tracker.latest_message.get("intent") or {}).get("confidence") or 0.0
        if not text.startswith("/") and (
            ASKS_SOMETHING.search(text) or AT_LEAST_ASKED.search(text)
            or (confidence < UNSURE_GOODBYE and GOES_ON.match(text) and len(text) > FOLLOW_UP_LENGTH // 2)
        ):
            # "그럼 최대는?", "그럼 운영하는 업체 이름이라도요": a question, never a goodbye; a detail of the programme in context, else "I don't know"
            events = answer_about_current_programme(dispatcher, tracker, replies, kb, any_question_named=True)
            if events is not None:
                return events
            figure = policy_figure_follow_up(tracker, replies, kb) or policy_figure_answer(replies, kb, text)
            if figure is not None:  # "ㅇㅋ 그럼 올해 서울시 일자리 목표는 몇 개야" (the ㅇㅋ heard as goodbye)
                dispatcher.utter_message(text=figure)
                return []
            dispatcher.utter_message(response="utter_default")
            return []
        dispatcher.utter_message(response="utter_goodbye")
        return []


class ActionAnswerBotChallenge(KnowledgeAction):
    """"너 사람이야?": that it is a bot; but "뉴딜은 경쟁률 세요?" (the NLU heard "…세요?") is about a programme."""

    def name(self) -> Text:
        return "action_answer_bot_challenge"

    def answer(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, replies: Replies, kb: KnowledgeBase
    ) -> List[Dict[Text, Any]]:
        told = answer_facts_told(dispatcher, tracker, replies, kb)
        if told is not None:  # "내년에 2호점 내면 합쳐서 13명 될 거 같은데 그땐요?" (heard as "are you …?")
            return told
        text = tracker.latest_message.get("text") or ""
        named = mentioned_programme(tracker, kb)
        if named is not None:
            events = answer_about_current_programme(dispatcher, tracker, replies, kb, any_question_named=True)
            if events is not None:
                return events
            if not YOU_WORDS.search(text):
                # "옴부즈만인가 그사람들은 동네마다 있는거야?" (그사람들 heard as "are you a person?"): a detail of it
                found = detail_answer(replies, kb, named, text, say_unknown=False)
                if found is not None:
                    return say_detail(dispatcher, found)
                if ASKS_SOMETHING.search(text):  # (else what it is)
                    return ActionAnswerProgrammeQuestion().respond(
                        dispatcher, tracker, replies, kb, "ask_programme_info", "ask_programme_info", named
                    )
        programme = current_programme(tracker, kb)
        if programme is not None and (not BOT_WORDS.search(text) or (asks_for_a_figure(text) and not YOU_WORDS.search(text))):
            # "언제 완공이에요?" (the NLU heard "…이에요?" as "are you …?"), "그런 사람이 몇명이나 있는데" (사람 is no
            # question about the bot when a number is asked): about the programme being discussed
            events = answer_about_current_programme(dispatcher, tracker, replies, kb, any_question_named=True)
            if events is not None:
                return events
        if asks_for_a_figure(text) and not YOU_WORDS.search(text):
            found = detail_answer(replies, kb, None, text)  # "서울교통공사 무기계약직 정규직 된 사람 몇 명이에요?"
            if found is not None:
                return say_detail(dispatcher, found)
        if programme is not None and BACK_REFERENCE.search(text) and WHO_FOR.search(text):
            # "거긴 원래 누구 쓰라고 만든 곳이에요?" (the NLU heard "who are you?"): who it is for
            return ActionAnswerProgrammeQuestion().judge(dispatcher, tracker, replies, kb, programme)
        dispatcher.utter_message(response="utter_iamabot")
        return []
