import json

from benchmarks.truecase import main, score


def test_scores_words_against_the_mixed_case_copy():
    result = score("THE FMLN ATTACKED SAN SALVADOR.", "The FMLN attacked San Salvador.")
    assert result["words"] == 5
    assert result["word_accuracy"] == 1.0
    assert result["lowercase_baseline"] == 0.2  # only "attacked" is lower case


def test_cli_prints_json(tmp_path, capsys):
    upper, mixed = tmp_path / "u", tmp_path / "m"
    upper.write_text("POLICE SAID A BOMB EXPLODED IN LIMA.")
    mixed.write_text("Police said a bomb exploded in Lima.")
    assert main(["--upper", str(upper), "--mixed", str(mixed), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["word_accuracy"] == 1.0
