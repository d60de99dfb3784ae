"""Follow-ups found on the held-out conversations read in session 8 (v53–v54): older citizens' long stories that
end in one question, a shelter closed at the hour asked, "X는 어떻습니까" after a verdict, the alternatives for
someone past the youth ages, a group's jobs, a building's floors, a centre moving into a building, a site outside
Seoul, a district corrected after a location answer, one's own application, and a mobile worker's request."""
from __future__ import annotations

from rasa_sdk.executor import CollectingDispatcher

from actions.context import Replies, knowledge_base
from actions.fits import utter_jobs_for_group
from actions.programme_questions import ActionAnswerProgrammeQuestion
from actions.recommendations import ActionRecommendProgrammes
from actions.question_words import question_sentence
from actions.situations import ActionAnswerSituation
from tests.unit.actions.conftest import entity, make_tracker, run_action, slots_of, span, texts
from tests.unit.actions.test_session6_followups import said_before as said, then as now

QUESTION = ActionAnswerProgrammeQuestion()
SITUATION = ActionAnswerSituation()


def test_the_question_of_a_story_is_its_last_asking_sentence() -> None:
    story = "쉰두 살 먹은 가장입니다. 다니던 공장이 문을 닫아 일자리를 잃었는데, 저도 신청이 되겠습니까? 서울 도봉구에 삽니다."
    assert question_sentence(story) == "저도 신청이 되겠습니까?"
    assert question_sentence("예순셋 노인이오. 거기 저녁 몃시에 닫는지 알려주시오.") == "거기 저녁 몃시에 닫는지 알려주시오."
    assert question_sentence("그냥 얘기해 봤어요") == "그냥 얘기해 봤어요"


async def test_a_story_that_ends_asking_the_hours_gets_the_hours(domain) -> None:
    """"…쉰여덟 먹은 가장입니다. 서초 쪽에 대리기사들 쉬는 곳이 있다던데 몇시부터 문을 엽니까?": 서초쉼터's hours."""
    text = "저는 회사에서 명퇴하고 밤에 대리운전을 하는 쉰여덟 먹은 가장입니다. 서초 쪽에 대리기사들 쉬는 곳이 있다던데 몇시부터 문을 엽니까?"
    told = [entity("age", 58), span("district", "서초구", text, "서초"), span("worker_type", "대리기사", text, "대리기사")]
    tracker = make_tracker("situation_rest_area", text, told, slots={"age": 58, "district": "서초구"})
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "18:00" in reply and "운영시간" in reply


async def test_a_shop_closing_in_a_story_is_not_an_hours_question(domain) -> None:
    """"다니던 공장이 문을 닫아 … 뉴딜 일짜리 … 저도 신청이 되겠습니까?" from a 52-year-old: the verdict (39)."""
    text = (
        "쉰두 살 먹은 가장입니다. 다니던 공장이 문을 닫아 일자리를 잃었는데, 서울시 뉴딜 일짜리라는 데 지원하면 "
        "생활임금을 받으며 일할 수 있다고 들었습니다. 저도 신청이 되겠습니까? 서울 도봉구에 삽니다."
    )
    told = [entity("age", 52), span("programme", "newdeal_jobs", text, "뉴딜 일짜리"), entity("residence", "seoul")]
    tracker = make_tracker("situation_low_income", text, told, slots={"age": 52, "residence": "seoul"}, confidence=0.19)
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "조건에 맞지 않아요" in reply and "39" in reply and "운영시간" not in reply


async def test_a_shelter_closed_at_the_hour_asked_names_the_ones_open_then(domain) -> None:
    """"새벽 세 시 네 시인데 그 시간에 쉴 수 있는 데는 없는지요" of 상암쉼터: closed, but 서초 and 합정 are open."""
    text = "밤샘 촬영 끝나면 새벽 세 시 네 시인데 그 시간에 쉴 수 있는 데는 없는지요"
    slots = {"programme": "rest_area", "place": "상암쉼터", "last_question": "ask_hours"}
    tracker = make_tracker("ask_open_now", text, [entity("time", "03:00")], slots=slots)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "[상암쉼터]은(는) 운영시간이 아니에요" in reply
    assert "문을 여는 곳은" in reply and "서초쉼터" in reply and "합정쉼터" in reply and "북창쉼터" not in reply


