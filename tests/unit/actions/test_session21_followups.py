"""Follow-ups of session 21 (v173–v178 read): a verdict asked again once a fact changed ("동생 오늘 구직등록
했대요 그럼 돼요?", done for someone by another), a story with every fact a verdict needs and "가능?", a suit to
borrow asked after the help for a missing one, a count asked of a list or a situation's own programme, who runs a
site, a floor's use, a rule's size limit, and another programme's count asked right after a figure with parts."""
from __future__ import annotations

from typing import Any, Dict, List

from actions.open_questions import ActionAcknowledge, ActionAnswerCapabilities, ActionAnswerDetailOrOutOfScope, ActionAnswerNo
from actions.programme_questions import ActionAnswerProgrammeQuestion
from actions.recommendations import ActionRecommendProgrammes
from actions.situations import ActionAnswerSituation
from tests.unit.actions.conftest import make_tracker, run_action, span, texts
from tests.unit.actions.test_session6_followups import then

QUESTION = ActionAnswerProgrammeQuestion()
SITUATION = ActionAnswerSituation()


def bot(text: str, listed: List[str] = ()) -> Dict[str, Any]:
    """A bot reply, with a button for each programme of ``listed`` (as a list of what fits offers them)."""
    buttons = [{"title": slug, "payload": f'/ask_programme_info{{"programme": "{slug}"}}'} for slug in listed]
    return {"event": "bot", "text": text, "data": {"buttons": buttons}}


def slot(name: str, value: Any) -> Dict[str, Any]:
    return {"event": "slot", "name": name, "value": value}


PUBLIC_WORKS_NO = "[공공근로사업] 아쉽지만 조건에 맞지 않아요.\n- 안 맞는 조건: 구직등록을 한 분"
PUBLIC_WORKS_FACTS = {
    "age": 52, "residence": "seoul", "job_status": "unemployed", "has_regular_income": False,
    "programme": "public_works", "last_question": "ask_eligibility",
}


async def test_registration_told_after_a_no_is_judged_again_whatever_the_nlu_made_of_it(domain) -> None:
    """"아 방금 물어보니 동생 오늘 구직등록 했대요 그럼 돼요?" (what I can do, at 0.2) right after 공공근로's "no" for
    the brother's missing registration: now yes."""
    first = "제 남동생은요 만 52세 서울 살고 일 없고 고정 수입도 없는데 구직등록은 아직 안했대요 공공근로 되나요"
    now = "아 방금 물어보니 동생 오늘 구직등록 했대요 그럼 돼요?"
    events = [
        then(first, [span("programme", "public_works", first, "공공근로")]), bot(PUBLIC_WORKS_NO),
        then(now, [span("job_seeker_registered", True, now, "구직등록 했")]),
    ]
    tracker = make_tracker(
        "ask_capabilities", now, [span("job_seeker_registered", True, now, "구직등록 했")], events=events,
        slots={**PUBLIC_WORKS_FACTS, "job_seeker_registered": True}, confidence=0.2,
    )
    reply = texts((await run_action(ActionAnswerCapabilities(), tracker, domain))[0])
    assert "이용할 수 있어요" in reply and "[공공근로사업]" in reply


async def test_registration_done_by_a_son_is_the_citizens_own(domain) -> None:
    """"아 방금 아들이 구직등록 해줬다네 이제 되나" from a 72-year-old just told "no" for 구직등록: the son did it for
    him, so his own facts are judged again (yes), not a new person whose age is asked."""
    first = "공공근로 나같은 영감도 돼? 서울 살고 일 안하고 소득 없어 일흔둘이야 구직등록은 안했고"
    now = "아 방금 아들이 구직등록 해줬다네 이제 되나"
    registered = span("job_seeker_registered", True, now, "구직등록 해줬")
    told = [slot(name, value) for name, value in {**PUBLIC_WORKS_FACTS, "age": 72, "job_seeker_registered": False}.items()]
    events = [
        then(first, [span("programme", "public_works", first, "공공근로")]), *told, bot(PUBLIC_WORKS_NO),
        then(now, [registered]), slot("job_seeker_registered", True),
    ]
    tracker = make_tracker(
        "out_of_scope", now, [registered], events=events,
        slots={**PUBLIC_WORKS_FACTS, "age": 72, "job_seeker_registered": True}, confidence=0.18,
    )
    reply = texts((await run_action(ActionAnswerDetailOrOutOfScope(), tracker, domain))[0])
    assert "이용할 수 있어요" in reply and "몇 살" not in reply


