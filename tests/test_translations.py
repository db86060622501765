"""Every interface string is in the Hindi catalog, translated, with its placeholders intact."""
import re
import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]")


def catalog(path):
    with open(path, "rb") as handle:
        return read_po(handle)


def test_hindi_catalog_translates_every_string_in_the_code(tmp_path):
    template = tmp_path / "messages.pot"
    pybabel = Path(sys.executable).parent / "pybabel"
    subprocess.run([str(pybabel), "-q", "extract", "-F", "babel.cfg", "-k", "_l", "-o", str(template), "spark"],
                   cwd=ROOT, check=True)
    in_code = {message.id if isinstance(message.id, str) else message.id[0]
               for message in catalog(template) if message.id}
    hindi = catalog(ROOT / "spark/translations/hi/LC_MESSAGES/messages.po")
    translated = {message.id if isinstance(message.id, str) else message.id[0]
                  for message in hindi if message.id and all(message.string if isinstance(message.string, tuple)
                                                             else [message.string])}
    missing = sorted(in_code - translated)
    assert not missing, "run `flask --app wsgi translate extract` and translate: " + "; ".join(missing)


def test_hindi_translations_keep_their_placeholders():
    for message in catalog(ROOT / "spark/translations/hi/LC_MESSAGES/messages.po"):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(PLACEHOLDER.findall(ids[-1]))
        for string in strings:
            assert set(PLACEHOLDER.findall(string)) == wanted, (message.id, string)