async def test_how_about_another_programme_after_a_verdict_is_its_verdict(domain) -> None:
    """"그럼 공공근로는 어떻습니까" (heard as a goodbye) after a "no" for a 17-year-old: 공공근로's verdict (18)."""
    from actions.open_questions import ActionGoodbye

    text = "그럼 공공근로는 어떻습니까"
    slots = {"programme": "public_works", "last_question": "ask_eligibility", "age": 17, "residence": "seoul"}
    tracker = make_tracker("goodbye", text, [span("programme", "public_works", text, "공공근로")], slots=slots, confidence=0.27)
    reply = texts((await run_action(ActionGoodbye(), tracker, domain))[0])
    assert "조건에 맞지 않아요" in reply and "만 18세 이상" in reply


async def test_a_programme_named_right_after_what_fits_is_judged(domain) -> None:
    """"뉴딜일자리는요? 제 친구가 거기서 일한다던데" right after the list for a 42-year-old: why it is not on it."""
    intro = "말씀하신 조건(만 42세, 서울 거주)으로 이용할 수 있는 제도예요:\n- 서울시 기술교육원: 조건에 맞아요"
    text = "뉴딜일자리는요? 제 친구가 거기서 일한다던데"
    named = [span("programme", "newdeal_jobs", text, "뉴딜일자리")]
    events = said("사십이 세 경력단절 여성입니다 …", bot=intro) + [now(text, named)]
    slots = {"programme": "newdeal_jobs", "last_question": "ask_programme_info", "age": 42, "residence": "seoul"}
    tracker = make_tracker("ask_programme_info", text, named, slots=slots, events=events)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "조건에 맞지 않아요" in reply and "39" in reply


async def test_alternatives_for_someone_past_the_youth_ages_leave_out_youth_places(domain) -> None:
    """"그러면 저 같은 사람은 어디에 기대야 합니까" after 뉴딜일자리 said no to a 52-year-old: not 청년일자리센터."""
    text = "그러면 저 같은 사람은 어디에 기대야 합니까"
    slots = {"programme": "newdeal_jobs", "last_question": "ask_eligibility", "age": 52, "residence": "seoul"}
    tracker = make_tracker("ask_location", text, slots=slots, confidence=0.22)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "청년일자리센터" not in reply and "일자리카페" not in reply
    assert "기술교육원" in reply or "공공근로" in reply


async def test_a_groups_jobs_are_the_kinds_its_job_target_names(domain) -> None:
    text = "여성 일자리도 서울시에서 많이 만든다던데 어떤 것들이 있는지요"
    tracker = make_tracker("ask_programme_info", text, [span("target_group", "여성", text, "여성")])
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "아이돌보미" in reply and "70,924" in reply
    without_a_group = make_tracker("ask_programme_info", "일자리 어떤 것들이 있는지요")
    assert utter_jobs_for_group(CollectingDispatcher(), without_a_group, Replies(domain), knowledge_base()) is None