async def test_a_story_with_every_fact_and_possible_asked_is_the_verdict_of_its_programme(domain) -> None:
    """"낼 오전에 면접이라 정장 빌려야되는데 만 36살이고 마포구 망원동 살아요 취준중 가능?": 취업날개's "no" (34세
    이하), not the list of help for a missing suit."""
    now = "낼 오전에 면접이라 정장 빌려야되는데 만 36살이고 마포구 망원동 살아요 취준중 가능?"
    ents = [span("age", 36, now, "만 36살"), span("residence", "seoul", now, "마포구"), span("job_status", "job_seeker", now, "취준")]
    tracker = make_tracker(
        "situation_interview_suit", now, ents, slots={"age": 36, "residence": "seoul", "job_status": "job_seeker"}, confidence=0.96,
    )
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "조건에 맞지 않아요" in reply and "34세" in reply and "[취업날개 서비스]" in reply


async def test_borrowing_asked_after_the_help_for_a_suit_is_the_lenders_verdict(domain) -> None:
    """"29살이고 경기도 일산 살아요. 구직중인데 저도 빌릴수 있나요?" right after the help for a missing suit (청년일자리
    센터, 취업날개): 취업날개's "no" for living outside Seoul, not "no programme fits"."""
    first = "이제 다시 면접 보러 다녀야하는데 정장이 없네요ㅠ"
    now = "29살이고 경기도 일산 살아요. 구직중인데 저도 빌릴수 있나요?"
    ents = [span("age", 29, now, "29살"), span("residence", "outside", now, "일산"), span("job_status", "job_seeker", now, "구직중")]
    events = [
        then(first), bot("면접 준비를 도와드릴게요.", ["youth_job_centre", "interview_suit_rental"]), then(now, ents),
    ]
    tracker = make_tracker(
        "recommend_programmes", now, ents, events=events,
        slots={"age": 29, "residence": "outside", "job_status": "job_seeker"}, confidence=0.73,
    )
    reply = texts((await run_action(ActionRecommendProgrammes(), tracker, domain))[0])
    assert "조건에 맞지 않아요" in reply and "[취업날개 서비스]" in reply and "서울" in reply


async def test_another_programmes_count_after_a_figure_with_parts_is_no_total_of_them(domain) -> None:
    """"ㄴㄴ 그거말고 뉴딜 총 몇명 뽑는지" (a no) right after 취업날개's users (11,886 = 11,607 + 279): 뉴딜일자리's
    4,655명, not 취업날개's total again."""
    first, now = "취업날개 지금까지 몇명이나 썼어", "ㄴㄴ 그거말고 뉴딜 총 몇명 뽑는지"
    named = span("programme", "newdeal_jobs", now, "뉴딜")
    events = [
        then(first, [span("programme", "interview_suit_rental", first, "취업날개")]),
        bot("[취업날개 서비스] 보고서에 이렇게 나와 있어요.\n- 취업날개 서비스 이용 인원: 11,886명 (2018년 6월말) — 면접정장 11,607명, 사진촬영 등 279명"),
        then(now, [named]),
    ]
    tracker = make_tracker("deny", now, [named], events=events, slots={"programme": "interview_suit_rental"}, confidence=0.77)
    reply = texts((await run_action(ActionAnswerNo(), tracker, domain))[0])
    assert "4,655" in reply and "11,886" not in reply


async def test_a_count_asked_right_after_a_list_is_of_the_listed_programme_that_has_it(domain) -> None:
    """"하반기엔 몇명 뽑았어요" (a small workplace at 0.27) right after what fits a 66-year-old (공공근로, 기술교육원):
    공공근로's 하반기 5,158명, not 강소기업's 하반기 interns."""
    first, now = "할머니 66세 서울사시는데 할만한 일자리 있나여 구직등록은 하셨고 수입 없으심", "하반기엔 몇명 뽑았어요"
    events = [then(first), bot("말씀하신 조건(만 66세, 서울 거주)으로 이용할 수 있는 제도예요:", ["public_works", "technical_school"]), then(now)]
    tracker = make_tracker(
        "situation_small_workplace", now, events=events,
        slots={"age": 66, "residence": "seoul", "job_seeker_registered": True, "has_regular_income": False}, confidence=0.27,
    )
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "5,158" in reply and "청년인턴" not in reply


