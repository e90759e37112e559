import subprocess
import sys

import sitrep


def test_all_names_exist():
    for name in sitrep.__all__:
        assert hasattr(sitrep, name), name


def test_import_does_not_load_spacy():
    code = "import sys, sitrep; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"


def test_extract_stays_the_function_after_the_pipeline_loads(extractor):
    # a subpackage named like the function would replace it on first import
    first = sitrep.extract("Two soldiers were killed on Monday.", "2024-01-02")
    second = sitrep.extract("Two soldiers were killed on Monday.", "2024-01-02")
    assert callable(sitrep.extract)
    assert first.to_dict()["claims"] == second.to_dict()["claims"]
