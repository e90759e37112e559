"""Name folding, phonetic keys and fuzzy matching (no gazetteer, no spaCy model)."""

from __future__ import annotations

import pytest

from sitrep.resolve import names


@pytest.mark.parametrize(
    ("written", "folded"),
    [
        ("Kəlbəcər", "kalbacar"),  # Azerbaijani schwa
        ("Xocalı", "xocali"),  # dotless i
        ("Şuşa", "shusha"),  # s-cedilla is "sh", which anyascii alone would lose
        ("Ходжалы", "khodzhaly"),  # Cyrillic
        ("K'arvacharr", "karvacharr"),  # apostrophes vanish, they do not split words
        ("Deir ez-Zor", "deir ez zor"),
        ("  Nagorno–Karabakh ", "nagorno karabakh"),
        ("马里乌波尔", "ma li wu bo er"),  # Chinese: pinyin syllables
    ],
)
def test_fold_transliterates_and_normalises(written, folded):
    assert names.fold(written) == folded


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("hojali", "Khojaly"),  # kh / h
        ("Khodzhaly", "Khojaly"),  # dzh / j
        ("Ağdam", "Aghdam"),  # g-breve is "gh"
        ("Slavyansk", "Slaviansk"),  # y / i
        ("Kharkiw", "Kharkiv"),  # w / v
    ],
)
def test_transliteration_variants_share_a_key(a, b):
    assert names.keys(a) & names.keys(b)


def test_pinyin_syllables_match_the_name_they_spell():
    assert names.is_pinyin("Ma Li Wu Bo Er")
    assert not names.is_pinyin("Wad Madani")
    assert names.similarity("Ma Li Wu Bo Er", "Mariupol") == 1.0
    # Epenthetic syllables ("ke", "mu", "te") may stand for a bare consonant.
    assert names.similarity("Ba He Mu Te", "Bakhmut") == 1.0
    assert names.similarity("Ha Er Ke Fu", "Kharkiv") == 1.0


def test_dropped_codas_of_chinese_renderings_still_match():
    # 卡瓦恰: the Armenian name Karvachar (Kalbajar) without its r's.
    assert names.similarity("kawacha", "K'arvacharr") == 1.0
    assert names.similarity("kawacha", "Kalbajar") < 0.9


def test_unrelated_names_score_low():
    assert names.similarity("Mariupol", "Kherson") < 0.5
    assert names.similarity("fighting", "Fitina") < 0.8


def test_swapped_letters_cost_one_edit():
    assert names.similarity("Mairupol", "Mariupol") >= 0.85


def test_common_words_and_first_names_are_known():
    assert names.common_word("fighting")
    assert names.common_word("Village")
    assert names.common_word("John")
    assert not names.common_word("hojali")
    assert not names.common_word("Kharkiv")


def test_people_are_repaired_only_against_the_users_list():
    index = names.NameIndex.from_lines([
        "# people in this batch",
        "Shushan Stepanyan|Stepanyan",
        "Mike Pompeo|Pompeo",
        "",
    ])
    assert index.match("stipaniyan").canonical == "Shushan Stepanyan"
    assert index.match("pompeio").canonical == "Mike Pompeo"
    assert index.match("Zelensky") is None
    assert names.NameIndex([]).match("pompeio") is None