async def test_a_count_asked_of_a_need_is_its_own_programmes(domain) -> None:
    """"직업훈련 올해 계획인원" (wanting training, sure): 기술교육원's 7,298명, not the list of training."""
    now = "직업훈련 올해 계획인원"
    tracker = make_tracker("situation_job_training", now, confidence=0.92)
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "7,298" in reply


async def test_who_took_over_a_site_is_its_operator_not_its_address(domain) -> None:
    """"전태일기념관 민간위탁 어디로 갔어요" (where, to the NLU): 전태일재단, not the street address."""
    now = "전태일기념관 민간위탁 어디로 갔어요"
    tracker = make_tracker("ask_location", now, [span("programme", "jeon_tae_il_memorial", now, "전태일기념관")], confidence=0.7)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "전태일재단" in reply


async def test_a_floors_use_heard_as_a_yes_is_the_floor_plan(domain) -> None:
    """"5층 용도 뭐였죠" (a yes at 0.24) while the memorial is discussed: its floors (5층: 서울노동권익센터)."""
    first, now = "전태일기념관 어디에 생겨요", "5층 용도 뭐였죠"
    events = [then(first), bot("[전태일 기념관] 위치예요."), then(now)]
    tracker = make_tracker("affirm", now, events=events, slots={"programme": "jeon_tae_il_memorial"}, confidence=0.24)
    reply = texts((await run_action(ActionAcknowledge(), tracker, domain))[0])
    assert "노동권익센터" in reply


async def test_a_workplaces_size_limit_is_the_rule_not_the_attorneys_number(domain) -> None:
    """"마을노무사 사업장 인원기준" (facts to the NLU, none told): 9인 이하, not the 50 attorneys."""
    now = "마을노무사 사업장 인원기준"
    tracker = make_tracker("inform", now, [span("programme", "village_labour_attorney", now, "마을노무사")], confidence=0.6)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "9인 이하" in reply and "50명" not in reply


async def test_parking_heard_as_a_story_is_how_to_get_there_which_the_report_lacks(domain) -> None:
    """"거기 차 대놓을데 있나 내가 태워다 줄라고" (harassment at 0.27) while 청년일자리센터 is discussed: the way there is
    not in the report (120), not the centre's summary again."""
    first, now = "청년일자리센터 뭐하는데에요", "거기 차 대놓을데 있나 내가 태워다 줄라고"
    events = [then(first), bot("[청년일자리센터] 청년 구직자에게 취업상담 …"), then(now)]
    tracker = make_tracker("situation_workplace_harassment", now, events=events, slots={"programme": "youth_job_centre"}, confidence=0.27)
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "120" in reply and "취업상담" not in reply


async def test_a_dormitory_asked_as_where_is_a_feature_the_report_lacks(domain) -> None:
    """"지방서 올라오면 교육원에 기숙사도 있나요" (where, at 0.3): 기숙사 is not in the report (120), not the four sites."""
    now = "지방서 올라오면 교육원에 기숙사도 있나요"
    tracker = make_tracker("ask_location", now, [span("programme", "technical_school", now, "교육원")], slots={"programme": "technical_school"}, confidence=0.3)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "기숙사" in reply and "120" in reply and "고덕동" not in reply


async def test_where_a_site_moves_to_is_not_in_the_report(domain) -> None:
    """"어디로 옮기는데요 구로쪽이에요?" after 남부기술교육원's 서울시계 이전 검토: where to is not said (120); no list of sites."""
    now = "어디로 옮기는데요 구로쪽이에요?"
    tracker = make_tracker("ask_location", now, [span("district", "구로구", now, "구로")], slots={"programme": "technical_school"}, confidence=0.6)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "120" in reply and "한남동" not in reply


async def test_a_count_in_one_district_says_the_report_counts_all_of_seoul(domain) -> None:
    """"강남구엔 카페 몇개": 73 is Seoul's, 강남구's own is not in the report (120)."""
    now = "강남구엔 카페 몇개"
    tracker = make_tracker("ask_programme_info", now, [span("district", "강남구", now, "강남구")], slots={"programme": "job_cafe"}, confidence=0.5)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "강남구만 따로" in reply and "120" in reply


async def test_many_who_got_jobs_is_the_count_of_them(domain) -> None:
    """"거기서 상담받구 취업한 애들 많대요?" (job search at 0.34) while 청년일자리센터 is discussed: 1,785명."""
    now = "거기서 상담받구 취업한 애들 많대요?"
    events = [then("청년일자리센터 뭐해요"), bot("[청년일자리센터] 청년 구직자에게 …"), then(now)]
    tracker = make_tracker("situation_job_search", now, events=events, slots={"programme": "youth_job_centre"}, confidence=0.34)
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "1,785" in reply


