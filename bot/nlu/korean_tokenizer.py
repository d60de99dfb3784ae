"""Korean morpheme tokenizer for Rasa 3.6, built on python-mecab-ko.

Modelled on Rasa's ``JiebaTokenizer``. Messages are split into morphemes
("마포구에서" -> "마포구" + "에서") whose offsets always point into the ORIGINAL
text, so entity annotations and extracted entity spans line up with what the
citizen typed, even when it contains particles, Latin letters, digits, emoji,
full-width characters or odd whitespace.

External files: this tokenizer reads no outside file of its own (no user
dictionary), so it persists nothing into the model storage. The only data it
depends on is the system dictionary shipped in the ``python-mecab-ko-dic``
package; the versions of that package and of ``python-mecab-ko`` are part of
:meth:`KoreanTokenizer.fingerprint_addon`, so upgrading either re-runs the
tokenizer (and everything downstream) at the next ``rasa train``.
"""
from __future__ import annotations

import logging
import unicodedata
from typing import Any, Dict, List, NamedTuple, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.tokenizers.tokenizer import Token, Tokenizer
from rasa.shared.nlu.training_data.message import Message

from knowledge.morphology import get_mecab, respell  # one tagger per process, shared with the fact search

logger = logging.getLogger(__name__)

# Same key as rasa.nlu.tokenizers.spacy_tokenizer.POS_TAG_KEY, which the
# LexicalSyntacticFeaturizer reads for its "pos" / "pos2" features.
POS_TAG_KEY = "pos"

# --------------------------------------------------------------------------- #
# Normalisation that keeps a map back to the original text                     #
# --------------------------------------------------------------------------- #
# Zero-width / invisible characters dropped from the analysed copy.
_DROPPED_CHARS = frozenset("\u200b\u2060\ufeff\u00ad")

# Conjoining jamo (NFD Hangul, e.g. text pasted from macOS file names).
_L_BASE, _V_BASE, _T_BASE, _S_BASE = 0x1100, 0x1161, 0x11A7, 0xAC00
_L_COUNT, _V_COUNT, _T_COUNT = 19, 21, 28


class NormalisedText(NamedTuple):
    """A normalised copy of a text plus, per character, its span in the original.

    ``text[i]`` stands for ``original[starts[i]:ends[i]]``.
    """

    text: Text
    starts: List[int]
    ends: List[int]


def _map_char(char: Text) -> Optional[Text]:
    """Maps one character to its normalised form (``None`` drops it)."""
    code = ord(char)
    if char in _DROPPED_CHARS:
        return None
    if char.isspace():
        return " "
    if 0xFF01 <= code <= 0xFF5E:  # full-width ASCII: ＡＢＣ１２３！ -> ABC123!
        return chr(code - 0xFEE0)
    if code < 0x20 or 0x7F <= code < 0xA0:  # control characters (NUL cuts MeCab)
        return " "
    if 0xD800 <= code <= 0xDFFF:  # lone surrogates cannot be encoded for MeCab
        return "\ufffd"
    return char


def _is_collapsible(char: Text) -> bool:
    """Characters whose long runs carry no extra meaning (ㅋㅋㅋㅋ, ㅠㅠㅠ, !!!!, ~~~)."""
    if _is_jamo(char):
        return True
    category = unicodedata.category(char)
    return category[0] in ("P", "S")


