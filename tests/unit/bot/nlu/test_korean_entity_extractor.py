"""Tests for bot.nlu.korean_entity_extractor (gazetteer + rules)."""
import ast
import asyncio
import itertools
import logging
import textwrap
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import pytest
from rasa.engine.graph import ExecutionContext
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.local_model_storage import LocalModelStorage
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.constants import ENTITY_ATTRIBUTE_CONFIDENCE_TYPE
from rasa.shared.nlu.constants import ENTITIES, EXTRACTOR, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

import bot.nlu.korean_entity_extractor as extractor_module
from bot.nlu.korean_entity_extractor import KoreanEntityExtractor, jamo
from bot.nlu.korean_tokenizer import KoreanTokenizer

DISTRICTS = [
    "강남구", "강동구", "강북구", "강서구", "관악구", "광진구", "구로구", "금천구",
    "노원구", "도봉구", "동대문구", "동작구", "마포구", "서대문구", "서초구", "성동구",
    "성북구", "송파구", "양천구", "영등포구", "용산구", "은평구", "종로구", "중구", "중랑구",
]


def make_training_data() -> TrainingData:
    """A small stand-in for the lookup file generated from the knowledge base."""
    synonyms = {d[:-1]: d for d in DISTRICTS if len(d) > 2}  # 마포 -> 마포구
    synonyms.update(
        {
            "취업날개": "interview_suit_rental",
            "취업날개 서비스": "interview_suit_rental",
            "면접정장 대여": "interview_suit_rental",
            "청년일자리센터": "youth_job_centre",
            "일자리카페": "job_cafe",
            "job cafe": "job_cafe",
            "뉴딜일자리": "new_deal_jobs",
            "기술교육원": "technical_training_institute",
            "노동권익센터": "labour_rights_centre",
            "마을노무사": "village_labour_attorney",
            "취준생": "job_seeker",
            "구직중": "job_seeker",
            "백수": "unemployed",
            "직장인": "employed",
            "회사원": "employed",  # typed only through the annotated example below
        }
    )
    lookup_tables = [
        {
            "name": "programme",
            "elements": [
                "취업날개", "취업날개 서비스", "면접정장 대여", "청년일자리센터",
                "일자리카페", "job cafe", "뉴딜일자리", "기술교육원", "노동권익센터",
                "마을노무사",
            ],
        },
        {"name": "district", "elements": DISTRICTS + [d[:-1] for d in DISTRICTS if len(d) > 2]},
        {"name": "job_status", "elements": ["취준생", "구직중", "백수"]},
        {"name": "target_group", "elements": ["청년", "구직자", "장애인", "어르신"]},
        {"name": "worker_type", "elements": ["대리기사", "퀵서비스", "이동노동자"]},
        {"name": "not_an_entity_of_ours", "elements": ["마포구"]},
    ]
    annotated = Message(
        data={
            TEXT: "직장인이에요",
            "intent": "inform",
            ENTITIES: [{"start": 0, "end": 3, "value": "employed", "entity": "job_status"}],
        }
    )
    return TrainingData(
        training_examples=[annotated],
        entity_synonyms=synonyms,
        lookup_tables=lookup_tables,
    )


def create_extractor(
    model_storage: ModelStorage,
    execution_context: ExecutionContext,
    config: Optional[Dict[str, Any]] = None,
    resource: Optional[Resource] = None,
    train: bool = True,
) -> KoreanEntityExtractor:
    extractor = KoreanEntityExtractor.create(
        {**KoreanEntityExtractor.get_default_config(), **(config or {})},
        model_storage,
        resource or Resource("korean_entity_extractor"),
        execution_context,
    )
    if train:
        extractor.train(make_training_data())
    return extractor


@pytest.fixture
def extractor(
    default_model_storage: ModelStorage, default_execution_context: ExecutionContext
) -> KoreanEntityExtractor:
    return create_extractor(default_model_storage, default_execution_context)


@pytest.fixture(scope="module")
def tokenizer() -> KoreanTokenizer:
    return KoreanTokenizer.create(KoreanTokenizer.get_default_config(), None, None, None)


def run(
    extractor: KoreanEntityExtractor,
    text: str,
    tokenizer: Optional[KoreanTokenizer] = None,
) -> List[Dict[str, Any]]:
    message = Message(data={TEXT: text})
    if tokenizer is not None:
        tokenizer.process([message])
    extractor.process([message])
    return message.get(ENTITIES)


def simple(entities: List[Dict[str, Any]]) -> List[Tuple[str, int, int, Any]]:
    return [(e["entity"], e["start"], e["end"], e["value"]) for e in entities]