async def test_every_floor_of_a_building_when_asked_floor_by_floor(domain) -> None:
    text = "층마다 무엇이 들어서는지도 알려주실 수 있는지요. 노동 상담 같은 것도 거기서 하게 됩니까?"
    tracker = make_tracker("ask_programme_info", text, slots={"programme": "jeon_tae_il_memorial"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert all(f"{floor}층:" in reply for floor in range(1, 7)) and "서울노동권익센터" in reply


async def test_a_centre_said_to_move_into_a_building_is_the_fact_that_puts_it_there(domain) -> None:
    """"전태일 기념관 건물로 옮겨 간다는 말도 있던데 사실인지요?" while 노동권익센터 is discussed: its 5th floor."""
    first = "노동자 권리 뭐시기 센터 어디 있어요"
    text = "전태일 기념관 건물로 옮겨 간다는 말도 있던데 사실인지요?"
    named = [span("programme", "jeon_tae_il_memorial", text, "전태일 기념관")]
    events = [
        {"event": "slot", "name": "programme", "value": "labour_rights_centre"},
        *said(first, [span("programme", "labour_rights_centre", first, "노동자 권리 뭐시기 센터")]),
        {"event": "slot", "name": "programme", "value": "jeon_tae_il_memorial"},
        now(text, named),
    ]
    tracker = make_tracker("ask_location", text, named, slots={"programme": "jeon_tae_il_memorial"}, events=events)
    messages, events = await run_action(QUESTION, tracker, domain)
    assert "5층" in texts(messages) and "[서울노동권익센터]" in texts(messages)
    assert slots_of(events)["programme"] == "labour_rights_centre"


async def test_a_site_said_to_be_in_a_city_outside_seoul_is_its_location(domain) -> None:
    text = "저는 마흔여섯 아주머니인데요, 경기도 군포에도 서울시 기술교육원이 있다는 말을 들었습니다. 맞는지요?"
    told = [entity("age", 46), span("programme", "technical_school", text, "기술교육원")]
    tracker = make_tracker("inform", text, told, slots={"age": 46})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "남부기술교육원: 경기도 군포시" in reply and "동부기술교육원" not in reply and "서울에 살고" not in reply


async def test_a_district_corrected_after_a_location_answer_is_the_site_near_it(domain) -> None:
    text = "아 아닙니다, 지난달에 이사를 해서 이제는 용산구에 삽니다"
    told = [span("district", "용산구", text, "용산구"), entity("residence", "seoul")]
    slots = {"programme": "technical_school", "last_question": "ask_location", "district": "용산구", "residence": "seoul"}
    tracker = make_tracker("inform", text, told, slots=slots)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "중부기술교육원: 용산구 한남동" in reply and "조건에 맞" not in reply


async def test_ones_own_application_is_not_something_the_bot_can_see(domain) -> None:
    text = "이번 하반기 공공근로 참여자로 제가 뽑혔는지 확인하고 싶은데요"
    tracker = make_tracker("ask_programme_info", text, [span("programme", "public_works", text, "공공근로")])
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "확인할 수 없어요" in reply and "120" in reply and "사업기간" not in reply


async def test_that_attorney_is_the_programme_in_context_not_another_with_free_advice(domain) -> None:
    """"그 노무사 상담 받으면 돈은 드는 건가요?" at 마을노무사: not 노동옴부즈만's 무료 노무상담."""
    text = "그런데 그 노무사 상담 받으면 돈은 드는 건가요? 무료인지 유료인지 알고 싶어요"
    tracker = make_tracker("ask_cost", text, slots={"programme": "village_labour_attorney"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "[마을노무사]" in reply and "옴부즈만" not in reply and "120" in reply


async def test_a_funds_interest_is_its_fact_not_the_bureaus_count_of_enterprises(domain) -> None:
    text = "허허 그렇군요. 그럼 사회적경제 기업에 돈을 빌려주는 서울시 기금이 있다던데 이자는 얼마인지요"
    tracker = make_tracker("situation_social_economy", text, confidence=0.8)
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "3%" in reply and "4,350" not in reply


async def test_a_delivery_rider_hears_of_the_shelter_for_mobile_workers(domain) -> None:
    text = "배달대행 뛰는 21살인데 서울시에서 나같은 사람 도와주는거 있음?"
    told = [span("worker_type", "택배기사", text, "배달대행"), entity("age", 21)]
    tracker = make_tracker("recommend_programmes", text, told, slots={"age": 21})
    reply = texts((await run_action(ActionRecommendProgrammes(), tracker, domain))[0])
    assert "쉼터" in reply and "뉴딜일자리" not in reply


async def test_what_a_programme_has_of_a_thing_its_summary_does_not_name_is_a_detail(domain) -> None:
    text = "기술교육원 학과 뭐뭐있는지 알아?"
    tracker = make_tracker("ask_programme_info", text, [span("programme", "technical_school", text, "기술교육원")])
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "154" in reply or "57개" in reply


async def test_an_unsure_situation_about_nothing_in_the_report_is_out_of_scope(domain) -> None:
    tracker = make_tracker("situation_job_search", "요즘 혈압이 높아서 걱정인데 혈압에 좋은 음식 좀 알려주세요", confidence=0.22)
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "서울일자리센터" not in reply and "120" in reply


async def test_whether_anyone_may_use_a_shelter_is_whom_it_serves(domain) -> None:
    """The story mentions 휴게시간, but the question is "아무나 쓸 수 있는 건지요?": who it is for, not its hours."""
    text = "경비 일을 하는데 휴게시간에 쉴 곳이 마땅치 않아요. 서울시에 노동자 쉼터가 있다던데 아무나 쓸 수 있는 건지요?"
    tracker = make_tracker("situation_rest_area", text, [span("programme", "rest_area", text, "노동자 쉼터")], confidence=0.87)
    messages, events = await run_action(SITUATION, tracker, domain)
    assert "운영시간이에요" not in texts(messages)
    assert {"event": "followup", "timestamp": None, "name": "eligibility_form"} in events  # whom it serves, checked


async def test_a_city_programme_named_in_a_story_of_dismissal_is_still_asked_about_when_asked_outright(domain) -> None:
    """"서울시 정규직 전환 이런거 있지 않아요?" is about 정규직화; "정규직 전환 안해준다고 그만 나오래요" is a dismissal."""
    asked = "서울시 산하기관 계약직이었거든요 서울시 정규직 전환 이런거 있지 않아요?"
    named = [span("programme", "regularisation", asked, "정규직 전환")]
    tracker = make_tracker("situation_unfair_dismissal", asked, named, slots={"programme": "regularisation"}, confidence=0.6)
    assert "정규직" in texts((await run_action(SITUATION, tracker, domain))[0])
    story = "수습 3개월 끝나자마자 정규직 전환 안해준다고 그만 나오래요 이거 부당한거 아닌가요"
    named = [span("programme", "regularisation", story, "정규직 전환")]
    tracker = make_tracker("situation_unfair_dismissal", story, named, slots={"programme": "regularisation"}, confidence=0.86)
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "노동권리보호관" in reply and "파견·용역" not in reply


LABOUR_ADVICE = ("labour_rights_centre", "labour_ombudsman", "labour_rights_protector")


async def test_is_it_free_right_after_a_list_is_what_each_costs(domain) -> None:
    buttons = [{"title": slug, "payload": f'/ask_programme_info{{"programme":"{slug}"}}'} for slug in LABOUR_ADVICE]
    events = said("택배 분류작업 땜에 하루 13시간씩 일하는데 수당은 따로 없대요", bot="노동 문제로 고민이시군요.", buttons=buttons)
    tracker = make_tracker("ask_cost", "무료죠?", slots={"programme": "labour_rights_centre"}, events=events + [now("무료죠?")])
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "노동옴부즈만: 노무상담 무료" in reply and "무료 노동상담" in reply
    assert "서울노동권익센터: 비용은 보고서에 나와 있지 않아요" in reply


async def test_when_a_shelter_opens_is_its_hours_and_when_a_centre_began_is_unknown(domain) -> None:
    text = "서초에 있는 대리기사 쉼터는 언제 열어요"
    tracker = make_tracker("ask_hours", text, [span("programme", "rest_area", text, "쉼터")], slots={"programme": "rest_area"})
    assert "18:00" in texts((await run_action(QUESTION, tracker, domain))[0])
    text = "청년일자리센터는 언제부터 운영한거에요? 개관연도 궁금해서"
    tracker = make_tracker("ask_hours", text, [span("programme", "youth_job_centre", text, "청년일자리센터")])
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "나와 있지 않아요" in reply and "21:00" not in reply


async def test_the_sites_outside_seoul(domain) -> None:
    tracker = make_tracker("ask_location", "그중에 서울 아닌데 있는건 어디꺼", slots={"programme": "technical_school"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "남부기술교육원: 경기도 군포시" in reply and "동부기술교육원" not in reply


async def test_the_building_a_centre_is_housed_in(domain) -> None:
    tracker = make_tracker("ask_location", "그 건물 주소는?", slots={"programme": "labour_rights_centre"})
    assert "청계천로 105" in texts((await run_action(QUESTION, tracker, domain))[0])
    own = make_tracker("ask_location", "건물 몇층짜리임", slots={"programme": "jeon_tae_il_memorial"})
    assert "[서울노동권익센터]" not in texts((await run_action(QUESTION, own, domain))[0])


async def test_not_that_one_but_another_site_is_the_same_question(domain) -> None:
    text = "거기 말고 상암은?"
    slots = {"programme": "rest_area", "place": "합정쉼터", "last_question": "ask_hours"}
    tracker = make_tracker("ask_eligibility", text, slots=slots)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "상암쉼터: 매일 09:30~18:00" in reply


async def test_a_bare_name_read_as_a_situation_is_the_same_question_again(domain) -> None:
    """"기술교육원은?" after "뉴딜일자리 예산 얼마야" (heard as wanting training): its budget, not the list."""
    first = "뉴딜일자리 예산 얼마야"
    text = "기술교육원은?"
    named = [span("programme", "technical_school", text, "기술교육원")]
    events = said(first, [span("programme", "newdeal_jobs", first, "뉴딜일자리")], bot="[뉴딜일자리] 소요예산") + [now(text, named)]
    tracker = make_tracker("situation_job_training", text, named, slots={"programme": "technical_school"}, events=events)
    assert "20,791" in texts((await run_action(SITUATION, tracker, domain))[0])


async def test_an_unsure_situation_of_a_kind_of_worker_is_the_programme_for_them(domain) -> None:
    text = "콜센터 다니는데 진짜 너무 힘들어요 도와줄 데 있나요"
    tracker = make_tracker("situation_rest_area", text, [span("worker_type", "감정노동자", text, "콜센터")], confidence=0.19)
    reply = texts((await run_action(SITUATION, tracker, domain))[0])
    assert "[감정노동 보호]" in reply and "쉼터" not in reply


async def test_a_district_asked_of_advice_given_in_every_district(domain) -> None:
    text = "강서구에도 그 옴부즈만 있어요?"
    tracker = make_tracker("ask_location", text, [span("district", "강서구", text, "강서구")], slots={"programme": "labour_ombudsman"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "자치구별" in reply and "나와 있지 않아요" not in reply


async def test_weekend_hours_of_a_shelter_open_daily_say_the_report_only_says_daily(domain) -> None:
    text = "토요일 일요일에도 해요?"
    slots = {"programme": "rest_area", "place": "북창쉼터", "last_question": "ask_hours"}
    tracker = make_tracker("ask_hours", text, [entity("weekday", "sat"), entity("weekday", "sun")], slots=slots)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "08:30~20:00" in reply and "'매일'로만" in reply


async def test_a_lunch_break_is_not_in_the_report(domain) -> None:
    slots = {"programme": "rest_area", "place": "합정쉼터", "last_question": "ask_hours"}
    tracker = make_tracker("ask_hours", "중간에 점심시간이라고 문 닫는 시간 있어요?", slots=slots)
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "중간 휴게시간은 보고서에 나와 있지 않아요" in reply and "120" in reply


async def test_a_sum_asked_of_a_fact_without_one_is_120(domain) -> None:
    tracker = make_tracker("ask_cost", "선정되면 근무환경개선금은 얼마씩 줘요", slots={"programme": "seoul_strong_sme"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "근무환경개선금" in reply and "금액)는 보고서에 나와 있지 않아요" in reply


async def test_how_many_applied_and_how_often_are_details(domain) -> None:
    tracker = make_tracker("ask_how_to_apply", "접수는 몇 개 기업 했어요", slots={"programme": "seoul_strong_sme"})
    assert "541" in texts((await run_action(QUESTION, tracker, domain))[0])
    tracker = make_tracker("ask_hours", "노사민정 아카데미 그거 일년에 몇번 열어요?", slots={"programme": "labour_organisation_support"})
    reply = texts((await run_action(QUESTION, tracker, domain))[0])
    assert "하반기" in reply and "운영시간은" not in reply
