"""Tests for bot.nlu.korean_tokenizer, modelled on Rasa's test_jieba_tokenizer.py."""
import ast
import random
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Dict, Optional

import pytest
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.constants import TOKENS_NAMES
from rasa.shared.nlu.constants import INTENT, TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

import bot.nlu.korean_tokenizer as korean_tokenizer_module
from bot.nlu.korean_tokenizer import KoreanTokenizer, get_mecab, normalise

REPO_ROOT = Path(__file__).resolve().parents[4]


def create_tokenizer(config: Optional[Dict] = None) -> KoreanTokenizer:
    config = config if config else {}
    return KoreanTokenizer.create(
        {**KoreanTokenizer.get_default_config(), **config}, None, None, None
    )


def tokenize(text: str, config: Optional[Dict] = None):
    return create_tokenizer(config).tokenize(Message(data={TEXT: text}), attribute=TEXT)


@pytest.mark.parametrize(
    "text, expected_tokens, expected_indices",
    [
        (  # particles are separate tokens
            "마포구에서 가까운 쉼터",
            ["마포구", "에서", "가까운", "쉼터"],
            [(0, 3), (3, 5), (6, 9), (10, 12)],
        ),
        (
            "취업날개가 뭐예요?",
            ["취업", "날개", "가", "뭐", "예요", "?"],
            [(0, 2), (2, 4), (4, 5), (6, 7), (7, 9), (9, 10)],
        ),
        (  # Hangul mixed with Latin and digits
            "ABC카페 3층에 있어요",
            ["ABC", "카페", "3", "층", "에", "있", "어요"],
            [(0, 3), (3, 5), (6, 7), (7, 8), (8, 9), (10, 11), (11, 13)],
        ),
        (  # emoji
            "취업날개 😀 신청할래요",
            ["취업", "날개", "😀", "신청", "할래요"],
            [(0, 2), (2, 4), (5, 6), (7, 9), (9, 12)],
        ),
        (  # no spaces at all
            "청년일자리센터몇시까지해요",
            ["청년", "일자리", "센터", "몇", "시", "까지", "해요"],
            [(0, 2), (2, 5), (5, 7), (7, 8), (8, 9), (9, 11), (11, 13)],
        ),
        (  # python-mecab-ko drops leading whitespace from its spans; we do not
            "  마포구",
            ["마포구"],
            [(2, 5)],
        ),
        (  # full-width letters, digits and the ideographic space
            "ＡＢＣ\u3000１２３",
            ["ＡＢＣ", "１２３"],
            [(0, 3), (4, 7)],
        ),
        (  # a run of ㅋ stays one token covering the whole run
            "고마워요ㅋㅋㅋㅋㅋ",
            ["고마워요", "ㅋㅋㅋㅋㅋ"],
            [(0, 4), (4, 9)],
        ),
        (  # a consonant and a vowel a phone keyboard left apart are one syllable ("ㅇㅓ때요" is 어때요)
            "ㅇㅓ때요",
            ["ㅇㅓ때요"],
            [(0, 4)],
        ),
        (  # an abbreviation typed onto the word (MeCab alone keeps "ㅇㅋ신청은" as one token)
            "ㅇㅋ신청은",
            ["ㅇㅋ", "신청", "은"],
            [(0, 2), (2, 4), (4, 5)],
        ),
    ],
)
def test_korean_tokenizer(text, expected_tokens, expected_indices):
    tokens = tokenize(text)

    assert [t.text for t in tokens] == expected_tokens
    assert [t.start for t in tokens] == [i[0] for i in expected_indices]
    assert [t.end for t in tokens] == [i[1] for i in expected_indices]
    assert all(text[t.start : t.end] == t.text for t in tokens)


@pytest.mark.parametrize("text", ["", " ", "   \t\n ", "\u3000\u00a0", "\u200b"])
def test_empty_and_whitespace_only_text(text):
    assert tokenize(text) == []


