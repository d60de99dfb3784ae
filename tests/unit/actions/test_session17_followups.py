"""Follow-ups of session 17: a move into Seoul supposed after a no for living outside; "같은 분이 X는요?"; a verdict
while a handoff waits; "그거 … 할 수 있는 거 맞죠?" with a friend's facts; children told apart ("큰애", "작은애",
"막내"); a household's home shared; a count guessed; "날짜는요?"; a programme named in a short form with a question's
words; a detail of the listed programme that has it."""
from __future__ import annotations

from typing import Any, Dict, List

from actions.context import intent_payload, profile_from_tracker
from actions.open_questions import ActionAnswerDetailOrOutOfScope
from actions.programme_questions import ActionAnswerProgrammeQuestion
from actions.recommendations import ActionRecommendProgrammes
from knowledge.queries import KnowledgeBase, Verdict, check_eligibility
from tests.unit.actions.conftest import make_tracker, run_action, span, texts
from tests.unit.actions.test_session6_followups import said_before, then

QUESTION = ActionAnswerProgrammeQuestion()
YES_LIST = ("이용할 수 있어요", "신청할 수 있어요", "가능해요", "대상이에요", "해당돼요", "받을 수 있어요")
NO_LIST = ("아쉽지만", "조건에 맞지 않", "어렵", "해당되지 않", "수 없어요", "불가", "안 돼요", "안돼요", "아닙니다")


def slot(name: str, value: Any) -> Dict[str, Any]:
    return {"event": "slot", "name": name, "value": value}


def is_yes(reply: str) -> bool:
    return any(word in reply for word in YES_LIST) and not any(word in reply for word in NO_LIST)


def is_no(reply: str) -> bool:
    return any(word in reply for word in NO_LIST)


NEWDEAL_NO_FOR_BUCHEON = said_before(
    "보호종료 청년 27세, 주소지가 경기도 부천이에요. 뉴딜일자리 참여 되나요?",
    bot="[뉴딜일자리] 아쉽지만 조건에 맞지 않아요.\n- 안 맞는 조건: 서울 거주",
)
PROFILE_27_OUTSIDE = {"age": 27, "residence": "outside", "programme": "newdeal_jobs", "last_question": "ask_eligibility"}


async def test_a_move_into_seoul_supposed_after_a_no_is_judged_again(domain) -> None:
    """"담달에 영등포로 전입 예정이라는데 서울 주소 되면요?" after 뉴딜일자리's no for 부천: yes (not where its site is)."""
    now = "담달에 영등포로 전입 예정이라는데 서울 주소 되면요?"
    told = [span("district", "영등포구", now, "영등포"), span("residence", "seoul", now, "영등포")]
    slots = {**PROFILE_27_OUTSIDE, "residence": "seoul", "district": "영등포구"}
    tracker = make_tracker("ask_location", now, told, slots=slots, events=NEWDEAL_NO_FOR_BUCHEON + [then(now, told)], confidence=0.45)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert is_yes(reply) and "[뉴딜일자리]" in reply and "문정동" not in reply, reply


async def test_the_same_person_asked_of_another_programme_is_judged(domain) -> None:
    """"그럼 같은 분이 뉴딜일자리는요?" after 취업날개's no for a 35-year-old job seeker in 관악구: 뉴딜일자리's yes."""
    first = "청년 내담자 케이스 문의요. 만 35세, 관악구 거주, 현재 구직중인데 취업날개 정장대여 이용 가능할까요?"
    now = "그럼 같은 분이 뉴딜일자리는요?"
    named = [span("programme", "newdeal_jobs", now, "뉴딜일자리")]
    events = said_before(first, bot="[취업날개 서비스] 아쉽지만 조건에 맞지 않아요.") + [then(now, named)]
    slots = {"age": 35, "residence": "seoul", "job_status": "job_seeker", "programme": "newdeal_jobs", "last_question": "ask_eligibility"}
    tracker = make_tracker("ask_programme_info", now, named, slots=slots, events=events, confidence=0.63)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert is_yes(reply) and "[뉴딜일자리]" in reply, reply