def normalise(text: Text, collapse_repeats: bool = True, max_repeats: int = 2) -> NormalisedText:
    """Normalises a text for analysis while remembering where each char came from.

    - every Unicode whitespace (``\\u3000``, ``\\xa0``, tabs, newlines) -> " ";
      control characters -> " "; zero-width characters are dropped;
    - full-width ASCII (``ＡＢＣ１２３``) -> ASCII;
    - decomposed Hangul (conjoining jamo, NFD) is composed into syllables;
    - runs of more than ``max_repeats`` identical jamo / punctuation / symbols
      (``ㅋㅋㅋㅋㅋ``, ``ㅠㅠㅠ``, ``!!!!``) are shortened to ``max_repeats``; the
      last kept character stands for the rest of the run;
    - a consonant and a vowel left apart by a phone keyboard (``ㅇㅓ때요``) are composed into one syllable;
    - a run of jamo typed onto a word (``ㅇㅋ신청은``, ``감사ㅎㅎ``) is kept apart from it by a space that covers
      nothing of the original;
    - common misspellings are fixed character for character (``잇어요`` -> ``있어요``, knowledge.morphology.respell).
    """
    out: List[Text] = []
    starts: List[int] = []
    ends: List[int] = []
    n = len(text)
    i = 0
    while i < n:
        char = text[i]
        code = ord(char)
        # NFD Hangul: L V (T) -> one syllable
        if (
            _L_BASE <= code < _L_BASE + _L_COUNT
            and i + 1 < n
            and _V_BASE <= ord(text[i + 1]) < _V_BASE + _V_COUNT
        ):
            l_index = code - _L_BASE
            v_index = ord(text[i + 1]) - _V_BASE
            t_index = 0
            length = 2
            if i + 2 < n and _T_BASE < ord(text[i + 2]) < _T_BASE + _T_COUNT:
                t_index = ord(text[i + 2]) - _T_BASE
                length = 3
            out.append(chr(_S_BASE + (l_index * _V_COUNT + v_index) * _T_COUNT + t_index))
            starts.append(i)
            ends.append(i + length)
            i += length
            continue

        # "ㅇㅓ때요" (a phone keyboard left a consonant and a vowel apart): one syllable, 어
        if char in _CHOSEONG and i + 1 < n and "\u314f" <= text[i + 1] <= "\u3163":
            l_index = _CHOSEONG.index(char)
            v_index = ord(text[i + 1]) - 0x314F
            out.append(chr(_S_BASE + (l_index * _V_COUNT + v_index) * _T_COUNT))
            starts.append(i)
            ends.append(i + 2)
            i += 2
            continue
        mapped = _map_char(char)
        if mapped is None:
            i += 1
            continue
        if (
            collapse_repeats
            and len(out) >= max_repeats
            and _is_collapsible(mapped)
            and all(out[-k] == mapped for k in range(1, max_repeats + 1))
        ):
            ends[-1] = i + 1  # the last kept char now covers this one as well
            i += 1
            continue
        if out and _jamo_meets_syllable(out[-1], mapped):
            # "ㅇㅋ신청은", "ㄱㅅ정장은": an abbreviation typed onto the word (MeCab keeps "ㅇㅋ신청은" whole); a space
            # of no width in the original keeps them apart
            out.append(" ")
            starts.append(i)
            ends.append(i)
        out.append(mapped)
        starts.append(i)
        ends.append(i + 1)
        i += 1
    return NormalisedText(respell("".join(out)), starts, ends)  # (character for character: the spans still hold)


# the compatibility jamo of the 19 initial consonants, in the order of Unicode's syllable composition
_CHOSEONG = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"


def _is_jamo(char: Text) -> bool:
    """Hangul compatibility jamo (ㄱ … ㅣ), as typed alone."""
    return "\u3131" <= char <= "\u318e"


def _is_syllable(char: Text) -> bool:
    return "\uac00" <= char <= "\ud7a3"


def _jamo_meets_syllable(before: Text, after: Text) -> bool:
    """Whether a run of jamo (ㅇㅋ, ㅋㅋ, ㄱㅅ) and a Hangul syllable meet here, in either order."""
    return (_is_jamo(before) and _is_syllable(after)) or (_is_syllable(before) and _is_jamo(after))


class Morph(NamedTuple):
    """One morpheme: span in the ORIGINAL text, normalised surface and POS tag."""

    start: int
    end: int
    surface: Text
    pos: Text


def analyse(text: Text, collapse_repeats: bool = True) -> List[Morph]:
    """Splits ``text`` into morphemes with offsets into ``text`` itself.

    Never returns a morpheme that is empty or contains whitespace.
    """
    if not text or text.isspace():
        return []
    norm = normalise(text, collapse_repeats=collapse_repeats)
    normalised = norm.text
    # python-mecab-ko drops leading whitespace from its spans, so feed MeCab a
    # left-stripped copy and shift the spans back.
    stripped = normalised.lstrip(" ")
    shift = len(normalised) - len(stripped)
    if not stripped.strip():
        return []

    morphs: List[Morph] = []
    cursor = 0
    for morpheme in get_mecab().parse(stripped):
        surface = morpheme.surface
        start, end = morpheme.span.start, morpheme.span.end
        if stripped[start:end] != surface:  # defensive: re-locate the surface
            found = stripped.find(surface, cursor)
            if found < 0:
                logger.debug("Dropping unaligned morpheme %r in %r.", surface, text)
                continue
            start, end = found, found + len(surface)
        cursor = end
        pos = morpheme.feature.pos or "UNKNOWN"
        # whitespace never belongs to a token (split defensively if MeCab keeps one)
        piece_start = None
        for k in range(start, end + 1):
            if k < end and stripped[k] != " ":
                if piece_start is None:
                    piece_start = k
                continue
            if piece_start is not None:
                ns, ne = piece_start + shift, k + shift
                morphs.append(
                    Morph(norm.starts[ns], norm.ends[ne - 1], normalised[ns:ne], pos)
                )
                piece_start = None
    return morphs