def test_lemma_is_normalised_and_pos_is_in_data():
    tokens = tokenize("ＡＢＣ　１２３ 고마워요ㅋㅋㅋㅋㅋ!!!!")
    assert [t.lemma for t in tokens][:2] == ["ABC", "123"]
    laugh = next(t for t in tokens if t.text == "ㅋㅋㅋㅋㅋ")
    assert laugh.lemma == "ㅋㅋ"

    tokens = tokenize("마포구에서 가까운 쉼터")
    assert [t.get("pos") for t in tokens] == ["NNP", "JKB", "VA+ETM", "NNG"]

    assert all("pos" not in t.data for t in tokenize("마포구", {"add_pos_tags": False}))


def test_collapse_can_be_switched_off():
    # Without collapsing, MeCab cuts a long run into arbitrary pieces.
    tokens = tokenize("고마워요ㅋㅋㅋㅋㅋ", {"collapse_repeated_chars": False})
    assert [t.text for t in tokens] == ["고마워요", "ㅋㅋㅋ", "ㅋㅋ"]
    assert [t.lemma for t in tokens] == ["고마워요", "ㅋㅋㅋ", "ㅋㅋ"]


def test_decomposed_hangul_maps_back_to_original_offsets():
    text = unicodedata.normalize("NFD", "마포구에서")  # 10 code points
    tokens = tokenize(text)
    assert [(t.start, t.end) for t in tokens] == [(0, 6), (6, 10)]
    assert [t.lemma for t in tokens] == ["마포구", "에서"]
    assert all(text[t.start : t.end] == t.text for t in tokens)


def test_odd_characters_do_not_break_offsets():
    # NUL would cut the string inside MeCab, a lone surrogate cannot be encoded.
    text = "a\x00b 마포구 x\ud800y"
    tokens = tokenize(text)
    assert "마포" in "".join(t.text for t in tokens)
    assert tokens[-1].end == len(text)
    assert all(text[t.start : t.end] == t.text for t in tokens)


def test_offsets_invariants_on_random_text():
    random.seed(13)
    alphabet = list(
        "마포구에서 가까운쉼터취업날개ABCabc123 😀👨‍👩‍👧\t\n\u3000ＡＢＣ１２３ㅋㅎㅠ!?.~,·…「」()㈜①é"
        "\u0301\u200b\u00a0"
    ) + ["🇰🇷", unicodedata.normalize("NFD", "각")]
    tk = create_tokenizer()
    for _ in range(2000):
        text = "".join(random.choice(alphabet) for _ in range(random.randint(0, 30)))
        tokens = tk.tokenize(Message(data={TEXT: text}), attribute=TEXT)
        previous_end = 0
        for token in tokens:
            assert token.text == text[token.start : token.end]
            assert token.text and not any(c.isspace() for c in token.text)
            assert previous_end <= token.start < token.end
            previous_end = token.end


def test_process_sets_tokens():
    tk = create_tokenizer()
    message = Message(data={TEXT: "마포구에서 가까운 쉼터"})
    tk.process([message])
    assert [t.text for t in message.get(TOKENS_NAMES[TEXT])] == [
        "마포구",
        "에서",
        "가까운",
        "쉼터",
    ]


@pytest.mark.parametrize(
    "text, expected_tokens",
    [
        ("Forecast_for_LUNCH", ["Forecast_for_LUNCH"]),
        ("Forecast for LUNCH", ["Forecast for LUNCH"]),
    ],
)
def test_custom_intent_symbol(text, expected_tokens):
    component_config = {"intent_tokenization_flag": True, "intent_split_symbol": "+"}

    tk = create_tokenizer(component_config)

    message = Message(data={TEXT: text})
    message.set(INTENT, text)

    tk.process_training_data(TrainingData([message]))

    assert [t.text for t in message.get(TOKENS_NAMES[INTENT])] == expected_tokens


@pytest.mark.parametrize(
    "flag, expected_tokens",
    [
        (True, ["ask", "programme", "info"]),
        (False, ["ask_programme_info"]),
    ],
)
def test_intent_tokenization_flag(flag, expected_tokens):
    tk = create_tokenizer({"intent_tokenization_flag": flag})
    message = Message(data={TEXT: "취업날개가 뭐예요?", INTENT: "ask_programme_info"})

    tk.process_training_data(TrainingData([message]))

    assert [t.text for t in message.get(TOKENS_NAMES[INTENT])] == expected_tokens
    assert [t.text for t in message.get(TOKENS_NAMES[TEXT])][:2] == ["취업", "날개"]


