"""Fuzzing within a CI budget (a few seconds in all): hostile and broken input never escapes as markup and
never ends in a traceback.

* Any text through the HTML escapers, the front matter and the navigation labels comes back as that text.
* The real data files and PO files, mutated at random (characters inserted, deleted, replaced; YAML and PO
  syntax characters favoured), either load or stop with one RegistryError naming the file, never another
  exception.
* The translation checks accept any pair of texts.
"""

from __future__ import annotations

import os
import re
import shutil
from html.parser import HTMLParser

import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gwr.datafiles import RegistryError
from gwr.markup import attr, clean, esc, front_matter, title_html
from gwr.translations import suspicious

# CI runs a fixed, small sample (a few seconds); GWR_FUZZ_EXAMPLES=5000 explores at random for longer.
EXAMPLES = int(os.environ.get("GWR_FUZZ_EXAMPLES", 0))
FAST = settings(max_examples=EXAMPLES or 150, deadline=None, derandomize=not EXAMPLES,
                suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
HOSTILE = st.lists(st.sampled_from(list("<>&\"'`/=;:{}[]()#!-*_\\\n\t\x00\x02\x03 aZ中文。")
                                   + ["&lt;", "<script>", "javascript:", "{{", "}}", "---\n", "\n---\n"]),
                   max_size=30).map("".join)
TEXT = st.one_of(HOSTILE, st.text(max_size=60))


class _Read(HTMLParser):
    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.tags, self.data = [], []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.data.append(data)


@FAST
@given(TEXT)
def test_escaped_text_reads_back_as_the_same_text(text):
    read = _Read(f"<p>{esc(text)}</p>")
    assert read.tags == ["p"]
    assert "".join(read.data) == clean(text)
    assert _Read(f'<a title="{attr(text)}">x</a>').tags == ["a"]


@FAST
@given(TEXT)
def test_front_matter_keeps_any_title_as_escaped_text(text):
    from mkdocs.utils.meta import get_data

    body, meta = get_data(front_matter(text, "gwr_report: x\n") + "# heading\n")
    assert meta == {"title": title_html(text), "gwr_report": "x"}
    assert body.strip() == "# heading"


@FAST
@given(TEXT, TEXT)
def test_translation_checks_accept_any_text(zh, en):
    why = suspicious(zh, en)
    assert why is None or isinstance(why, str)


def _mutations(source: str):
    """A mutated copy of ``source``: a few edits, each at a random place."""
    special = list(":[]{}\"'#-|>&*!%@`\\\n\t ") + ["\n  - ", ": ", "\nmsgstr \"", "\"\n", "\x00", "中"]
    edit = st.tuples(st.integers(0, len(source)), st.integers(0, 6), st.sampled_from(special) | st.text(max_size=3))

    def apply(edits):
        text = source
        for at, drop, insert in edits:
            at = min(at, len(text))
            text = text[:at] + insert + text[at + drop:]
        return text

    return st.lists(edit, min_size=1, max_size=4).map(apply)


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    from gwr.pipeline import load_site

    dest = tmp_path_factory.mktemp("fuzz") / "p"
    for name in ("data", "seeds"):
        shutil.copytree(ROOT / name, dest / name)
    return dest, load_site(dest)


def _loaders(project, site):
    from gwr import catalogue, glossary, idchanges, registry, search, section_links, themes, translations

    ids = set(site.catalogue.by_id)
    return {
        "data/reports.yml": lambda: registry.load_registry(project),
        "data/glossary.yml": lambda: glossary.load_glossary(project),
        "data/indicators.yml": lambda: catalogue.load_catalogue(project),
        "data/themes.yml": lambda: themes.load_themes(project, ids),
        "data/alignments.yml": lambda: section_links.load_alignments(project, site.docs),
        "data/terms.yml": lambda: search.load_terms(project),
        "data/id-changes.yml": lambda: idchanges.load_changes(project, site.docs),
        "data/translations/en/shenzhen-2026-summary.po": lambda: translations.load(project, site.docs[1], "en"),
    }


@pytest.mark.parametrize("rel", ["data/reports.yml", "data/glossary.yml", "data/indicators.yml", "data/themes.yml",
                                 "data/alignments.yml", "data/terms.yml", "data/id-changes.yml",
                                 "data/translations/en/shenzhen-2026-summary.po"])
def test_mutated_data_files_load_or_stop_with_one_message(rel, project):
    root, site = project
    load = _loaders(root, site)[rel]
    original = (ROOT / rel).read_text(encoding="utf-8")
    # the large files are fuzzed on their first entries: every kind of key, a fraction of the time
    cut = re.search(r"\n(?:- |\n)", original[5000:])
    source = original[: 5000 + cut.start() + 1] if cut else original
    path = root / rel

    @settings(max_examples=EXAMPLES or 30, deadline=None, derandomize=not EXAMPLES,
              suppress_health_check=list(HealthCheck))
    @given(_mutations(source))
    def check(text):
        path.write_text(text, encoding="utf-8")
        try:
            load()
        except RegistryError as exc:
            assert str(exc).startswith(rel), str(exc)

    try:
        check()
    finally:
        path.write_text(original, encoding="utf-8")