async def test_eligibility_asked_while_a_handoff_waits_gets_its_verdict_at_once(domain) -> None:
    """One action runs while a request waits: "아들이 스물여덟이고 서울 사는데 뉴딜일자리 나이 되죠?" → the yes, and no
    form follows (it would never run)."""
    now = "그동안 하나만요 아들이 스물여덟이고 서울 사는데 뉴딜일자리 나이 되죠?"
    named = [span("programme", "newdeal_jobs", now, "뉴딜일자리")]
    tracker = make_tracker(
        "ask_eligibility", now, named, slots={"age": 28, "residence": "seoul", "programme": "newdeal_jobs"}, paused=True,
    )
    messages, events = await run_action(QUESTION, tracker, domain)
    assert is_yes(texts(messages)), texts(messages)
    assert not any(event.get("event") == "followup" for event in events), events


async def test_it_asked_for_a_friend_while_a_programme_is_discussed_is_judged(domain) -> None:
    """"근데 그거 경기도 사람도 할 수 있는 거 맞죠? 저 말고 친구요, 걔는 수원 살고 스물여섯" while 뉴딜일자리 is
    discussed: its no (서울), not a list of what fits."""
    now = "근데 그거 경기도 사람도 할 수 있는 거 맞죠? 저 말고 친구요, 걔는 수원 살고 스물여섯"
    told = [span("residence", "outside", now, "수원"), span("age", 26, now, "스물여섯")]
    events = said_before("뉴딜 그거 2년 꽉 채워서 24개월 하는 거죠?", bot="[뉴딜일자리] 보고서에 이렇게 나와 있어요.") + [then(now, told)]
    slots = {"age": 26, "residence": "outside", "programme": "newdeal_jobs", "last_question": "ask_programme_info"}
    tracker = make_tracker("recommend_programmes", now, told, slots=slots, events=events, confidence=0.64)
    reply = texts((await run_action(ActionRecommendProgrammes(), tracker, domain))[0])
    assert is_no(reply) and "[뉴딜일자리]" in reply and "서울" in reply, reply


def children_in_turn(third: str, third_facts: List[Dict[str, Any]], third_slots: List[Dict[str, Any]]) -> list:
    first = "큰애가 스물여섯이고 서울 살고 취업 준비중이에요. 면접 정장 빌려주는거 우리 애 받을 수 있나요?"
    second = "작은애는 서른다섯이고 걔도 서울 집에서 취준하고 있어요. 작은애도 돼요?"
    return [
        then(first), slot("age", 26), slot("residence", "seoul"), slot("job_status", "job_seeker"),
        slot("programme", "interview_suit_rental"),
        {"event": "bot", "text": "[취업날개 서비스] 말씀해 주신 조건이면 이용할 수 있어요."},
        then(second), slot("age", 35), slot("residence", "seoul"), slot("job_status", "job_seeker"),
        {"event": "bot", "text": "[취업날개 서비스] 아쉽지만 조건에 맞지 않아요."},
        then(third, third_facts), *third_slots,
    ]


def test_the_youngest_child_is_someone_else_than_the_ones_told_before() -> None:
    """"막내도 서울 살고 고3인데 … 막내는요?" after 큰애 (26) and 작은애 (35): a 고3, so yes (not 35's no)."""
    now = "막내도 서울 살고 고3인데 졸업하면 바로 취업할거래요 막내는요?"
    told = [span("residence", "seoul", now, "서울"), span("high_school_senior", True, now, "고3")]
    events = children_in_turn(now, told, [slot("residence", "seoul"), slot("high_school_senior", True)])
    slots = {"age": 35, "residence": "seoul", "job_status": "job_seeker", "high_school_senior": True,
             "programme": "interview_suit_rental", "last_question": "ask_eligibility"}
    tracker = make_tracker("ask_eligibility", now, told, slots=slots, events=events)
    profile = profile_from_tracker(tracker)
    assert profile.age is None and profile.high_school_senior and profile.seoul_resident, profile
    assert check_eligibility(KnowledgeBase().programme("interview_suit_rental"), profile).verdict is Verdict.ELIGIBLE