async def test_the_fair_trade_districts_are_counted(domain) -> None:
    """"구청들 중에 공정무역 사업 하는데는 몇군데에요": the 7 districts chosen (’18.4월), from the report."""
    now = "구청들 중에 공정무역 사업 하는데는 몇군데에요"
    tracker = make_tracker("ask_programme_info", now, [span("programme", "fair_trade", now, "공정무역")], confidence=0.6)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "7개" in reply


async def test_a_move_heard_of_is_confirmed_from_the_sites_facts(domain) -> None:
    """"퀵 기사들 쉬는 북창쉼터요 거기 딴데로 옮겼다는 말 있던데 맞아요?" (a rest area, sure): ’18.4월 장소 이전."""
    now = "퀵 기사들 쉬는 북창쉼터요 거기 딴데로 옮겼다는 말 있던데 맞아요?"
    tracker = make_tracker("situation_rest_area", now, [span("programme", "rest_area", now, "북창쉼터")], confidence=0.93)
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "이전" in reply and "북창쉼터" in reply


async def test_paying_asked_at_the_end_of_a_story_is_the_cost_not_a_verdict(domain) -> None:
    """"직원 세명인 꽃집에서 일하는데 사장님이 노무상담 받아보신대요. 마을노무사 부르면 돈 내요?": the cost is not in
    the report (120), not a verdict for 3 people."""
    now = "직원 세명인 꽃집에서 일하는데 사장님이 노무상담 받아보신대요. 마을노무사 부르면 돈 내요?"
    ents = [span("workplace_size", 3, now, "세명"), span("programme", "village_labour_attorney", now, "마을노무사")]
    tracker = make_tracker("situation_small_workplace", now, ents, slots={"workplace_size": 3}, confidence=0.91)
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "120" in reply and "이용할 수 있어요" not in reply


async def test_where_to_go_for_someone_in_a_district_is_the_site_there(domain) -> None:
    """"딸은 강동 살아요 걔는 어디로 다니면 되나" (facts, to the NLU) while 기술교육원 is discussed: 동부 (고덕동), not
    its rules and a question about her age."""
    now = "딸은 강동 살아요 걔는 어디로 다니면 되나"
    ents = [span("district", "강동구", now, "강동"), span("residence", "seoul", now, "강동")]
    events = [then("아들이 노원 사는데 거기서 가까운 기술교육원 있을까요"), bot("[서울시 기술교육원] 위치예요."), then(now, ents)]
    tracker = make_tracker("inform", now, ents, events=events, slots={"programme": "technical_school", "residence": "seoul", "place": "북부기술교육원", "last_question": "ask_location"},
        confidence=0.48,
    )
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "고덕동" in reply and "몇 살" not in reply


async def test_which_programmes_asked_with_facts_lists_them_not_one_verdict(domain) -> None:
    """"36살 서울 사는 실직자에요 구직등록 했고 수입 없어요 뭐 할수있어요?" (low income): what fits (뉴딜일자리
    among them), not 공공근로's verdict alone."""
    now = "36살 서울 사는 실직자에요 구직등록 했고 수입 없어요 뭐 할수있어요?"
    slots = {"age": 36, "residence": "seoul", "job_status": "unemployed", "job_seeker_registered": True, "has_regular_income": False}
    ents = [span("age", 36, now, "36살"), span("residence", "seoul", now, "서울"), span("job_status", "unemployed", now, "실직자")]
    tracker = make_tracker("situation_low_income", now, ents, slots=slots, confidence=0.8)
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "뉴딜" in reply


async def test_free_asked_with_a_size_is_the_verdict_not_the_cost(domain) -> None:
    """"마을노무사는 직원 수 상관없이 무료로 컨설팅 해주는 거 맞죠? 저희 사무실 12명이에요": the "no" (9인 이하); only
    paying asked outright about a programme without a price gets the cost (120)."""
    now = "마을노무사는 직원 수 상관없이 무료로 컨설팅 해주는 거 맞죠? 저희 사무실 12명이에요"
    ents = [span("programme", "village_labour_attorney", now, "마을노무사"), span("workplace_size", 12, now, "12명")]
    tracker = make_tracker("situation_small_workplace", now, ents, slots={"workplace_size": 12}, confidence=0.8)
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "9인" in reply and "비용은" not in reply


