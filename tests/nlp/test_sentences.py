"""Sentence splitting: paragraphs at blank lines and at line ends that close a line."""

import spacy

from sitrep.nlp.sentences import split


def _texts(text: str) -> list[str]:
    return [s.text for s in split(text, spacy.blank("en").tokenizer)]


def test_a_title_line_without_a_full_stop_is_its_own_sentence():
    text = ("Russians shell Donetsk region leaving two people killed\n"
            "This is according to the head of the regional administration, the agency "
            "reports on its website.\nA second paragraph follows on a line of its own, as "
            "long as the wire's paragraphs are: two people were killed and three others "
            "were injured in today's shelling of the region, the regional chief wrote.")
    assert _texts(text)[:2] == [
        "Russians shell Donetsk region leaving two people killed",
        "This is according to the head of the regional administration, the agency reports "
        "on its website."]


def test_hard_wrapped_lines_stay_one_sentence():
    text = ("THE ARMY SAID TODAY THAT ITS TROOPS KILLED TWELVE GUERRILLAS IN A\n"
            "CLASH NEAR THE BORDER AND CAPTURED THREE OTHERS WHO WERE TAKEN TO A\n"
            "MILITARY BASE FOR QUESTIONING BY THE AUTHORITIES OF THE PROVINCE.\n")
    assert len(_texts(text)) == 1


def test_a_paragraph_ends_where_the_caller_says():
    text = "Ukraine Loses Over 250 Soldiers - MoD\nMOSCOW (Sputnik) - The forces lost 250."
    cut = text.index("\n")
    assert _texts(text)[0] != "Ukraine Loses Over 250 Soldiers - MoD"
    tokenizer = spacy.blank("en").tokenizer
    assert split(text, tokenizer, ends=[cut])[0].text == "Ukraine Loses Over 250 Soldiers - MoD"
