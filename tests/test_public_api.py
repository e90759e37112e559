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