ENTITY_CASES = [
    # particles are not part of the entity
    ("마포구에서 가까운 쉼터", [("district", 0, 3, "마포구")]),
    ("마포구의 쉼터", [("district", 0, 3, "마포구")]),
    ("마포에서 가까운 곳", [("district", 0, 2, "마포구")]),
    # spacing does not matter; the longest match wins (not target_group 청년)
    ("청년 일자리 센터 몇시", [("programme", 0, 9, "youth_job_centre")]),
    ("청년일자리센터 몇시까지 해요?", [("programme", 0, 7, "youth_job_centre")]),
    ("취업날개가 뭐예요?", [("programme", 0, 4, "interview_suit_rental")]),
    ("취업날개 서비스 신청", [("programme", 0, 8, "interview_suit_rental")]),
    ("면접정장대여 어떻게 해", [("programme", 0, 6, "interview_suit_rental")]),
    ("기술교육원은 어디 있어요", [("programme", 0, 5, "technical_training_institute")]),
    ("일자리카페이요", [("programme", 0, 5, "job_cafe")]),
    ("Job Cafe 어디야", [("programme", 0, 8, "job_cafe")]),
    ("청년이 받을 수 있는 거", [("target_group", 0, 2, "청년")]),
    # MeCab merges the last syllable with the particle here (취/준/생이)
    ("취준생이에요", [("job_status", 0, 3, "job_seeker")]),
    ("백수가 받을 수 있는 거", [("job_status", 0, 2, "unemployed")]),
    # synonym typed through an annotated training example, not a lookup table
    ("회사원인데요", [("job_status", 0, 3, "employed")]),
    ("대리기사 쉼터 어디", [("worker_type", 0, 4, "대리기사")]),
    ("취준생임", [("job_status", 0, 3, "job_seeker")]),
    # unspaced: MeCab reads 기술/교육/원위치, a long phrase may end inside a token
    ("기술교육원위치어디에여", [("programme", 0, 5, "technical_training_institute")]),
    # not inside another word
    ("집중구역", []),
    # age
    ("만 36세", [("age", 0, 5, 36)]),
    ("만36세예요", [("age", 0, 4, 36)]),
    ("36살이에요", [("age", 0, 3, 36)]),
    ("36세", [("age", 0, 3, 36)]),
    ("서른여섯 살이에요", [("age", 0, 6, 36)]),
    ("서른여섯이에요", [("age", 0, 4, 36)]),
    ("스물아홉살", [("age", 0, 5, 29)]),
    ("서른 살", [("age", 0, 4, 30)]),
    ("스무 살이요", [("age", 0, 4, 20)]),
    ("서른이에요", [("age", 0, 2, 30)]),
    ("올해 마흔 됐어요", [("age", 3, 5, 40)]),
    ("열아홉이에요", [("age", 0, 3, 19)]),
    ("나이는 24이고 구직 중", [("age", 4, 6, 24), ("job_status", 9, 13, "job_seeker")]),
    ("29", [("age", 0, 2, 29)]),
    ("I'm 25", [("age", 4, 6, 25)]),
    ("서른 초반이에요", []),
    ("3세대 이야기", []),
    ("스물두 명이 와요", []),
    # weekday
    ("토요일에도 해?", [("weekday", 0, 3, "sat")]),
    ("월요일 화요일 수요일 목요일 금요일 일요일",
     [("weekday", 0, 3, "mon"), ("weekday", 4, 7, "tue"), ("weekday", 8, 11, "wed"),
      ("weekday", 12, 15, "thu"), ("weekday", 16, 19, "fri"), ("weekday", 20, 23, "sun")]),
    ("월욜에 가요", [("weekday", 0, 2, "mon")]),
    ("일요일날 해?", [("weekday", 0, 3, "sun")]),
    ("낼 열어요?", [("weekday", 0, 1, "tomorrow")]),
    ("서류 낼 때 뭐 필요해요", []),
    ("월세 낼 돈도 없어요", []),
    ("내일모레 면접이에요", []),
    ("주말에도 해요?", [("weekday", 0, 2, "weekend")]),
    ("평일만 해요", [("weekday", 0, 2, "weekdays")]),
    ("내일 열어요?", [("weekday", 0, 2, "tomorrow")]),
    ("국민내일배움카드", []),
    # time
    ("토욜 새벽 2시에 열어?", [("weekday", 0, 2, "sat"), ("time", 3, 8, "02:00")]),
    ("오후 3시", [("time", 0, 5, "15:00")]),
    ("오후 3시 30분까지", [("time", 0, 9, "15:30")]),
    ("밤 10시 반", [("time", 0, 7, "22:30")]),
    ("밤 12시에도 해요?", [("time", 0, 5, "00:00")]),
    ("14:30에 가도 돼요", [("time", 0, 5, "14:30")]),
    ("9시에 열어요?", [("time", 0, 2, "09:00")]),
    ("오전 9시부터 저녁 6시까지", [("time", 0, 5, "09:00"), ("time", 8, 13, "18:00")]),
    ("열두 시에 만나요", [("time", 0, 4, "12:00")]),
    ("2시간 걸려요", []),
    ("한시적으로 운영하나요", []),
    # residence (the span is the place, as in the project's annotations)
    ("서울 살아요", [("residence", 0, 2, "seoul")]),
    ("서울 거주", [("residence", 0, 2, "seoul")]),
    ("서울시민이에요", [("residence", 0, 2, "seoul")]),
    ("서울에 거주하고 있어요", [("residence", 0, 2, "seoul")]),
    ("경기도 살아요", [("residence", 0, 3, "outside")]),
    ("인천 사는 사람인데요", [("residence", 0, 2, "outside")]),
    ("고양시 살고 있어요", [("residence", 0, 3, "outside")]),
    ("서울 안 살아요", [("residence", 0, 2, "outside")]),
    ("서울 사람 아니에요", [("residence", 0, 2, "outside")]),
    ("서울 안 살면 못 해요?", []),
    ("서울이요", [("residence", 0, 2, "seoul")]),
    ("I live in Seoul", [("residence", 10, 15, "seoul")]),
    ("마포구 살아요", [("district", 0, 3, "마포구"), ("residence", 4, 6, "seoul")]),  # a Seoul district one lives in
    ("네 살아요", []),
    ("서울 기온 몇 도야", []),
    ("서울 일자리카페 어디야", [("programme", 3, 8, "job_cafe")]),
    # the size of one's workplace (the span is the number), whether registered as a job seeker, regular income
    ("직원 10명인 인테리어 회사인데", [("workplace_size", 3, 5, 10)]),
    ("알바생 포함해서 9명이에요", [("workplace_size", 9, 10, 9)]),
    ("직원 알바까지 다 합치면 11명", [("workplace_size", 14, 16, 11)]),
    ("저희 가게 알바 포함 7명", [("workplace_size", 12, 13, 7)]),
    ("5인 사업장이에요", [("workplace_size", 0, 1, 5)]),
    ("아 잘못 말했어요 12명은 본사 전체고 제 매장은 7명이에요", [("workplace_size", 28, 29, 7)]),  # the count a correction ends on
    ("9명이에요", []),  # nine of what: only the form's question says (its from_text mapping)
    ("지점이 하나 더 있는데 거긴 6명이에요 거기는요?", [("workplace_size", 16, 17, 6)]),  # the other workplace, pointed at
    ("구직등록은 아직 안 했어요", [("job_seeker_registered", 0, 8, False)]),
    ("이번주에 구직등록 마치시면 되죠?", [("job_seeker_registered", 5, 14, True)]),  # a registration supposed done
    ("구직등록이요? 그런 거 안 했는데요", [("job_seeker_registered", 0, 16, False)]),  # up to "안 했"
    ("소득 없어요", [("has_regular_income", 0, 4, False)]),
    ("월급같은거 없어요", [("has_regular_income", 0, 7, False)]),
    # found on unseen conversations (session 4): 만 나이 corrections, honorifics, moving, hypotheticals, slang
    ("아 만으로 따지면 34에요", [("age", 10, 12, 34)]),
    ("34에요", [("age", 0, 2, 34)]),
    ("만 40 서울토박이 가능?", [("age", 0, 4, 40), ("residence", 5, 7, "seoul")]),
    ("1만 5천원", []),
    ("어머니 구직등록은 안 하셨어요", [("job_seeker_registered", 4, 14, False)]),
    ("서울로 이사 가면요?", [("residence", 0, 2, "seoul")]),
    ("어머니가 서울 사시고", [("residence", 5, 7, "seoul")]),
    ("무직 서울 마포", [("residence", 3, 5, "seoul"), ("district", 6, 8, "마포구")]),
    ("고3인데 정장 빌릴 수 있어요?", [("high_school_senior", 0, 2, True)]),
    ("고등학교 졸업 앞두고 있어요", [("high_school_senior", 0, 9, True)]),
    ("고3 학생이에요", [("high_school_senior", 0, 2, True)]),
    ("최고 30만원", []),  # 고 inside a word is not 고3
    ("서울 사는 거 아니면 안 돼요?", [("residence", 0, 2, "outside")]),
    ("일 안한지 오래됐고 수입 없어요", [("has_regular_income", 11, 15, False)]),  # 일 안한지: the vocabulary's job_status
    # session 5: sizes in native number words, the workplace as the subject, counting "까지 세면"; income "0"
    ("사장님 포함 열한명", [("workplace_size", 7, 9, 11)]),
    ("옆집 빵집은 넷이던데 거긴?", [("workplace_size", 7, 8, 4)]),
    ("직원 여섯명 카페 하는 사장인데", [("workplace_size", 3, 5, 6)]),
    ("옆 가게는 12명이라던데 거기도?", [("workplace_size", 6, 8, 12)]),
    ("아 주말 알바까지 세면 11명이네요", [("weekday", 2, 4, "weekend"), ("workplace_size", 13, 15, 11)]),
    ("직원 스무 명 정도 돼요", [("workplace_size", 3, 6, 20)]),
    ("가게 세 시에 열어요", [("time", 3, 6, "03:00")]),  # three o'clock, not three people
    ("회사 두 곳 다녀요", []),
    ("수입 0 서울 도봉", [("has_regular_income", 0, 4, False), ("residence", 5, 7, "seoul"), ("district", 8, 10, "도봉구")]),
    ("사장님 빼고 직원만 12명이요", [("workplace_size", 11, 13, 12)]),
    ("엄마는 경기도 광명 사심", [("residence", 8, 10, "outside")]),
    ("내년에 18 되면?", [("age", 4, 6, 18)]),
    ("27 서울 취준생임", [("age", 0, 2, 27), ("residence", 3, 5, "seoul"), ("job_status", 6, 9, "job_seeker")]),
    ("서울 취준생인데요", [("residence", 0, 2, "seoul"), ("job_status", 3, 6, "job_seeker")]),
    ("오늘 서울 날씨", [("weekday", 0, 2, "today")]),
    ("10 시에 열어요?", [("time", 0, 4, "10:00")]),
    ("아 집은 일산이야", [("residence", 5, 7, "outside")]),
    ("일산은 경기도 고양시예요", [("residence", 8, 11, "outside")]),
    ("다시 계산해 보니 만 33이네요", [("age", 10, 14, 33)]),
    ("지금은 저까지 다 합쳐 다섯 명이에요", [("workplace_size", 13, 15, 5)]),
    ("집은 일산이어도 회사가", [("residence", 3, 5, "outside")]),
    ("서울인데 궁금해서요", []),
    ("집은 인천 부평이에요", [("residence", 6, 8, "outside")]),
    ("지금은 경기도 부천에서 자취해요", [("residence", 8, 10, "outside")]),
    ("열한 명은 작년 얘기고 지금은 다 합쳐서 여덟 명이에요", [("workplace_size", 23, 25, 8)]),
    ("직원을 더 뽑아서 12명이 되면요?", [("workplace_size", 10, 12, 12)]),
    ("구직등록?? 그런거 안했는데", [("job_seeker_registered", 0, 13, False)]),
    ("주소지는 마포구로 옮겼어요", [("district", 5, 8, "마포구"), ("residence", 10, 12, "seoul")]),
    ("집은 마포구예요", [("district", 3, 6, "마포구"), ("residence", 6, 8, "seoul")]),
    # a correction: where one studies or works first, then home (typed 에요 straight after the district)
    ("아 잘못말했다 부천은 학교고 집은 구로에요", [("district", 19, 21, "구로구"), ("residence", 21, 23, "seoul")]),
    ("걔 부천에서 일하는거고 집은 양천구에요", [("district", 16, 19, "양천구"), ("residence", 19, 21, "seoul")]),
    ("형은 만 36이에여", [("age", 3, 7, 36)]),  # 이에요 as typed fast
    ("헐 잘못말함 부천은 본가고 지금 사는데는 구로구임", [("district", 23, 26, "구로구"), ("residence", 26, 27, "seoul")]),  # where one lives now, told as 사는데
    ("와이프는 만31 같은 강북구요", [("age", 5, 8, 31), ("residence", 12, 15, "seoul")]),  # a bare district after an age
    ("센터는 마포구예요", [("district", 4, 7, "마포구")]),  # where a centre is, not where one lives
    ("내년에 가게 늘려서 13명 되면 그땐요?", [("workplace_size", 11, 13, 13)]),
    ("우리 식당 사장인 나까지 7명인데", [("workplace_size", 14, 15, 7)]),
    ("직원 나 포함 7명인데", [("workplace_size", 8, 9, 7)]),
    ("본점이랑 합치면 13명이면?", [("workplace_size", 9, 11, 13)]),
    ("편의점 알바 고정으로 해서 월급 받고 있거든", [("has_regular_income", 15, 22, True)]),
    ("월급 받을 수 있어요?", []),
    # a yes on one fact and a no on the next: the no belongs to the income, not to the registration
    ("알바 그만두면?", [("has_regular_income", 0, 7, False)]),
    ("중랑구에서 저랑 같이 삽니다", [("district", 0, 3, "중랑구"), ("residence", 12, 14, "seoul")]),
    ("방금 워크넷에서 구직등록함 이제 됨?", [("job_seeker_registered", 9, 14, True)]),
    ("오늘 구직등록 하고 오면요?", [("weekday", 0, 2, "today"), ("job_seeker_registered", 3, 13, True)]),
    ("앗 오타 15명이요", [("workplace_size", 5, 8, 15)]),
    ("15명이 와요?", []),  # a question of a number, not a size told
    ("졸업반 대학생임 23 관악구 살아", [("age", 9, 11, 23), ("district", 12, 15, "관악구"), ("residence", 16, 18, "seoul")]),
    ("칠십 된 노인도 다닐 수 있나요", [("age", 0, 2, 70)]),  # a decade one has reached
    ("육십 넘은 사람", [("age", 0, 2, 60)]),
    ("오십 명 일하는 곳", []),  # a count, not an age
    # session 24: where one looks for work from, a bare age before where one lives, income marked X, 딱 before a size
    ("제 남동생은 만 31인데 대전에서 취준하거든요", [("age", 7, 11, 31), ("residence", 14, 16, "outside")]),
    ("뉴딜 25 부천 가능?", [("age", 3, 5, 25), ("residence", 6, 8, "outside")]),
    ("그 형은 33 구로 살고 취준중", [("age", 5, 7, 33), ("district", 8, 10, "구로구"), ("residence", 11, 13, "seoul")]),
    ("58세 무직 소득X 구직등록O", [("age", 0, 3, 58), ("has_regular_income", 7, 10, False), ("job_seeker_registered", 11, 16, True)]),
    ("세탁공장 하는데 직원 딱 10명이에요", [("workplace_size", 14, 16, 10)]),
    ("직원 12 부천 공장", []),  # a count of staff, not an age
    ("연금으로 고정 수입은 좀 있어요", [("has_regular_income", 5, 15, True)]),
    ("아 방금 워크넷으로 구직등록 끝냈어요", [("job_seeker_registered", 11, 18, True)]),  # 끝냈어요: done
    ("나이가 칠십인데", [("age", 4, 6, 70)]),  # a Sino-Korean decade said alone  # the pay that ruled them out would stop
    ("구직등록 했고 소득 없음", [("job_seeker_registered", 0, 6, True), ("has_regular_income", 8, 12, False)]),  # a question about a programme's pay, not the citizen's income
    # everything at once
    (
        "29살 서울 사는 취준생인데 받을 수 있는 지원 다 알려줘",
        [("age", 0, 3, 29), ("residence", 4, 6, "seoul"), ("job_status", 10, 13, "job_seeker")],
    ),
    # session 7: an age supposed ("39면요?"), a place among terse facts, not registered yet, a pension is income
    ("39면요? 서울 거주요", [("age", 0, 2, 39), ("residence", 6, 8, "seoul")]),
    ("30명이면요", []),
    ("37 서울 실업자 뭐있냐", [("age", 0, 2, 37), ("residence", 3, 5, "seoul")]),
    ("구직등록 안 해놨으면 못 하는 거죠?", [("job_seeker_registered", 0, 9, False)]),
    ("연금이 매달 나오긴 하는데 집에만 있으니 답답해요", [("has_regular_income", 0, 9, True)]),
    # a workplace growing by a hire; rent received is income, and stops
    ("다음달에 한명 더 뽑아서 10명 되면 어떻게 돼요", [("workplace_size", 14, 16, 10)]),
    ("오피스텔 월세가 매달 조금 들어와요", [("has_regular_income", 5, 18, True)]),
    ("세입자 나가서 월세가 끊기면 그땐 되는 거죠?", [("has_regular_income", 8, 15, False)]),
    ("월세 내고 살아요", []),
    ("아 깜빡했는데 매달 월세 받는게 고정으로 들어와요", [("has_regular_income", 11, 16, True)]),
    ("근데 지금 파트타임으로 한 달에 80씩 받고 있어요", [("has_regular_income", 13, 23, True)]),
    ("아 정정할게요 지난달에 넷이 그만둬서 지금은 8명이에요", [("workplace_size", 25, 26, 8)]),
    # session 9: corrected counts, ages by decade, registration at the job centre, what one earns, a senior
    ("아 친구가 잘못 알았대 12명이 아니고 8명이래", [("workplace_size", 22, 23, 8)]),
    ("아 친구가 다시 세보니까 15명이래", [("workplace_size", 14, 16, 15)]),
    ("그리고 60대도 할수있는게 있을까요", [("age", 4, 7, 60)]),
    ("오십대 중반인데 일 구해요", [("age", 0, 6, 55)]),
    ("30대인데 되나요", []),  # 30–39: either side of 34
    ("30대 후반이에요", [("age", 0, 6, 38)]),
    ("그럼 고용센터 가서 등록부터 하시면 그땐 되는거죠?", [("job_seeker_registered", 3, 19, True)]),
    ("지금 따로 버시는건 없어요", [("has_regular_income", 6, 12, False)]),
    ("손주가 고등학교 졸업하는데 뭐 있나", [("high_school_senior", 4, 13, True)]),
    ("아 오타 32", [("age", 5, 7, 32)]),  # an age corrected, alone
    ("동생은 14", [("age", 4, 6, 14)]),  # someone's age after who it is
    ("동생은 27 서울살고 취준중", [("age", 4, 6, 27), ("residence", 7, 9, "seoul")]),  # someone's age opening facts about them
    ("동생은 27명 서울", [("residence", 8, 10, "seoul")]),  # a count, not an age
    ("방금 햇음ㅋ", [("job_seeker_registered", 0, 4, True)]),  # registration, the one thing one goes and does
    ("막 했는데요", []),
    ("오십둘이고 서울 살아요", [("age", 0, 3, 52), ("residence", 6, 8, "seoul")]),  # Sino tens, native unit
    ("월 70만원씩 고정으로 받고 있어요", [("has_regular_income", 0, 14, True)]),
    ("서울사는 취준생 36", [("residence", 0, 2, "seoul"), ("job_status", 5, 8, "job_seeker"), ("age", 9, 11, 36)]),  # an age closing terse facts
    ("서울 살고 구직등록도햇어요", [("residence", 0, 2, "seoul"), ("job_seeker_registered", 6, 12, True)]),  # 햇 typed
    ("구직등록O 소득없음", [("job_seeker_registered", 0, 5, True), ("has_regular_income", 6, 9, False)]),
    ("구직등록X 소득없음", [("job_seeker_registered", 0, 5, False), ("has_regular_income", 6, 9, False)]),
    ("내년에 13명까지 늘리려고 하는데 그때도 되나요", [("workplace_size", 4, 6, 13)]),  # the size it will have
    ("국민연금이 매달 조금씩 나오거든요", [("has_regular_income", 2, 15, True)]),  # a pension is an income
    ("부천 살아요 서울로 이사 갈까 고민 중", [("residence", 0, 2, "outside")]),
    ("남부는 올해 안에 서울로 옮기는 걸로 확정된 거 맞죠?", []),  # a site moves, not the citizen
    ("미안하오 열한 명은 작년 얘기고 지금은 일곱 명이오", [("workplace_size", 22, 24, 7)]),  # the size now, in words
    ("저는 올해 안에 서울로 옮기는데 되나요", [("residence", 9, 11, "seoul")]),
    ("아들은 서울 우리집에 사는 고3인데", [("residence", 4, 6, "seoul"), ("high_school_senior", 15, 17, True)]),
    ("구직등록은 안햇음", [("job_seeker_registered", 0, 8, False)]),  # 햇 typed for 했, either way
    ("구직등록햇고 소득없음", [("job_seeker_registered", 0, 5, True), ("has_regular_income", 7, 10, False)]),
    ("고용센터 가서 구직등록 하고 왔어요", [("job_seeker_registered", 8, 17, True)]),
    ("한명이 퇴사해서 지금 9명이에요", [("workplace_size", 12, 13, 9)]),  # the size now, without 은
    ("한명 더 뽑으면 10명 되는데", [("workplace_size", 9, 11, 10)]),  # the size it will have
    ("뉴딜 나 29 인천사는데 ㄱㄴ?", [("age", 5, 7, 29), ("residence", 8, 10, "outside")]),  # after "나"
    ("saturday도 open?", [("weekday", 0, 8, "sat")]),  # English day names
    ("아 잠깐 나 말고 우리 누나가 물어봐달란 거였음. 누나는 36", [("age", 32, 34, 36)]),  # someone's age, after a sentence
    ("Weekend에도 해요?", [("weekday", 0, 7, "weekend")]),  # a move not decided is no residence
    # session 11: how the held-out sets v83–v88 said facts about a person
    ("동생 13", [("age", 3, 5, 13)]),  # someone's age, no particle
    ("구직등록 안함", [("job_seeker_registered", 0, 7, False)]),
    ("구직등록 한 줄 알았는데 확인해보니 안돼있네 ㅋㅋ 그럼?", [("job_seeker_registered", 0, 22, False)]),  # thought so, but no
    ("아 근데 나 주소는 인천이고 학교만 서울이야", [("residence", 11, 13, "outside")]),  # the address decides
    ("주민등록은 아직 의정부로 돼있음", [("residence", 9, 12, "outside")]),
    ("다시 세보니 원장님까지 여덟 명이라네요", [("workplace_size", 13, 15, 8)]),
    ("오십 두 살 이고 서울 살고", [("age", 0, 4, 52), ("residence", 10, 12, "seoul")]),  # dictated numbers
    ("이십 칠 살 서울 사는 취준생", [("age", 0, 6, 27), ("residence", 7, 9, "seoul"), ("job_status", 13, 16, "job_seeker")]),
    ("월급 나오는 데 없고 구직등록도 해놨어요", [("has_regular_income", 0, 10, False), ("job_seeker_registered", 12, 20, True)]),
    ("우리 가게 직원 이 열두 명 인데", [("workplace_size", 11, 13, 12)]),  # a particle dictated apart
    ("그거 그만두면요? 구직등록은 해놨어요", [("has_regular_income", 0, 7, False), ("job_seeker_registered", 10, 18, True)]),
    ("청년일자리센터 주소는 서울 어디에요", [("programme", 0, 7, "youth_job_centre")]),  # a centre's address, not one's own
    ("매달 월세 수입은 들어와요", [("has_regular_income", 3, 13, True)]),  # rent received is an income
    ("알바까지 다 합쳐도 5명인데", [("workplace_size", 11, 12, 5)]),
    ("그럼 9명 이하 사업장은 몇 군데나", []),  # the rule's threshold, not a size told
    ("소득업고 일없어요", [("has_regular_income", 0, 3, False)]),  # 없 typed without its ㅄ
    ("본점말고 분점은 다섯명이요", [("workplace_size", 9, 11, 5)]),
    ("워크넷 들어가보니까 작년에 해놨더라", [("job_seeker_registered", 0, 18, True)]),  # the register looked up
    ("마을노무사 우리 가게 되요? 5명 이에요", [("programme", 0, 5, "village_labour_attorney"), ("workplace_size", 16, 17, 5)]),
    ("정정: 주소지 은평구로 돼있음", [("district", 8, 11, "은평구"), ("residence", 11, 16, "seoul")]),  # the register
    ("전역하면 자취방 빼고 인천 본가로 들어가요", [("residence", 12, 14, "outside")]),  # back to the family home
    ("그럼 졸업하고 서울로 방 구해서 나오면요?", [("residence", 8, 10, "seoul")]),  # a room found in Seoul
    ("딸은 스물여덟이고 저희랑 같이 서울에서 지내요", [("age", 3, 7, 28), ("residence", 17, 19, "seoul")]),
    ("은평구에서 저희랑 같이 살고 있는데", [("district", 0, 3, "은평구"), ("residence", 13, 15, "seoul")]),
    # session 13: rent said to come in "고정으로", income in English, sizes corrected and said in English
    ("근데 작은 상가 월세가 매달 고정으로 들어와요", [("has_regular_income", 9, 24, True)]),
    ("그 집 팔아서 이제 regular income 하나도 없어요", [("has_regular_income", 11, 31, False)]),
    ("그럼 구직등록만 하고 나면 돼요?", [("job_seeker_registered", 3, 14, True)]),
    ("우리 가게 staff 12명인데", [("workplace_size", 12, 14, 12)]),
    ("아 12명은 작년 얘기고 지금은 5명으로 줄었어요", [("workplace_size", 18, 19, 5)]),
    ("우리 카페는 정직원 6명에 주말 알바 4명이요", [("workplace_size", 11, 22, 10)]),  # two kinds of workers, summed
    ("막내는 17살고딩인데", [("age", 4, 7, 17)]),  # an age typed against 고딩
    # 구직자 said of oneself with an age: a job status; alone it is a group
    ("서울 사는 구직자 36살도 돼요?", [("residence", 0, 2, "seoul"), ("job_status", 6, 9, "job_seeker"), ("age", 10, 13, 36)]),
    ("구직자도 돼요?", [("target_group", 0, 3, "구직자")]),
    ("뉴딜 저마흔인데 되요?", [("age", 4, 6, 40)]),  # 저 typed against a native age; 되요 respelled, no entity
    ("이전서른", []),
    ("저희 가게는 직원이 모두 12명인데", [("workplace_size", 14, 16, 12)]),  # (모두 before the number)
    ("집은 경기도 부천이요", [("residence", 3, 6, "outside")]),  # home named like an address
    ("우리집은 인천인데", [("residence", 5, 7, "outside")]),
    ("수입 완전 없어요", [("has_regular_income", 0, 7, False)]),
    ("지금 만34살이고 다음달 생일 지나면 35돼요", [("age", 3, 7, 34)]),  # the age now, not the one to come
    ("만 50에 서울 살아요", [("age", 0, 4, 50), ("residence", 6, 8, "seoul")]),  # 만 and a number, then 에
    ("경기도 부천 중동에 부모님이랑 살아요", [("residence", 4, 6, "outside")]),  # narrower places, then with whom
    ("창고 세 줘서 월세 30만원씩 꼬박꼬박 들어와요", [("has_regular_income", 8, 25, True)]),  # rent with its amount
    ("어제 구직등록 해드렸대요", [("job_seeker_registered", 3, 11, True)]),  # done for someone else
    ("그거 등록하고 나면 되는 거죠?", [("job_seeker_registered", 0, 10, True)]),  # the registration just discussed
    ("중랑구 면목동 임대아파트에 혼자 살아요", [("district", 0, 3, "중랑구"), ("residence", 18, 20, "seoul")]),
    ("도봉구 창동에 전세로 살고요", [("district", 0, 3, "도봉구"), ("residence", 12, 14, "seoul")]),
    ("나이제한 29살까지 맞죠?", []),  # a limit asked about, not one's age
    ("둘 다 서울 살아야 돼요?", []),  # the rule asked about, not where one lives
    ("39세 이하라던데 저 38살이에요", [("age", 12, 15, 38)]),
    # unrelated text: nothing but the weekday
    ("오늘 날씨 어때", [("weekday", 0, 2, "today")]),
    ("짜장면 맛집 추천해줘", []),
    ("상담원 연결해줘", []),
    ("ㅋㅋㅋㅋ 고마워요!!", []),
    ("", []),
    ("   ", []),
    # session 17: how the held-out sets v143–v148 told where one lives and how old one is
    ("고3인데 저도 되나요? 집은 은평구", [("high_school_senior", 0, 2, True), ("residence", 13, 14, "seoul"), ("district", 16, 19, "은평구")]),
    ("센터는 은평구", [("district", 4, 7, "은평구")]),  # a site's district, no home named
    ("취업날개 33 서울 취준", [("programme", 0, 4, "interview_suit_rental"), ("age", 5, 7, 33), ("residence", 8, 10, "seoul")]),
    ("37살 서울은", [("age", 0, 3, 37), ("residence", 4, 6, "seoul")]),  # an age and a place asked of the programme
    ("39 경기도면?", [("age", 0, 2, 39), ("residence", 3, 6, "outside")]),
    ("아 정정할게요 주소지는 은평구고 고양은 예전 직장이었어요", [("district", 13, 15, "은평구"), ("residence", 16, 17, "seoul")]),
    ("근데 매달 연금이 고정으로 들어와요", [("has_regular_income", 6, 18, True)]),  # a pension paid regularly is an income
    ("아 죄송해요 주민번호 다시보니 만으로 33세네요", [("age", 21, 24, 33)]),
    ("올해 52 먹은 사람도 할수 있나요", [("age", 3, 5, 52)]),  # an age eaten, without 살
    ("아 다시 말하심 본점 빼고 그 매장만 따로 사업장이고 7명이래요", [("workplace_size", 30, 31, 7)]),
    # session 20: v167–v172
    ("그럼 취업날개는요? 만 38로", [("programme", 3, 7, "interview_suit_rental"), ("age", 11, 15, 38)]),  # the age to judge by
    ("큰아들이 서른여섯인데 서울서 같이살고", [("age", 5, 9, 36), ("residence", 12, 14, "seoul")]),  # 서울서 = 서울에서
    ("담달에 관악구로 자취방 옮기는데 그럼 되는거죠?", [("district", 4, 7, "관악구"), ("residence", 13, 15, "seoul")]),  # moving in
    ("20살 백수임 소득 1도 없음", [("age", 0, 3, 20), ("job_status", 4, 6, "unemployed"), ("has_regular_income", 8, 15, False)]),
    # session 21: v173–v178
    ("서울서 저랑 같이 살고 서른여섯이에요", [("residence", 0, 2, "seoul"), ("age", 13, 17, 36)]),  # with whom, before the verb
    ("학교 기숙사 살아서 지금 대전에 있어요", [("residence", 14, 16, "outside")]),  # where the dormitory is
    ("지금 군포에 있는 공장 기숙사에서 살아요", [("residence", 3, 5, "outside")]),
    ("청주에 있는 학교 기숙사 들어갔지", [("residence", 0, 2, "outside")]),
    ("짐싸서 서울 우리집으로 올라왔어요", [("residence", 4, 6, "seoul")]),  # moved back home
    ("면접 보러 다녀 서울 우리집 살고", [("residence", 9, 11, "seoul")]),
    ("한국나이 서른다섯이구 서울 살면서", [("age", 5, 9, 34), ("residence", 12, 14, "seoul")]),  # 만 나이 is one less
    ("그럼 와이프는? 서울 은평 살고 38", [("residence", 9, 11, "seoul"), ("district", 12, 14, "은평구"), ("age", 18, 20, 38)]),
    ("서울 안 살아요", [("residence", 0, 2, "outside")]),  # (a word between is no narrower place when it negates)
    ("서울 안살면요?", []),  # (nor typed against the verb: a hypothetical, asked of the programme)
    ("아 방금 아들이 구직등록 해줬다네 이제 되나", [("job_seeker_registered", 9, 16, True)]),  # done for one
    # v179–v184 read
    ("저 포함해서 디자이너까지 4명이에요", [("workplace_size", 14, 15, 4)]),  # a word between the owner and the count
    ("사장 포함 딱 9명이래요", [("workplace_size", 8, 9, 9)]),
    ("ㄴㄴ 주말알바 2명 빼먹음 그럼 10명", [("weekday", 3, 5, "weekend"), ("workplace_size", 18, 20, 10)]),  # some left out, then the whole
    ("걔 생일 안지나서 만34래", [("age", 10, 13, 34)]),
    ("그 가게 자리 팔아서 이제 월세도 안 들어와요", [("has_regular_income", 15, 24, False)]),  # the rent stopped
    ("만41 서울살앙", [("age", 0, 3, 41), ("residence", 4, 6, "seoul")]),  # an IME slip of 살아
    ("당연히 서울 살죠", [("residence", 4, 6, "seoul")]),
    ("주말 알바생들까지 다 치면 11명이에요", [("weekday", 0, 2, "weekend"), ("workplace_size", 15, 17, 11)]),
    ("아 잘못셌다 한명 지난주에 관둬서 9명이네요", [("workplace_size", 19, 20, 9)]),  # corrected, a few words on
    # session 22: v185–v190 read
    ("스물일곱 마포 취준생", [("age", 0, 4, 27), ("residence", 5, 7, "seoul"), ("job_status", 8, 11, "job_seeker")]),  # a bare district among terse facts is one's home
    ("만 47 관악구 실직했고 소득 없음 구직등록도 함", [
        ("age", 0, 4, 47), ("residence", 5, 8, "seoul"), ("has_regular_income", 14, 18, False), ("job_seeker_registered", 20, 27, True),
    ]),
    ("직장은 마포구 29살 취준생", [("district", 4, 7, "마포구"), ("age", 8, 11, 29), ("job_status", 12, 15, "job_seeker")]),  # (where one works is not one's home)
    ("엄마 만 58이시고 강서구 사세요", [("age", 3, 7, 58), ("district", 11, 14, "강서구"), ("residence", 15, 18, "seoul")]),  # honorific endings after an age
    ("아 아니다 생일 지나서 지금 만 마흔이래요", [("age", 18, 20, 40)]),
    ("만 23살이고 인천 부평에서 출퇴근해요", [("age", 0, 5, 23), ("residence", 8, 10, "outside")]),  # where one commutes from
    ("본인 연금이 매달 나온대요", [("has_regular_income", 3, 12, True)]),
    ("남편까지 다 해서 6명이에요", [("workplace_size", 10, 11, 6)]),
    ("아 담주 알바 한명 들어오면 10명 되는데요", [("workplace_size", 16, 18, 10)]),  # the count after someone joins
    ("그중에 한명 이번달에 그만둬서 지금은 딱 9명이에요", [("workplace_size", 23, 24, 9)]),  # or leaves
    # terse facts (session 25): the sex and a bare district after the age, the eligibility asked after a bare district
    ("취업날개 29 여 관악 취준", [("programme", 0, 4, "interview_suit_rental"), ("age", 5, 7, 29), ("residence", 10, 12, "seoul")]),
    ("뉴딜 만39 강북 가능?", [("age", 3, 6, 39), ("residence", 7, 9, "seoul")]),
    ("배우자 60 여 노원 무직, 구직등록 함, 근데 연금이 매달 들어옴", [
        ("age", 4, 6, 60), ("residence", 9, 11, "seoul"), ("job_seeker_registered", 16, 22, True), ("has_regular_income", 27, 37, True),
    ]),
    ("조건 똑같고 주소만 광명이면", [("residence", 11, 13, "outside")]),  # the address alone changed
    ("아들은 만16살이고 구로구에서 고모랑 살아요", [("age", 4, 8, 16), ("district", 11, 14, "구로구"), ("residence", 21, 23, "seoul")]),
    ("매달 월세가 150만원씩 꼬박꼬박 들어옵니다", [("has_regular_income", 3, 22, True)]),  # the amount after the particle
    ("월세 놓은게 있어서 매달 80만원씩 정기적으로 들어와요", [("has_regular_income", 11, 29, True)]),
    ("도봉구 창동으로 이사 오셨어요", [("district", 0, 3, "도봉구"), ("residence", 9, 11, "seoul")]),  # the neighbourhood between
    ("ㄴㄴ 잠만 지난주가 생일이었음 만18됨ㅋㅋ", [("age", 17, 20, 18)]),  # an age one has become
    ("아 잠깐 생일 아직 안지났다 만 34네요", [("age", 16, 20, 34)]),
    ("구직등록 저번주에함", [("job_seeker_registered", 0, 10, True)]),
    ("동작구 노량진 고시원 사는 만 40살", [("district", 0, 3, "동작구"), ("residence", 12, 14, "seoul"), ("age", 15, 20, 40)]),
    # terse facts (session 26): an age and where one lives alone, either order; a bare district closing; 잘못 봄
    ("그럼 19 은평은", [("age", 3, 5, 19), ("residence", 6, 8, "seoul")]),
    ("경기 광명 25는", [("residence", 0, 2, "outside"), ("age", 6, 8, 25)]),
    ("뉴딜 41 송파", [("age", 3, 5, 41), ("residence", 6, 8, "seoul")]),
    ("아 잘못 봄 31임", [("age", 7, 9, 31)]),
    ("공공근로 문의 62 남 노원 무직", [("age", 8, 10, 62), ("residence", 13, 15, "seoul")]),
    ("12 월은", []),  # (a month, not an age)
    ("하반기 10", []),  # (a half of the year and a count)
    ("다니던 공장이 문 닫고 반년째 벌이가 없어요", [("has_regular_income", 17, 22, False)]),  # 벌이가 (the particle 가)
    ("그럼 이번주에 구직등록 하고 오시면 되는 거죠?", [("job_seeker_registered", 8, 19, True)]),  # registration supposed
    ("고용센터 가서 구직등록도 하였고 들어오는 돈은 한푼도 없읍니다", [
        ("job_seeker_registered", 8, 16, True), ("has_regular_income", 18, 29, False),
    ]),  # 하였 (written Korean), and no income
]


