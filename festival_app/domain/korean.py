"""Korean particles after words known only when a message is made.

A Korean particle depends on the sound the word before it ends with: 공연단이, 무대가;
서울광장과, 메인무대와; 청계천로를 ... A translation cannot know the name it will hold, so
it writes both forms, 이(가) or 과(와), and `attach_particles` picks one once the
message is filled in, from the last syllable before the marker:

- a Hangul syllable with a final consonant (jongseong) takes 이, 은, 을, 과, 으로;
  one without takes 가, 는, 를, 와, 로; after a final ㄹ it is 로, not 으로;
- a digit is read as Korean reads it (1 일, 2 이, 3 삼, ... 0 영: 10 십, 100 백, ... end in a
  consonant too); a clock time 14:30 is read 14시 30분, 14:00 as 14시;
- an acronym in capitals by the name of its last letter (NGO: 오; UNHCR: 알);
- a Latin word by its ending as Korean writes loanwords (Plaza 플라자, Seoul 서울,
  Stadium 스타디움); an ending whose reading varies (Park 파크, Rock 록) keeps the
  paired form, which is never wrong, only less smooth.

Quotes and a closing parenthesis are looked through: '축하 공연'이, 서울광장(메인무대)이
(the particle follows the word before a parenthesis, as Korean writes it).
"""

from __future__ import annotations

import re

_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3
_RIEUL = 8  # the index of ㄹ among the final consonants

# Particle pairs: (after a final consonant, after a vowel).
PAIRS = {
    "이": ("이", "가"),
    "가": ("이", "가"),
    "은": ("은", "는"),
    "는": ("은", "는"),
    "을": ("을", "를"),
    "를": ("을", "를"),
    "과": ("과", "와"),
    "와": ("과", "와"),
}

# The markers translations write: 이(가), 가(이), 은(는), ..., (으)로, (이)나, (이)라는, ...
MARKER = re.compile(
    r"(?P<pair>이\(가\)|가\(이\)|은\(는\)|는\(은\)|을\(를\)|를\(을\)|과\(와\)|와\(과\))"
    r"|(?P<euro>\(으\)로)"
    r"|(?P<i>\(이\))(?=[가-힣])"
)

# Digits as Korean reads them; the value is the final consonant's index (0: none).
# 0 is 영 (ㅇ), and so are 십, 백, 천, 만 (ㅂ, ㄱ, ㄴ, ㄴ): a number ending in 0 ends in a
# consonant other than ㄹ whichever way it is read.
_DIGIT_FINALS = {
    "0": 21,  # 영: ㅇ
    "1": _RIEUL,  # 일
    "2": 0,  # 이
    "3": 16,  # 삼: ㅁ
    "4": 0,  # 사
    "5": 0,  # 오
    "6": 1,  # 육: ㄱ
    "7": _RIEUL,  # 칠
    "8": _RIEUL,  # 팔
    "9": 0,  # 구
}
# Capital letters read by their names: 엘, 엠, 엔, 알 end in consonants; the rest do not.
_LETTER_FINALS = {"L": _RIEUL, "M": 16, "N": 4, "R": _RIEUL}
# A Latin word's ending as Korean writes loanwords: -m 음, -n 은, -ng 응, -l 을/ㄹ end in a
# consonant; a vowel, -y, -r (센터), -s, -x, -z, -f, -v, -h, -w and -d (밴드, 푸드) do not.
_LATIN_CONSONANT_ENDINGS = (("ng", 21), ("m", 16), ("n", 4), ("l", _RIEUL))
_LATIN_VOWEL_ENDINGS = frozenset("aiouyrsxzfvhwd")
_CLOSING = "'\"’”」』》〉›»]"
_CLOCK = re.compile(r"(?<!\d)(\d{1,2}):(\d{2})$")
_LATIN_WORD = re.compile(r"[A-Za-z]+$")


def syllable_final(char: str) -> int | None:
    """The final consonant (jongseong) index of a Hangul syllable: 0 for none, None when
    `char` is not a Hangul syllable."""
    code = ord(char) if len(char) == 1 else -1
    if _HANGUL_FIRST <= code <= _HANGUL_LAST:
        return (code - _HANGUL_FIRST) % 28
    return None


def _strip_closing(text: str) -> str:
    """`text` without closing quotes and a final parenthetical, which a particle skips."""
    while True:
        text = text.rstrip()
        if text.endswith(")"):
            depth, cut = 0, -1
            for index in range(len(text) - 1, -1, -1):
                depth += {")": 1, "(": -1}.get(text[index], 0)
                if depth == 0:
                    cut = index
                    break
            if cut <= 0:
                return text
            text = text[:cut]
        elif text and text[-1] in _CLOSING:
            text = text[:-1]
        else:
            return text


def final_sound(text: str) -> int | None:
    """How the last word of `text` ends when read in Korean: the index of its final
    consonant (0: a vowel), or None when its reading is not known."""
    text = _strip_closing(text)
    if not text:
        return None
    last = text[-1]
    hangul = syllable_final(last)
    if hangul is not None:
        return hangul
    clock = _CLOCK.search(text)
    if clock is not None:
        return 0 if clock.group(2) == "00" else 4  # 14시 / 14시 30분
    if last in _DIGIT_FINALS:
        return _DIGIT_FINALS[last]
    word = _LATIN_WORD.search(text)
    if word is None:
        return None
    letters = word.group()
    if len(letters) > 1 and letters.isupper():
        return _LETTER_FINALS.get(letters[-1], 0)
    lower = letters.lower()
    for ending, final in _LATIN_CONSONANT_ENDINGS:
        if lower.endswith(ending):
            return final
    if lower[-1] in _LATIN_VOWEL_ENDINGS:
        return 0
    return None


def particle(word: str, form: str) -> str:
    """The particle `form` (any of its two spellings, or 으로/로) that fits after `word`;
    the paired spelling ("이(가)") when the word's reading is not known."""
    final = final_sound(word)
    if form in ("으로", "로"):
        if final is None:
            return "(으)로"
        return "으로" if final not in (0, _RIEUL) else "로"
    consonant, vowel = PAIRS[form]
    if final is None:
        return f"{consonant}({vowel})"
    return consonant if final else vowel


def attach_particles(text: str) -> str:
    """`text` with each paired particle (이(가), 과(와), (으)로, ...) resolved for the word
    before it; markers after a word whose reading is unknown stay as they are."""
    if "(" not in text:
        return text
    out: list[str] = []
    position = 0
    for match in MARKER.finditer(text):
        out.append(text[position : match.start()])
        before = "".join(out)
        final = final_sound(before) if before and not before[-1].isspace() else None
        marker = match.group()
        if final is None:
            out.append(marker)
        elif match.group("pair"):
            consonant, vowel = PAIRS[marker[0]]
            out.append(consonant if final else vowel)
        elif match.group("euro"):
            out.append("으로" if final not in (0, _RIEUL) else "로")
        else:  # (이)나, (이)라는: 이 after a consonant, nothing after a vowel
            out.append("이" if final else "")
        position = match.end()
    out.append(text[position:])
    return "".join(out)


__all__ = ["MARKER", "attach_particles", "final_sound", "particle", "syllable_final"]