def test_a_child_living_with_one_told_before_shares_that_home() -> None:
    """"큰애는 17살이에요 같이 살고요, 걔는 그 교육원 되나요?" after a 14-year-old son in Seoul: yes for 17 in Seoul."""
    first = "중2 아들 14살인데 서울 살아요 기술교육원 다닐 수 있나요"
    now = "큰애는 17살이에요 같이 살고요, 걔는 그 교육원 되나요?"
    told = [span("age", 17, now, "17살")]
    events = [
        then(first), slot("age", 14), slot("residence", "seoul"), slot("programme", "technical_school"),
        {"event": "bot", "text": "[서울시 기술교육원] 아쉽지만 조건에 맞지 않아요."},
        then(now, told), slot("age", 17),
    ]
    slots = {"age": 17, "residence": "seoul", "programme": "technical_school", "last_question": "ask_eligibility"}
    tracker = make_tracker("ask_eligibility", now, told, slots=slots, events=events)
    profile = profile_from_tracker(tracker)
    assert profile.age == 17 and profile.seoul_resident, profile
    assert check_eligibility(KnowledgeBase().programme("technical_school"), profile).verdict is Verdict.ELIGIBLE


async def test_a_count_guessed_is_answered_with_the_reports_count(domain) -> None:
    """"올 상반기에 무료상담 한 100건쯤 했으려나" (a price question to the NLU) of 노동옴부즈만: 1,694건, not 무료."""
    now = "올 상반기에 무료상담 한 100건쯤 했으려나"
    tracker = make_tracker("ask_cost", now, slots={"programme": "labour_ombudsman"}, confidence=0.41)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "1,694" in reply, reply


async def test_the_date_asked_in_a_word_is_no_price(domain) -> None:
    """"날짜는요?" (a price question to the NLU) after where the forum is held: its dates."""
    now = "날짜는요?"
    events = said_before("좋은 일자리도시 국제포럼 어디서 하는거에요", bot="[2018년 좋은 일자리도시 국제포럼] 위치예요.") + [then(now)]
    tracker = make_tracker("ask_cost", now, slots={"programme": "decent_work_forum"}, events=events, confidence=0.36)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "12월 11일" in reply and "비용" not in reply, reply


async def test_a_short_form_of_a_name_and_a_question_is_that_question(domain) -> None:
    """"기교원 몇살부터" (out of scope to the NLU; MeCab leaves "교원"): 기술교육원's rule, from 15."""
    now = "기교원 몇살부터"
    named = [span("programme", "technical_school", now, "기교원")]
    tracker = make_tracker("out_of_scope", now, named, slots={"programme": "technical_school"}, confidence=0.72)
    reply = texts((await run_action(ActionAnswerDetailOrOutOfScope(), tracker, domain))[0])
    assert "15" in reply and "교원’" not in reply, reply


SOCIAL_LIST = said_before(
    "사회적기업 대출 같은 거 있어요?",
    bot="사회적경제 기업(사회적기업·협동조합 등)을 돕는 서울시 제도예요:",
    buttons=[
        {"title": name, "payload": intent_payload("ask_programme_info", programme=slug)}
        for slug, name in (
            ("social_economy_support", "사회적경제기업 육성"), ("social_economy_centre", "서울시 사회적경제지원센터"),
            ("cooperative_support_centre", "서울시 협동조합지원센터"), ("social_investment_fund", "사회투자기금"),
        )
    ],
)


async def test_a_detail_pointed_back_after_a_list_is_the_listed_one_that_has_it(domain) -> None:
    """"그거 올해 융자규모 얼마예요" after a list about the social economy: 사회투자기금's 130억원, whatever order
    the words of the question come in."""
    now = "그거 올해 융자규모 얼마예요"
    tracker = make_tracker(
        "out_of_scope", now, slots={"programme": "social_economy_support"}, events=SOCIAL_LIST + [then(now)], confidence=0.6,
    )
    reply = texts((await run_action(ActionAnswerDetailOrOutOfScope(), tracker, domain))[0])
    assert "130억" in reply and "[사회투자기금]" in reply, reply