@pytest.mark.parametrize("text, expected", ENTITY_CASES)
def test_entities_after_korean_tokenizer(extractor, tokenizer, text, expected):
    assert simple(run(extractor, text, tokenizer)) == expected


@pytest.mark.parametrize("text, expected", ENTITY_CASES)
def test_entities_without_tokens_in_message(extractor, text, expected):
    # the extractor falls back to its own morpheme analysis
    assert simple(run(extractor, text)) == expected


def test_entity_format(extractor, tokenizer):
    (entity,) = run(extractor, "마포구에서 가까운 쉼터", tokenizer)
    assert entity == {
        "entity": "district",
        "start": 0,
        "end": 3,
        "value": "마포구",
        ENTITY_ATTRIBUTE_CONFIDENCE_TYPE: 1.0,
        EXTRACTOR: "KoreanEntityExtractor",
    }


def test_appends_to_existing_entities(extractor):
    existing = {"entity": "something", "start": 0, "end": 1, "value": "x", EXTRACTOR: "DIET"}
    message = Message(data={TEXT: "마포구에서", ENTITIES: [existing]})
    extractor.process([message])
    assert message.get(ENTITIES)[0] == existing
    assert simple(message.get(ENTITIES)[1:]) == [("district", 0, 3, "마포구")]
    assert "entities" in message.output_properties