def test_token_pattern():
    tokens = tokenize("ABC카페", {"token_pattern": r"[A-Z]|[가-힣]+"})
    assert [(t.text, t.start, t.end) for t in tokens] == [
        ("A", 0, 1),
        ("B", 1, 2),
        ("C", 2, 3),
        ("카페", 3, 5),
    ]


def test_default_config_is_complete():
    config = KoreanTokenizer.get_default_config()
    for key in (
        "intent_tokenization_flag",
        "intent_split_symbol",
        "token_pattern",
        "prefix_separator_symbol",
    ):
        assert key in config


def test_registered_as_message_tokenizer():
    registered = DefaultV1Recipe._from_registry("bot.nlu.korean_tokenizer.KoreanTokenizer")
    assert registered.clazz is KoreanTokenizer
    assert DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER in registered.types
    assert registered.is_trainable is False
    assert KoreanTokenizer.supported_languages() == ["ko"]


def test_fingerprint_addon_names_analyser_and_dictionary_versions():
    addon = KoreanTokenizer.fingerprint_addon(KoreanTokenizer.get_default_config())
    assert "python-mecab-ko==" in addon and "python-mecab-ko-dic==" in addon
    assert "missing" not in addon
    assert addon == KoreanTokenizer.fingerprint_addon({})


def test_mecab_is_cached_per_process():
    assert get_mecab() is get_mecab()


def test_mecab_is_not_loaded_at_import_or_creation():
    code = (
        "import sys\n"
        "import bot.nlu.korean_tokenizer as k\n"
        "import knowledge.morphology as morphology\n"
        "t = k.KoreanTokenizer.create(k.KoreanTokenizer.get_default_config(), None, None, None)\n"
        "assert morphology._mecab_instance is None, 'MeCab created too early'\n"
        "assert 'mecab' not in sys.modules, 'mecab imported at import time'\n"
        "from rasa.shared.nlu.training_data.message import Message\n"
        "t.tokenize(Message(data={'text': '마포구'}), 'text')\n"
        "assert morphology._mecab_instance is not None\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=str(REPO_ROOT),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]


def test_normalise_keeps_a_map_to_the_original():
    original = "ＡＢ\u3000ㅋㅋㅋㅋ!!!"
    norm = normalise(original)
    assert norm.text == "AB ㅋㅋ!!"
    assert len(norm.starts) == len(norm.ends) == len(norm.text)
    # the last kept ㅋ stands for the rest of the run
    assert (norm.starts[4], norm.ends[4]) == (4, 7)


@pytest.mark.parametrize("typed, meant", [
    ("면접정장도 빌릴수잇어?", "면접정장도 빌릴수있어?"),
    ("구직등록 방금 햇음", "구직등록 방금 했음"),
    ("그거 업나요", "그거 없나요"),
    ("저도 되요? 않되나요", "저도 돼요? 안되나요"),
    ("취업나요 사업은 잇따라 햇빛", "취업나요 사업은 잇따라 햇빛"),  # (words that only look alike stay)
    # names as phones type them
    ("청일쎈터 몇시까지", "청일센터 몇시까지"), ("일자리까페 몇개", "일자리카페 몇개"), ("뉴딜일짜리", "뉴딜일자리"),
    ("취업나래 그거 머야", "취업날개 그거 뭐야"), ("마을노무싸 돼?", "마을노무사 돼?"), ("나래 씨 일짜리요", "나래 씨 일자리요"),
])
def test_misspellings_are_fixed_character_for_character(typed, meant):
    norm = normalise(typed)
    assert norm.text == meant
    assert norm.starts == list(range(len(typed)))  # every span still points at its own character
    tokens = tokenize(typed)
    assert "".join(t.text for t in tokens) == typed.replace(" ", "")  # tokens keep the citizen's own text
    assert "".join(t.lemma for t in tokens) == meant.replace(" ", "")  # and are read as meant


def test_no_print_calls():
    source = Path(korean_tokenizer_module.__file__).read_text(encoding="utf-8")
    calls = [
        node
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "print"
    ]
    assert not calls
