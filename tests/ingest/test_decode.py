"""Text files with a few bad bytes: replaced with U+FFFD, counted and located; --strict refuses."""

from __future__ import annotations

import pytest

from newsledger.errors import InputError
from newsledger.ingest.decode import decode_text


def test_good_utf8_is_unchanged() -> None:
    d = decode_text("naïve “quote”".encode(), "a.txt")
    assert d.text == "naïve “quote”" and d.replaced == 0 and d.warning("a.txt") is None


def test_bad_bytes_are_replaced_one_for_one_and_located() -> None:
    data = "café ".encode("latin-1") + "naïve ".encode() + b"\xe2\x80"
    d = decode_text(data, "a.txt")
    assert d.text == "caf\ufffd naïve \ufffd\ufffd"
    assert d.bad_offsets == [3, 12, 13]
    w = d.warning("a.txt")
    assert w is not None and "3 byte(s)" in w and "at byte 3, 12, 13" in w and "--strict" in w


def test_offsets_count_a_bom() -> None:
    d = decode_text(b"\xef\xbb\xbfab\xffc", "a.txt")
    assert d.text == "ab\ufffdc" and d.bad_offsets == [5]


def test_many_bad_bytes_show_the_first_offsets() -> None:
    d = decode_text(b"\xff" * 40, "a.txt")
    w = d.warning("a.txt") or ""
    assert d.replaced == 40 and "at byte 0, 1, 2, 3, 4, …" in w


def test_strict_refuses_without_recommending_latin1() -> None:
    with pytest.raises(InputError) as exc:
        decode_text(b"ok \xff", "a.txt", strict=True)
    msg = str(exc.value)
    assert "byte 3" in msg and "latin1" not in msg and "iconv" not in msg