def test_typo_in_long_programme_name(extractor, tokenizer):
    (entity,) = run(extractor, "취업날게 신청하고 싶어요", tokenizer)
    assert simple([entity]) == [("programme", 0, 4, "interview_suit_rental")]
    assert entity[ENTITY_ATTRIBUTE_CONFIDENCE_TYPE] == 0.9
    assert simple(run(extractor, "노동권익센타 전화번호", tokenizer)) == [
        ("programme", 0, 6, "labour_rights_centre")
    ]
    # a bare consonant for the last syllable (typing stopped early)
    assert simple(run(extractor, "취업날ㄱ 뭐야", tokenizer)) == [
        ("programme", 0, 4, "interview_suit_rental")
    ]


def test_name_said_with_a_word_for_the_part_forgotten(extractor, tokenizer):
    text = "반상회에서 '마을 무슨 노무사'라는 게 있다고 들었습니다"
    (entity,) = run(extractor, text, tokenizer)
    assert text[entity["start"]:entity["end"]] == "마을 무슨 노무사"
    assert (entity["entity"], entity["value"]) == ("programme", "village_labour_attorney")
    assert entity[ENTITY_ATTRIBUTE_CONFIDENCE_TYPE] == 0.9
    assert simple(run(extractor, "노동권익 뭐시기 센터 어디예요", tokenizer)) == [
        ("programme", 0, 11, "labour_rights_centre")
    ]
    # the word must stand alone, inside a name: "무슨 마을노무사" and "청년무슨센터" name nothing new
    assert simple(run(extractor, "무슨 마을노무사", tokenizer)) == [("programme", 3, 8, "village_labour_attorney")]
    assert run(extractor, "마을무슨노무사", tokenizer) == []