# --------------------------------------------------------------------------- #
# The Rasa component                                                           #
# --------------------------------------------------------------------------- #
@DefaultV1Recipe.register(
    DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER, is_trainable=False
)
class KoreanTokenizer(Tokenizer, GraphComponent):
    """Splits Korean text into MeCab morphemes (python-mecab-ko + mecab-ko-dic).

    Each token's ``text`` is the original substring ``text[start:end]``; its
    ``lemma`` is the normalised surface (full-width -> ASCII, ``ㅋㅋㅋㅋ`` ->
    ``ㅋㅋ``), which ``CountVectorsFeaturizer`` uses by default; its POS tag
    (Sejong tag set, e.g. ``NNP``, ``JKB``, ``VV+EC``) is stored in
    ``token.data["pos"]`` for ``LexicalSyntacticFeaturizer``'s ``pos``/``pos2``.

    This tokenizer reads no outside file (no user dictionary) and persists
    nothing; see the module docstring.
    """

    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        """Returns the component's default config."""
        return {
            # Flag to check whether to split intents
            "intent_tokenization_flag": False,
            # Symbol on which intent should be split
            "intent_split_symbol": "_",
            # Regular expression to detect tokens
            "token_pattern": None,
            # Symbol on which prefix should be split
            "prefix_separator_symbol": None,
            # Shorten runs of identical jamo / punctuation / symbols
            # ("ㅋㅋㅋㅋㅋ" -> lemma "ㅋㅋ"); offsets still cover the whole run.
            "collapse_repeated_chars": True,
            # Store the POS tag in token.data["pos"].
            "add_pos_tags": True,
        }

    @staticmethod
    def supported_languages() -> Optional[List[Text]]:
        """Supported languages (see parent class for full docstring)."""
        return ["ko"]

    @staticmethod
    def required_packages() -> List[Text]:
        """Any extra python dependencies required for this component to run.

        Empty on purpose: Rasa uses these names both as import names (graph
        validation) and as distribution names (training fingerprint), and
        python-mecab-ko is imported as ``mecab`` but distributed as
        ``python-mecab-ko``, so listing either breaks ``rasa train``. Its
        presence is checked in :meth:`create`, its version is part of
        :meth:`fingerprint_addon`.
        """
        return []

    @classmethod
    def fingerprint_addon(cls, config: Dict[str, Any]) -> Optional[str]:
        """Versions of the analyser and of its system dictionary.

        The tokenizer reads no other outside file.
        """
        from importlib import metadata

        versions = []
        for package in ("python-mecab-ko", "python-mecab-ko-dic"):
            try:
                versions.append(f"{package}=={metadata.version(package)}")
            except metadata.PackageNotFoundError:
                versions.append(f"{package}==missing")
        return ";".join(versions)

    def __init__(self, config: Dict[Text, Any]) -> None:
        """Initialises the tokenizer (MeCab itself is loaded on first use)."""
        config = {**self.get_default_config(), **config}
        super().__init__(config)
        self._collapse_repeats = bool(config["collapse_repeated_chars"])
        self._add_pos_tags = bool(config["add_pos_tags"])

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> KoreanTokenizer:
        """Creates a new component (see parent class for full docstring)."""
        import importlib.util

        if importlib.util.find_spec("mecab") is None:
            raise ImportError(
                f"{cls.__name__} needs the packages 'python-mecab-ko' and "
                f"'python-mecab-ko-dic' (import name 'mecab')."
            )
        return cls(config)

    def tokenize(self, message: Message, attribute: Text) -> List[Token]:
        """Tokenizes the text of the provided attribute of the incoming message."""
        text = message.get(attribute)
        if not isinstance(text, str):
            return []
        tokens = []
        for morph in analyse(text, collapse_repeats=self._collapse_repeats):
            data = {POS_TAG_KEY: morph.pos} if self._add_pos_tags else None
            tokens.append(
                Token(
                    text[morph.start : morph.end],
                    morph.start,
                    end=morph.end,
                    data=data,
                    lemma=morph.surface,
                )
            )
        return self._apply_token_pattern(tokens)

