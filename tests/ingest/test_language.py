"""Language identification in ingest (ingest/language.py): an ISO 639-1 code, or None when the
readable text is too short or unclear; conservative, so English quoting other scripts stays English."""

from __future__ import annotations

from newsledger.ingest import from_text
from newsledger.ingest.language import (PREFIX_CHARS, detect_language, plainly_english,
                                        readable_text)

ENGLISH = ("Officials said 200 people had been killed in the strikes on Tuesday, according to the "
           "health ministry, and that rescue teams were still searching the rubble for survivors.")
ENGLISH_WITH_ARABIC = (
    "The minister spoke to reporters in Gaza on Tuesday. \"نحن نريد السلام ونريد أن يعود أبناؤنا "
    "إلى بيوتهم\", he said, which translates as a call for peace. Officials said 200 people had "
    "been killed in the strikes, according to the health ministry.")
ENGLISH_WITH_RUSSIAN = (
    "Dmitry Peskov told reporters: «Мы не будем комментировать эти сообщения в СМИ». The Kremlin "
    "has repeatedly denied the reports, and Ukraine said 10,000 civilians had been killed.")
RUSSIAN = ("По данным ООН, с начала войны погибли более 10 000 мирных жителей, что стало крупнейшей "
           "гуманитарной катастрофой в Европе за последние десятилетия.")
ARABIC = ("قالت وزارة الصحة في غزة إن الهجوم الذي وقع في 7 أكتوبر أسفر عن مقتل مئات الأشخاص وإصابة "
          "آلاف آخرين، بحسب ما أعلنت السلطات المحلية.")
FRENCH = ("Le gouvernement français a annoncé mardi l'envoi de nouvelles aides humanitaires à Gaza, "
          "où la situation reste catastrophique selon les Nations unies.")


def test_english_is_en() -> None:
    assert detect_language(ENGLISH) == "en"


def test_short_english_is_too_short_to_tell() -> None:
    assert detect_language("The army now controls the town.") is None
    assert detect_language("Kyiv, 10 May") is None


def test_english_quoting_arabic_or_russian_is_not_another_language() -> None:
    assert detect_language(ENGLISH_WITH_ARABIC) in (None, "en")
    assert detect_language(ENGLISH_WITH_RUSSIAN) in (None, "en")


def test_russian_arabic_french() -> None:
    assert detect_language(RUSSIAN) == "ru"
    assert detect_language(ARABIC) == "ar"
    assert detect_language(FRENCH) == "fr"


def test_empty_and_letterless_text_is_none() -> None:
    assert detect_language("") is None
    assert detect_language("   \n\n 10 000 — 2024-05-10 ") is None


def test_answers_are_deterministic() -> None:
    assert {detect_language(ENGLISH_WITH_RUSSIAN) for _ in range(5)} == \
        {detect_language(ENGLISH_WITH_RUSSIAN)}


def test_only_readable_text_is_read_and_only_a_prefix() -> None:
    text = RUSSIAN + "\n\n" + ENGLISH
    skip = [(0, len(RUSSIAN))]
    assert readable_text(text, skip).strip() == ENGLISH
    assert detect_language(text, skip) == "en"
    assert len(readable_text("a" * (3 * PREFIX_CHARS))) == PREFIX_CHARS


def test_ingest_stores_the_language_on_the_article() -> None:
    assert from_text(RUSSIAN).language == "ru"
    assert from_text(ENGLISH).language == "en"
    assert from_text("Short.").language is None


def test_plain_english_skips_langdetect_and_nothing_else_does() -> None:
    long_english = " ".join([ENGLISH] * 2)
    assert plainly_english(long_english)
    assert detect_language(long_english) == "en"
    # Other languages, other scripts, English quoting another script, and short texts are left
    # to langdetect.
    for text in (FRENCH * 3, RUSSIAN * 3, ARABIC * 3, ENGLISH_WITH_ARABIC * 2, ENGLISH):
        assert not plainly_english(text)
    assert detect_language(FRENCH * 3) == "fr"
    # Latin-script prose in another language with English names in it is not "plain English".
    spanish = ("El presidente Joe Biden dijo que la situación en Gaza es muy grave y que los "
               "Estados Unidos enviarán más ayuda humanitaria a la región en los próximos días. ")
    assert not plainly_english(spanish * 3)