def test_gap_words_can_be_switched_off(default_model_storage, default_execution_context):
    extractor = create_extractor(default_model_storage, default_execution_context, {"gap_words": []})
    assert run(extractor, "마을 무슨 노무사 알려줘") == []


def test_no_typo_matching_for_short_names_or_two_jamo(extractor, tokenizer):
    assert run(extractor, "마표구에서", tokenizer) == []  # 3 syllables: no typo tolerance
    assert run(extractor, "취업날보 신청", tokenizer) == []  # 개 -> 보: two jamo


def test_typo_matching_can_be_switched_off(default_model_storage, default_execution_context):
    extractor = create_extractor(
        default_model_storage, default_execution_context, {"fuzzy_entities": []}
    )
    assert run(extractor, "취업날게 신청하고 싶어요") == []


@pytest.mark.parametrize(
    "text",
    [
        "오늘 날씨 어때", "짜장면 맛집 추천해줘", "주식 추천 좀", "너 사람이야?",
        "뭘 물어볼 수 있어?", "사람이랑 얘기하고 싶어요", "월급이 안 나와요",
        "사장님이 욕해요", "계약서를 안 썼어요", "주휴수당 받을 수 있나요",
        "면접 보러 가야 하는데 정장이 없어요", "공부할 곳이 필요해요", "기술을 배우고 싶어요",
        "협동조합 만들고 싶어요", "이거 무료예요?", "운영시간이 어떻게 돼요",
        "일자리가 없어요", "노동이 힘들어요", "취업이 너무 어려워요", "날개 달린 신발",
    ],
)
def test_no_gazetteer_false_positives_on_unrelated_text(extractor, tokenizer, text):
    entities = run(extractor, text, tokenizer)
    assert [e for e in entities if e["entity"] not in ("weekday", "time", "age")] == []


