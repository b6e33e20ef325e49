"""Korean particles chosen from the word before them, in place of the paired forms."""

from __future__ import annotations

import pytest

from festival_app.domain.korean import attach_particles, final_sound, particle, syllable_final


def test_final_consonants_of_hangul_syllables() -> None:
    assert syllable_final("가") == 0
    assert syllable_final("단") == 4  # ㄴ
    assert syllable_final("울") == 8  # ㄹ
    assert syllable_final("장") == 21  # ㅇ
    assert syllable_final("a") is None
    assert syllable_final("ㄱ") is None  # a lone letter is no syllable


@pytest.mark.parametrize(
    ("word", "form", "chosen"),
    [
        ("공연단", "이", "이"),
        ("무대", "이", "가"),
        ("공연단", "가", "이"),  # either spelling names the pair
        ("서울광장", "과", "과"),
        ("메인무대", "과", "와"),
        ("청계천로", "을", "를"),
        ("서울광장", "을", "을"),
        ("축제", "은", "는"),
        ("축제일", "은", "은"),
        ("서울광장", "으로", "으로"),
        ("무교로", "으로", "로"),
        ("서울", "으로", "로"),  # a final ㄹ takes 로, not 으로
        ("2018년 9월 2일 (일)", "으로", "로"),  # the parenthesis is looked through
    ],
)
def test_particle_after_hangul(word: str, form: str, chosen: str) -> None:
    assert particle(word, form) == chosen


@pytest.mark.parametrize(
    ("word", "final"),
    [
        ("3", 16),  # 삼
        ("2", 0),  # 이
        ("11", 8),  # 일
        ("150", 21),  # 오십 / 영: a consonant either way
        ("14:30", 4),  # 14시 30분
        ("14:00", 0),  # 14시
        ("'축하 공연'", 4),  # the quotes are looked through
        ("서울광장(메인무대)", 21),  # the particle follows the word before the parenthesis
        ("NGO", 0),  # 엔지오
        ("UNHCR", 8),  # 유엔에이치시알
        ("Seoul Plaza", 0),  # 플라자
        ("Seoul", 8),  # 서울
        ("Stadium", 16),  # 스타디움
        ("Music Cafe", None),  # 카페: an -e whose reading varies
        ("Rock", None),  # 록 or 로크
        ("…", None),
        ("", None),
    ],
)
def test_reading_of_words_that_are_not_hangul(word: str, final: int | None) -> None:
    assert final_sound(word) == final


@pytest.mark.parametrize(
    ("rendered", "resolved"),
    [
        # The clash messages as the Korean translation writes them, names filled in.
        (
            "'개막식' 13:00-13:30과(와) '축하 공연' 13:10-13:40이(가) 모두 "
            "서울광장 메인무대에 배정되어 있습니다",
            "'개막식' 13:00-13:30과 '축하 공연' 13:10-13:40이 모두 서울광장 메인무대에 배정되어 있습니다",
        ),
        (
            "베이징 가무단이(가) 서울광장 메인무대 14:00-14:20과(와) 뮤직카페 14:10-14:30에 "
            "동시에 배정되어 있습니다",
            "베이징 가무단이 서울광장 메인무대 14:00-14:20과 뮤직카페 14:10-14:30에 "
            "동시에 배정되어 있습니다",
        ),
        ("하노이 전통음악단은(는) 도착합니다", "하노이 전통음악단은 도착합니다"),
        ("모스크바 민속무용단은(는)", "모스크바 민속무용단은"),
        ("자카르타 사만 무용단이(가)", "자카르타 사만 무용단이"),
        ("도쿄 와다이코 앙상블이(가)", "도쿄 와다이코 앙상블이"),
        ("'축하 공연'이(가) 서울광장을(를) 사용합니다", "'축하 공연'이 서울광장을 사용합니다"),
        ("'피날레'이(가) 무교로을(를) 사용합니다", "'피날레'가 무교로를 사용합니다"),
        ("2018년 9월 2일 (일)(으)로 복제", "2018년 9월 2일 (일)로 복제"),
        ("사본을 /tmp/축제 사본(으)로 저장했습니다", "사본을 /tmp/축제 사본으로 저장했습니다"),
        ("축제 (이)라는 이름", "축제 (이)라는 이름"),  # after a space: no word to follow
        ("서울광장(이)라는 이름", "서울광장이라는 이름"),
        ("메인무대(이)라는 이름", "메인무대라는 이름"),
        # Unknown readings keep the paired form; English text is never touched.
        ("/tmp/festival.zip이(가) 이미 있습니다", "/tmp/festival.zip이(가) 이미 있습니다"),
        ("/tmp/festival.xlsx이(가) 이미 있습니다", "/tmp/festival.xlsx가 이미 있습니다"),  # 엑스
        ("Seoul Plaza (Main Stage) is busy", "Seoul Plaza (Main Stage) is busy"),
        ("", ""),
    ],
)
def test_paired_particles_are_resolved_in_messages(rendered: str, resolved: str) -> None:
    assert attach_particles(rendered) == resolved
    assert attach_particles(resolved) == resolved  # a second pass changes nothing
