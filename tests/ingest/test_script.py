"""The language flag: passages in a script sitrep does not read."""

from __future__ import annotations

import pytest

from sitrep.ingest.script import language_flag


@pytest.mark.parametrize("text,script,passage", [
    ("Армия заявила, что 50 солдат были убиты в бою.", "Cyrillic",
     "Армия заявила, что 50 солдат были убиты в бою"),
    ("الجيش قال إن 50 جنديا قتلوا", "Arabic", "الجيش قال إن 50 جنديا قتلوا"),
    ("外交部发言人表示，双方应保持克制。", "Chinese", "外交部发言人表示，双方应保持克制"),
])
def test_a_report_in_another_script(text, script, passage):
    flag = language_flag(text)
    assert flag.kind == "language" and script in flag.message
    assert [span.text for span in flag.evidence] == [passage]
    for span in flag.evidence:
        assert text[span.start:span.end] == span.text


def test_a_quoted_passage_in_an_english_report():
    text = ("The ministry said 12 soldiers were killed. Its statement read: "
            "«Противник потерял двенадцать военнослужащих». Talks resume on Monday.")
    flag = language_flag(text)
    assert "1 passage(s)" in flag.message and "Cyrillic" in flag.message
    assert [s.text for s in flag.evidence] == ["Противник потерял двенадцать военнослужащих"]


@pytest.mark.parametrize("text", [
    "The army in Київ said 5 soldiers were killed.",  # a name, not a passage
    "Les soldats français ont été tués près de Gao, a déclaré l'armée.",  # Latin script
    "Five soldiers were killed.",
])
def test_names_and_latin_scripts_raise_no_flag(text):
    assert language_flag(text) is None