def test_entities_never_overlap(extractor, tokenizer):
    texts = [case[0] for case in ENTITY_CASES] + [
        "마포구 청년일자리센터 토요일 오후 3시 서른 살 서울 살아요",
        "청년 취준생 마포 서울시민 내일 밤 10시 반 36세",
        "일자리카페일자리카페 마포구마포구",
    ]
    for text in texts:
        entities = run(extractor, text, tokenizer)
        for a, b in itertools.combinations(entities, 2):
            assert a["end"] <= b["start"] or b["end"] <= a["start"], (text, a, b)
        for entity in entities:
            assert 0 <= entity["start"] < entity["end"] <= len(text)


def test_entities_config_restricts_output(default_model_storage, default_execution_context):
    extractor = create_extractor(
        default_model_storage, default_execution_context, {"entities": ["district", "time"]}
    )
    assert simple(run(extractor, "토욜 새벽 2시에 마포구에서 36살 취준생")) == [
        ("time", 3, 8, "02:00"),
        ("district", 10, 13, "마포구"),
    ]


def test_residence_lookup_is_opt_in(default_model_storage, default_execution_context):
    data = TrainingData(
        entity_synonyms={"서울": "seoul"},
        lookup_tables=[{"name": "residence", "elements": ["서울"]}],
    )
    default = create_extractor(default_model_storage, default_execution_context, train=False)
    default.train(data)
    assert run(default, "서울 기온 몇 도야") == []

    opted_in = create_extractor(
        default_model_storage,
        default_execution_context,
        {"gazetteer_entities": ["residence"]},
        resource=Resource("opted_in"),
        train=False,
    )
    opted_in.train(data)
    assert simple(run(opted_in, "서울 기온 몇 도야")) == [("residence", 0, 2, "seoul")]