async def test_a_sites_hours_say_whom_it_is_for(domain) -> None:
    """"서초쉼터 퀵기사 쉼터 맞죠? 아침 8시반에 여는": 서초쉼터's hours and that it is for 대리기사 (북창 is 퀵's)."""
    now = "서초쉼터 퀵기사 쉼터 맞죠? 아침 8시반에 여는"
    named = [span("programme", "rest_area", now, "서초쉼터")]
    tracker = make_tracker("ask_hours", now, named, slots={"programme": "rest_area"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "서초쉼터: 매일 18:00" in reply and "대리기사" in reply, reply


async def test_a_wage_asked_of_a_programme_without_one_names_whose_it_is(domain) -> None:
    """"취업날개 시급이 9220원 맞죠?": 취업날개 pays no wage in the report; 9,220원 is 뉴딜일자리's."""
    now = "취업날개 시급이 9220원 맞죠?"
    named = [span("programme", "interview_suit_rental", now, "취업날개")]
    tracker = make_tracker("ask_cost", now, named, slots={"programme": "interview_suit_rental"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "120" in reply and "[뉴딜일자리]" in reply and "9,220" in reply, reply


async def test_an_investment_asked_is_out_of_scope_whatever_programme_it_names(domain) -> None:
    now = "공정무역 커피 수입하는 회사 주식 지금 사도 됨? 오를까"
    named = [span("programme", "fair_trade", now, "공정무역")]
    tracker = make_tracker("ask_programme_info", now, named, slots={"programme": "fair_trade"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "안내할 수 있는 내용이 아니" in reply and "공정무역 도시" not in reply, reply


async def test_a_noun_said_alone_is_the_programmes_fact_that_says_it(domain) -> None:
    """"상담은?" while 감정노동 보호 is discussed (an hours question to the NLU): its 상담 및 치유프로그램 (’18.12월까지)."""
    now = "상담은?"
    tracker = make_tracker("ask_hours", now, slots={"programme": "emotional_labour_protection"}, confidence=0.32)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "치유" in reply and "12월" in reply, reply


async def test_where_the_asker_works_is_no_programme_asked_about(domain) -> None:
    """"쉼터 상담사입니다. 이용자분이 … 월급을 두달째 못받으셨대요": the help for unpaid wages, not the shelter."""
    from actions.situations import ActionAnswerSituation

    now = "쉼터 상담사입니다. 이용자분(41세, 마포구)이 식당에서 3개월 일했는데 월급을 두달째 못받으셨대요 어디로 연결해드리면 될까요"
    tracker = make_tracker("situation_unpaid_wages", now, slots={})
    reply = texts((await run_action(ActionAnswerSituation(), tracker, domain))[0])
    assert "[休 서울노동자 쉼터]" not in reply and ("노동" in reply), reply


async def test_an_earlier_year_the_report_does_not_count_says_so(domain) -> None:
    """"작년에는 몇명이나 빌려갔어요?" of 취업날개: the 2018 count, and that 2017's is not in the report (120)."""
    now = "작년에는 몇명이나 빌려갔어요?"
    tracker = make_tracker("ask_programme_info", now, slots={"programme": "interview_suit_rental"}, confidence=0.23)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "11,886" in reply and "2017년 수치는" in reply and "120" in reply, reply


async def test_a_plan_asked_as_decided_gets_the_plan(domain) -> None:
    """"서울로 옮긴다는 얘기도 있던데 정해진거에요?" of 남부기술교육원 (an eligibility question to the NLU): 검토 중."""
    now = "서울로 옮긴다는 얘기도 있던데 정해진거에요?"
    tracker = make_tracker("ask_eligibility", now, slots={"programme": "technical_school", "place": "남부기술교육원"}, confidence=0.38)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "검토" in reply and "만 나이로 몇 살" not in reply, reply


async def test_whether_only_some_people_may_use_it_is_whom_it_serves(domain) -> None:
    """"치유프로그램은 공무원만 받는 거 아니에요?" (a price question to the NLU): whom it serves (민간부문), not its price."""
    now = "치유프로그램은 공무원만 받는 거 아니에요?"
    tracker = make_tracker("ask_cost", now, slots={"programme": "emotional_labour_protection"}, confidence=0.25)
    messages, events = await run_action(QUESTION, tracker, domain)
    assert "비용은" not in texts(messages), texts(messages)  # (the verdict action says whom it serves, after the form)
    assert {"event": "slot", "timestamp": None, "name": "last_question", "value": "ask_eligibility"} in events, events


async def test_a_programme_used_before_is_the_start_of_the_story_not_the_question(domain) -> None:
    """"뉴딜 끝나고 중소기업 들어갔는데 석달만에 … 나오지 말래요": free advice on dismissal, not 뉴딜일자리's facts."""
    from actions.situations import ActionAnswerSituation

    now = "뉴딜 끝나고 중소기업 들어갔는데 석달만에 갑자기 내일부터 나오지 말래요 이거 어디 말해야돼요"
    named = [span("programme", "newdeal_jobs", now, "뉴딜")]
    tracker = make_tracker(
        "situation_unfair_dismissal", now, named, slots={"programme": "newdeal_jobs"},
        events=[then(now, named), slot("programme", "newdeal_jobs")],
    )
    messages, events = await run_action(ActionAnswerSituation(), tracker, domain)
    assert "[뉴딜일자리]" not in texts(messages) and "노동권익센터" in texts(messages), texts(messages)
    assert slot("programme", "newdeal_jobs") not in [{k: v for k, v in e.items() if k != "timestamp"} for e in events]


async def test_a_condition_of_nationality_is_not_in_the_report(domain) -> None:
    now = "이 친구가 한국 국적이 아니고 외국인등록증만 있는데 그래도 참여 되나요?"
    tracker = make_tracker("ask_eligibility", now, slots={"programme": "newdeal_jobs", "age": 18, "residence": "seoul"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "국적" in reply and "120" in reply and "이용할 수 있어요" not in reply, reply


async def test_where_to_ask_what_the_report_does_not_say_is_120(domain) -> None:
    now = "나이 말고 한번 했던 사람이 다시 참여할수 있는지는 어디다 물어봐요"
    tracker = make_tracker("ask_eligibility", now, slots={"programme": "newdeal_jobs"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "120" in reply and "대신 이런 제도" not in reply, reply


async def test_facts_told_with_can_i_send_them_are_judged(domain) -> None:
    """"어머님 전화: 중2 아들(14세) 기술교육원 보낼수 있냐고. 서울 노원 거주" (facts to the NLU): no, from 15."""
    now = "어머님 전화: 중2 아들(14세) 기술교육원 보낼수 있냐고. 서울 노원 거주"
    told = [span("age", 14, now, "14세"), span("programme", "technical_school", now, "기술교육원"), span("residence", "seoul", now, "서울")]
    tracker = make_tracker("inform", now, told, slots={"age": 14, "residence": "seoul", "programme": "technical_school"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert is_no(reply) and "15" in reply, reply


async def test_what_a_named_programme_helps_with_is_what_it_does(domain) -> None:
    """"우리 회사 근로환경 완전 개판인데 노동옴부즈만한테 뭘 도와달라고 할수있어?" (what can you do, to the NLU)."""
    from actions.open_questions import ActionAnswerCapabilities

    now = "우리 회사 근로환경 완전 개판인데 노동옴부즈만한테 뭘 도와달라고 할수있어?"
    named = [span("programme", "labour_ombudsman", now, "노동옴부즈만")]
    tracker = make_tracker("ask_capabilities", now, named)
    reply = texts((await run_action(ActionAnswerCapabilities(), tracker, domain))[0])
    assert "노무상담" in reply and "컨설팅" in reply, reply