async def test_a_rule_asked_of_the_programme_discussed_is_not_the_situations_verdict(domain) -> None:
    """"저희 회사 직원이 네 명뿐인데 우리도 적용돼요?" (a small workplace) while 노동시간 단축 is discussed: whether the
    law applies is not in the report (120), not 마을노무사's verdict for 4 people."""
    now = "저희 회사 직원이 네 명뿐인데 우리도 적용돼요?"
    first = "주52시간 법 언제부터 시행이에요?"
    events = [
        then(first, [span("programme", "working_hours_reduction", first, "주52시간")]),
        bot("[노동시간 단축] 보고서에 이렇게 나와 있어요.\n- 주52시간 근로기준법 개정(’18.7.1. 시행)"), then(now),
    ]
    tracker = make_tracker(
        "situation_small_workplace", now, [span("workplace_size", 4, now, "네 명")], events=events,
        slots={"programme": "working_hours_reduction", "workplace_size": 4}, confidence=0.7,
    )
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "120" in reply and "[마을노무사]" not in reply


async def test_the_division_in_charge_is_the_one_the_duties_table_names(domain) -> None:
    """"옴부즈만 소관부서 어디" (where, to the NLU): 노동정책담당관, whose duties name 시민명예 노동옴부즈만 — not "its
    address is not in the report"; a programme the table does not name gets 120."""
    now = "옴부즈만 소관부서 어디"
    tracker = make_tracker("ask_location", now, [span("programme", "labour_ombudsman", now, "옴부즈만")], confidence=0.72)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "노동정책담당관" in reply and "위치" not in reply
    now = "마을노무사 담당 부서가 어디에요"
    tracker = make_tracker("ask_location", now, [span("programme", "village_labour_attorney", now, "마을노무사")], confidence=0.85)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "120" in reply and "담당관" not in reply


async def test_a_short_feature_question_about_a_site_named_is_not_in_the_report(domain) -> None:
    """"서초쉼터 와이파이 됨?" (facts, to the NLU): 와이파이 is not in the report (120), not the shelters' summary."""
    now = "서초쉼터 와이파이 됨?"
    tracker = make_tracker("inform", now, [span("programme", "rest_area", now, "서초쉼터")], confidence=0.24)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "와이파이" in reply and "120" in reply


async def test_how_many_days_a_suit_is_lent_is_not_in_the_report(domain) -> None:
    """"취업날개 정장 몇일동안 빌릴수있어요?" (며칠 as often typed): the report gives no number of days (120)."""
    now = "취업날개 정장 몇일동안 빌릴수있어요?"
    tracker = make_tracker("ask_programme_info", now, [span("programme", "interview_suit_rental", now, "취업날개")], confidence=0.32)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "120" in reply and "면접 정장 무료 대여" not in reply


async def test_a_national_schemes_amount_asked_after_a_wage_story_is_not_in_the_report(domain) -> None:
    """"글구 1년 넘게 일했는데 퇴직금은 얼마나 나와요?" (unpaid wages, sure): 퇴직금 is a national scheme (120), not the
    cost of the free advice discussed; a story of 퇴직금 withheld still gets the advice."""
    now = "글구 1년 넘게 일했는데 퇴직금은 얼마나 나와요?"
    tracker = make_tracker("situation_unpaid_wages", now, slots={"programme": "labour_rights_protector"}, confidence=0.93)
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "퇴직금" in reply and "120" in reply and "무료" not in reply
    now = "퇴직금을 못 받고 있어요 도와주세요"
    tracker = make_tracker("situation_unpaid_wages", now, confidence=0.94)
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "노동" in reply and "안내가 없어서" not in reply


async def test_what_fits_asked_after_a_no_lists_what_fits(domain) -> None:
    """"아 나이땜에 안되는구나ㅠ 그럼 저같은 사람이 쓸수있는건 뭐 없어요?" (a recommendation at 0.2) after 취업날개's
    "no" for a 36-year-old: what fits them (뉴딜일자리 among it), not a detail of 취업날개."""
    first = "서울 은평구 살고 만 36살 구직중인데요 취업날개 정장 빌릴수 있나요?"
    now = "아 나이땜에 안되는구나ㅠ 그럼 저같은 사람이 쓸수있는건 뭐 없어요?"
    events = [then(first, [span("programme", "interview_suit_rental", first, "취업날개")]), bot("[취업날개 서비스] 아쉽지만 조건에 맞지 않아요."), then(now)]
    slots = {"age": 36, "residence": "seoul", "job_status": "job_seeker", "programme": "interview_suit_rental", "last_question": "ask_eligibility"}
    tracker = make_tracker("recommend_programmes", now, events=events, slots=slots, confidence=0.2)
    reply = texts((await run_action(ActionRecommendProgrammes(), tracker, domain))[0])
    assert "뉴딜일자리" in reply


