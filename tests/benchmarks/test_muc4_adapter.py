"""The sitrep -> MUC-4 adapter: messages in, templates out, scored end to end."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.muc4.__main__ import main
from benchmarks.muc4.adapter import read_texts, render_template, respond
from benchmarks.muc4.errors import template_errors
from benchmarks.muc4.templates import (
    SLOTS,
    Location,
    Message,
    Place,
    Str,
    Sym,
    parse_messages,
)

from sitrep.pipeline import default

from ..conftest import eval_data

BOMBING = """SAN SALVADOR, 12 JAN 90 (EFE) -- [TEXT] THE FMLN DYNAMITED TWO ELECTRIC TOWERS
IN SAN MIGUEL ON 10 JANUARY, POLICE SAID. THE BOMBS DESTROYED THE TOWERS AND LEFT THE
EASTERN PART OF THE COUNTRY WITHOUT POWER.
"""
SPEECH = """SANTIAGO, 3 MAR 89 (EFE) -- [TEXT] THE CHILEAN FOREIGN MINISTER SAID TODAY THAT
CHILE WILL SIGN A TRADE AGREEMENT WITH ARGENTINA NEXT MONTH. HE PRAISED THE TALKS.
"""


def _template(block: str):
    message = next(iter(parse_messages(block).values()))
    return message.templates


def test_reads_the_messages_of_a_muc4_text_file(tmp_path: Path) -> None:
    path = tmp_path / "texts"
    path.write_text(f"TST9-MUC4-0001\n\n{BOMBING}\n\nTST9-MUC4-0002\n\n{SPEECH}", "latin-1")
    messages = read_texts(path)
    assert [m for m, _t in messages] == ["TST9-MUC4-0001", "TST9-MUC4-0002"]
    assert messages[0][1].strip().startswith("SAN SALVADOR, 12 JAN 90")
    assert "TST9-MUC4-0002" not in messages[0][1]


def test_rendered_templates_read_back_slot_by_slot() -> None:
    block = render_template("TST9-MUC4-0001", "1", {
        "inc-type": ["BOMBING"], "phys-tgt-id": ['"TOWERS"', '"BRIDGE"'],
        "phys-tgt-type": ['ENERGY: "TOWERS"', 'TRANSPORTATION ROUTE: "BRIDGE"']})
    assert len(block.splitlines()) == len(SLOTS) + 2
    (template,) = _template(block)
    assert [f.values for f in template.slots["phys-tgt-id"]] == [(Str("TOWERS"),),
                                                                  (Str("BRIDGE"),)]
    assert template.slots["inc-date"] == ()


def test_a_bombing_report_in_capitals_becomes_a_bombing_template() -> None:
    report = default().extract(BOMBING)
    (template,) = _template(respond(report, "TST9-MUC4-0001", default().actors))
    slot = template.slots
    assert slot["inc-type"][0].values == (Sym("BOMBING"),)
    assert slot["inc-date"][0].values == (Sym("10 JAN 90"),)
    assert slot["inc-loc"][0].values == (
        Location("EL SALVADOR", (Place("SAN MIGUEL", "CITY"),)),)
    assert slot["perp-org-id"][0].values == (Str("FMLN"),)
    assert slot["perp-inc-cat"][0].values == (Sym("TERRORIST ACT"),)
    phys = {f.values[0].text: f.tags[0].text for f in slot["phys-tgt-type"]}
    assert phys == {"ENERGY": "ELECTRIC TOWERS"}
    assert {f.values[0].text for f in slot["phys-tgt-num"]} == {"2"}
    assert {f.values[0].text for f in slot["phys-tgt-effect"]} == {"DESTROYED"}


def test_a_report_with_no_violence_is_irrelevant() -> None:
    report = default().extract(SPEECH)
    block = respond(report, "TST9-MUC4-0002", default().actors)
    assert "1.  MESSAGE: TEMPLATE              *" in block
    assert _template(block) == ()


def test_a_deed_that_names_nothing_it_hit_makes_no_template() -> None:
    # the task's rule: an explosion with neither target nor victim is not specific enough
    text = ("SAN SALVADOR, 12 JAN 90 (EFE) -- [TEXT] POLICE REPORTED TWO EXPLOSIONS IN "
            "SAN SALVADOR TODAY.\n")
    report = default().extract(text)
    assert any(e.mode == "bombing" for e in report.events)
    assert _template(respond(report, "TST9-MUC4-0003", default().actors)) == ()


def test_the_army_as_doer_is_the_perpetrator_organisation_of_state_violence() -> None:
    text = ("SAN SALVADOR, 12 JAN 90 (EFE) -- [TEXT] THE ARMY BOMBED A SCHOOL IN SAN MIGUEL "
            "ON 10 JANUARY, KILLING THREE CHILDREN.\n")
    (template,) = _template(respond(default().extract(text), "TST9-MUC4-0004",
                                    default().actors))
    assert template.slots["perp-org-id"][0].values == (Str("ARMY"),)
    assert template.slots["perp-ind-id"] == ()
    assert template.slots["perp-inc-cat"][0].values == (Sym("STATE-SPONSORED VIOLENCE"),)


def test_a_group_the_doers_words_cut_short_is_named_as_the_report_names_it() -> None:
    text = ("SAN SALVADOR, 3 JAN 90 -- [TEXT] THE ARCE BATTALION COMMAND HAS REPORTED THAT "
            "ABOUT 50 PEASANTS OF VARIOUS AGES HAVE BEEN KIDNAPPED BY TERRORISTS OF THE "
            "FARABUNDO MARTI NATIONAL LIBERATION FRONT [FMLN] IN SAN MIGUEL DEPARTMENT.\n")
    report = default().extract(text)
    (kidnapping,) = [e for e in report.events if e.type == "COERCE"]
    assert [a.actor for a in kidnapping.actors] == ["FMLN"]
    (template,) = _template(respond(report, "TST9-MUC4-0005", default().actors))
    assert template.slots["perp-org-id"][0].values == (
        Str("FARABUNDO MARTI NATIONAL LIBERATION FRONT"),)


def test_texts_mode_runs_sitrep_and_scores_it(tmp_path: Path, capsys) -> None:
    tst4 = eval_data("muc4", "corpora", "tst4")
    messages = (tst4 / "tst4-muc4").read_text(encoding="latin-1").split("\nTST4-MUC4-0006")[0]
    texts = tmp_path / "texts"
    texts.write_text(messages, encoding="latin-1")
    out = tmp_path / "response"
    assert main(["--texts", str(texts), "--key", str(tst4 / "key-tst4.v2"),
                 "--out", str(out), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert set(result["all_templates"]) >= {"recall", "precision", "overgeneration", "f"}
    assert set(result["template_errors"]) == {
        "no template for the message", "read as another type",
        "merged with another of its type", "spurious, message irrelevant",
        "spurious, message relevant"}
    responses = parse_messages(out.read_text())
    assert sorted(responses) == [f"TST4-MUC4-000{i}" for i in range(1, 6)]
    # message 1 is a bombing of a church in Talcahuano, Chile
    (first,) = responses["TST4-MUC4-0001"].templates
    assert first.slots["inc-type"][0].values == (Sym("BOMBING"),)
    assert first.slots["inc-loc"][0].values[0].country == "CHILE"
    assert result["slots"]["inc-type"]["recall"] > 0


def _message(message_id: str, *types: str, optional: bool = False) -> Message:
    blocks = [render_template(message_id, f"{i}{' (OPTIONAL)' if optional else ''}",
                              {"inc-type": [kind]}) for i, kind in enumerate(types, 1)]
    return parse_messages("\n".join(blocks)).get(message_id) or Message(message_id, ())


def test_template_errors_name_why_whole_templates_were_lost() -> None:
    keys = {"M1": _message("M1", "BOMBING", "BOMBING"), "M2": _message("M2", "ATTACK"),
            "M3": _message("M3", "KIDNAPPING"), "M4": Message("M4", ()),
            "M5": _message("M5", "ARSON", optional=True)}
    responses = {"M1": _message("M1", "BOMBING"), "M2": _message("M2", "BOMBING"),
                 "M4": _message("M4", "ATTACK")}
    assert template_errors(keys, responses) == {
        "no template for the message": 1,  # M3 (M5's template is optional)
        "read as another type": 1,  # M2
        "merged with another of its type": 1,  # M1
        "spurious, message irrelevant": 1,  # M4
        "spurious, message relevant": 1,  # M2's BOMBING
    }