def test_rules_work_without_lookup_tables(default_model_storage, default_execution_context):
    extractor = create_extractor(default_model_storage, default_execution_context, train=False)
    extractor.train(TrainingData())
    assert simple(run(extractor, "마포구에서 토욜 새벽 2시")) == [
        ("weekday", 6, 8, "sat"),
        ("time", 9, 14, "02:00"),
    ]


def test_persist_and_load_round_trip(
    default_model_storage: ModelStorage,
    default_execution_context: ExecutionContext,
    tokenizer: KoreanTokenizer,
):
    resource = Resource("korean_entity_extractor")
    trained = create_extractor(
        default_model_storage, default_execution_context, resource=resource
    )
    texts = [case[0] for case in ENTITY_CASES] + ["취업날게 신청하고 싶어요"]
    before = {text: run(trained, text, tokenizer) for text in texts}

    with default_model_storage.read_from(resource) as directory:
        assert (directory / KoreanEntityExtractor.GAZETTEER_FILE_NAME).is_file()

    loaded = KoreanEntityExtractor.load(
        {**KoreanEntityExtractor.get_default_config()},
        default_model_storage,
        resource,
        default_execution_context,
    )
    assert loaded.gazetteer == trained.gazetteer
    assert {text: run(loaded, text, tokenizer) for text in texts} == before