async def test_weekend_part_timers_counted_in_are_a_size_not_an_hours_question(domain) -> None:
    """"아 근데 주말 알바생들까지 다 치면 11명이에요 그럼요?" (harassment at 0.25) after 마을노무사's "yes" for 6: the
    verdict again, now "no" (9인 이하) — 주말 names the part-timers, not a day asked about."""
    first, now = "동네서 빵집해요 저까지 6명인데 마을노무사 받을수 있나요?", "아 근데 주말 알바생들까지 다 치면 11명이에요 그럼요?"
    ents = [span("weekday", "weekend", now, "주말"), span("workplace_size", 11, now, "11")]
    events = [
        then(first, [span("programme", "village_labour_attorney", first, "마을노무사")]),
        bot("[마을노무사] 말씀해 주신 조건이면 이용할 수 있어요."), then(now, ents),
    ]
    slots = {"workplace_size": 11, "weekday": "weekend", "programme": "village_labour_attorney", "last_question": "ask_eligibility"}
    tracker = make_tracker("situation_workplace_harassment", now, ents, events=events, slots=slots, confidence=0.25)
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "조건에 맞지 않아요" in reply and "9인" in reply and "운영시간" not in reply


async def test_where_to_go_asked_at_the_end_of_a_story_is_the_site_there(domain) -> None:
    """"… 시에서 운영하는 곳이 있다고 들었어요. 저는 강동구 살아요 어디로 가면 되나요" (wanting training): the site in
    강동구 (동부, 고덕동), not whether they may enrol."""
    now = (
        "마흔다섯에 물류회사에서 구조조정으로 나왔어요. 전기나 설비 쪽 기술을 배워두면 좋다고 들었는데 시에서 운영하는 곳이 "
        "있다고 들었어요. 저는 강동구 살아요 어디로 가면 되나요"
    )
    ents = [span("age", 45, now, "마흔다섯"), span("district", "강동구", now, "강동구"), span("residence", "seoul", now, "강동구")]
    tracker = make_tracker("situation_job_training", now, ents, slots={"age": 45, "residence": "seoul"}, confidence=0.9)
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "고덕동" in reply and "조건이면 이용할 수 있어요" not in reply


async def test_a_site_in_another_district_asked_for_someone_else_is_the_site_there(domain) -> None:
    """"처남은 노원 사는데 그쪽에도 있어요?" (facts, to the NLU) while 기술교육원 is discussed: 북부 (상계동), not a verdict."""
    now = "처남은 노원 사는데 그쪽에도 있어요?"
    ents = [span("district", "노원구", now, "노원"), span("residence", "seoul", now, "노원")]
    events = [then("기술 배우는 데 강동구에 있어요?"), bot("[서울시 기술교육원] 위치예요.\n- 동부기술교육원: 강동구 고덕동"), then(now, ents)]
    tracker = make_tracker(
        "inform", now, ents, events=events, slots={"programme": "technical_school", "residence": "seoul", "age": 45}, confidence=0.6,
    )
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "상계동" in reply and "조건이면 이용할 수 있어요" not in reply


async def test_when_a_site_opens_asked_after_a_remark_is_its_date(domain) -> None:
    """"헐 완전 반대편이네ㅋㅋ 언제 생기는데요" (out of scope, sure; 반대편 is no word of the report) right after where
    뉴딜일자리's training hall will be: ’18.10월, not "I can't help with that"."""
    now = "헐 완전 반대편이네ㅋㅋ 언제 생기는데요"
    events = [then("참여자들 교육받는 전용 건물 어디에 생기는 거에요?"), bot("[뉴딜일자리] 위치예요.\n- 뉴딜일자리 참여자 전용교육장: 송파구 문정동"), then(now)]
    tracker = make_tracker(
        "out_of_scope", now, events=events, slots={"programme": "newdeal_jobs", "place": "뉴딜일자리 참여자 전용교육장"}, confidence=0.99,
    )
    reply = texts((await run_action(ActionAnswerDetailOrOutOfScope(), tracker, domain))[0])
    assert "10월" in reply
