"""Every lexicon in newsledger/data loads and is checked; a malformed entry names its file and line."""

from __future__ import annotations

from collections.abc import Iterator
from importlib import resources

import pytest

from newsledger import lexicons
from newsledger.errors import LexiconError, NewsledgerError


def _clear() -> None:
    for name in dir(lexicons):
        fn = getattr(lexicons, name)
        if callable(getattr(fn, "cache_clear", None)):
            fn.cache_clear()


@pytest.fixture()
def fresh() -> Iterator[None]:
    _clear()
    yield
    _clear()


def test_every_lexicon_loads_and_every_data_file_is_read_through_it(
        fresh: None, monkeypatch: pytest.MonkeyPatch) -> None:
    read: set[str] = set()
    original = lexicons.read_text

    def spy(name: str) -> str:
        read.add(name)
        return original(name)

    monkeypatch.setattr(lexicons, "read_text", spy)
    for load in lexicons.ALL:
        assert load(), f"{load.__name__} is empty"
    shipped = {p.name for p in resources.files("newsledger").joinpath("data").iterdir()
               if p.name.endswith((".txt", ".json"))}
    assert shipped - read == set(), "data files no lexicon accessor reads"


def test_word_list_parser_skips_comments_and_blank_lines(fresh: None,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lexicons, "read_text", lambda name: "# head\n\nsay q c  # note\n  tell q\n")
    got = lexicons.entries("cues.txt")
    assert [(e.line, e.fields) for e in got] == [(3, ("say", "q", "c")), (4, ("tell", "q"))]


@pytest.mark.parametrize("name,content,accessor,line", [
    ("cues.txt", "# cues\nsay q c\nwarn q z\n", "cue_flags", 3),
    ("hedges.txt", "reportedly\tbefore\nunverified\tsideways\n", "hedges", 2),
    ("hedges.txt", "a\tbefore\textra\n", "hedges", 1),
    ("first_names.txt", "f anna\nm\n", "first_names", 2),
    ("first_names.txt", "x anna\n", "first_names", 1),
    ("aliases.json", '{\n  "Gaza health ministry": ["MoH",\n  ]\n}\n', "aliases", 3),
    ("aliases.json", '{\n  "IDF": "Israel Defense Forces"\n}\n', "aliases", 2),
    ("claimants.json", '{\n  "UN": [\n    "united (nations"\n  ]\n}\n', "claimant_patterns", 3),
    ("metrics.json", '{\n "rules": [\n  {"metric": "exploded", "any": []}\n ]\n}\n', "metrics", 3),
    ("times.json", '[1, 2]', "times", 1),
])
def test_a_malformed_entry_raises_a_project_error_naming_file_and_line(
        fresh: None, monkeypatch: pytest.MonkeyPatch, name: str, content: str, accessor: str,
        line: int) -> None:
    original = lexicons.read_text
    monkeypatch.setattr(lexicons, "read_text",
                        lambda n: content if n == name else original(n))
    with pytest.raises(LexiconError, match=rf"^data/{name}:{line}: ") as info:
        getattr(lexicons, accessor)()
    assert isinstance(info.value, NewsledgerError)


def test_tables_are_copies_so_callers_cannot_change_what_others_read(fresh: None) -> None:
    a = lexicons.series_vocabulary()
    a["subjects"].clear()
    assert lexicons.series_vocabulary()["subjects"]