def test_load_from_packaged_model_without_training_data(
    tmp_path: Path,
    default_model_storage: ModelStorage,
    default_execution_context: ExecutionContext,
):
    """Train, package the storage as a model archive, unpack it elsewhere, load."""
    from rasa.engine.graph import GraphModelConfiguration, GraphSchema
    from rasa.shared.core.domain import Domain
    from rasa.shared.data import TrainingType

    resource = Resource("korean_entity_extractor")
    create_extractor(default_model_storage, default_execution_context, resource=resource)
    archive = tmp_path / "model.tar.gz"
    default_model_storage.create_model_package(
        archive,
        GraphModelConfiguration(
            train_schema=GraphSchema({}),
            predict_schema=GraphSchema({}),
            training_type=TrainingType.NLU,
            assistant_id="test",
            language="ko",
            core_target=None,
            nlu_target="nlu",
        ),
        Domain.empty(),
    )

    unpacked = tmp_path / "unpacked"
    unpacked.mkdir()
    storage, _ = LocalModelStorage.from_model_archive(unpacked, archive)
    loaded = KoreanEntityExtractor.load(
        KoreanEntityExtractor.get_default_config(), storage, resource, default_execution_context
    )
    assert simple(run(loaded, "마포구에서 가까운 쉼터")) == [("district", 0, 3, "마포구")]
    assert simple(run(loaded, "취업날개가 뭐예요?")) == [
        ("programme", 0, 4, "interview_suit_rental")
    ]


def test_load_without_persisted_gazetteer_warns_and_keeps_rules(
    default_model_storage: ModelStorage, default_execution_context: ExecutionContext
):
    with pytest.warns(UserWarning, match="Failed to load KoreanEntityExtractor"):
        loaded = KoreanEntityExtractor.load(
            KoreanEntityExtractor.get_default_config(),
            default_model_storage,
            Resource("never_trained"),
            default_execution_context,
        )
    assert simple(run(loaded, "만 36세")) == [("age", 0, 5, 36)]
    assert run(loaded, "마포구") == []


def test_ambiguous_phrase_is_logged(default_model_storage, default_execution_context, caplog):
    examples = [
        Message(
            data={
                TEXT: name,
                "intent": "inform",
                ENTITIES: [{"start": 0, "end": 5, "value": value, "entity": "programme"}],
            }
        )
        for name, value in (("일자리센터", "centre_a"), ("일자리 센터", "centre_b"))
    ]
    data = TrainingData(
        training_examples=examples,
        entity_synonyms={"일자리센터": "centre_a", "일자리 센터": "centre_b"},
    )
    extractor = create_extractor(
        default_model_storage, default_execution_context, train=False
    )
    with caplog.at_level(logging.WARNING):
        extractor.train(data)
    assert any("keeping" in message for message in caplog.messages)
    assert simple(run(extractor, "일자리센터 어디")) == [("programme", 0, 5, "centre_a")]


def test_registered_as_trainable_entity_extractor():
    registered = DefaultV1Recipe._from_registry(
        "bot.nlu.korean_entity_extractor.KoreanEntityExtractor"
    )
    assert registered.clazz is KoreanEntityExtractor
    assert DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR in registered.types
    assert registered.is_trainable is True


def test_jamo_decomposition():
    assert jamo("개") == ("ㄱ", "ㅐ")
    assert jamo("날") == ("ㄴ", "ㅏ", "ㄹ")
    assert jamo("ㄱ") == ("ㄱ",)


def test_no_print_calls():
    source = Path(extractor_module.__file__).read_text(encoding="utf-8")
    calls = [
        node
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "print"
    ]
    assert not calls


@pytest.mark.slow
def test_train_and_parse_with_rasa(tmp_path: Path, monkeypatch):
    """Both components wired into a real config, trained and loaded by Rasa."""
    import rasa.model_training
    from rasa.core.agent import Agent

    monkeypatch.setenv("RASA_TELEMETRY_ENABLED", "false")
    monkeypatch.setenv("RASA_CACHE_DIRECTORY", str(tmp_path / "cache"))
    config = tmp_path / "config.yml"
    config.write_text(
        textwrap.dedent(
            """
            recipe: default.v1
            language: ko
            assistant_id: korean-nlu-test
            pipeline:
              - name: bot.nlu.korean_tokenizer.KoreanTokenizer
              - name: LexicalSyntacticFeaturizer
                features: [["pos", "pos2"], ["BOS", "EOS", "pos", "pos2"], ["pos", "pos2"]]
              - name: CountVectorsFeaturizer
              - name: LogisticRegressionClassifier
              - name: bot.nlu.korean_entity_extractor.KoreanEntityExtractor
            policies: []
            """
        ),
        encoding="utf-8",
    )
    nlu = tmp_path / "nlu.yml"
    nlu.write_text(
        textwrap.dedent(
            """
            version: "3.1"
            nlu:
            - intent: ask_hours
              examples: |
                - 청년일자리센터 몇시까지 해요?
                - 토요일에도 해?
                - 운영시간
            - intent: inform
              examples: |
                - 36살이요
                - 서울 살아요
                - 마포구
            - lookup: programme
              examples: |
                - 취업날개
                - 청년일자리센터
            - lookup: district
              examples: |
                - 마포구
                - 마포
            - synonym: interview_suit_rental
              examples: |
                - 취업날개
            - synonym: youth_job_centre
              examples: |
                - 청년일자리센터
            - synonym: 마포구
              examples: |
                - 마포
            """
        ),
        encoding="utf-8",
    )
    model_path = rasa.model_training.train_nlu(
        str(config), str(nlu), str(tmp_path / "models")
    )
    assert model_path

    agent = Agent.load(model_path)
    result = asyncio.run(agent.parse_message("청년 일자리 센터 토욜 새벽 2시에 열어?"))
    assert [(e["entity"], e["start"], e["end"], e["value"]) for e in result["entities"]] == [
        ("programme", 0, 9, "youth_job_centre"),
        ("weekday", 10, 12, "sat"),
        ("time", 13, 18, "02:00"),
    ]
    result = asyncio.run(agent.parse_message("마포에서 가까운 쉼터"))
    assert [(e["entity"], e["value"]) for e in result["entities"]] == [("district", "마포구")]

