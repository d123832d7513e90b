"""A person named by role ("the Russian president", "the Borani leader", "the defence minister")
stands for the person the article titled so, or for nobody (synthetic sentences)."""

from __future__ import annotations

from newsledger import extract


def speakers(text: str) -> list[tuple[str, str | None]]:
    rec = extract(text, published="2024-05-10")
    rec.verify()
    return [(q.content.text, q.speaker.name) for q in rec.quotes]


def test_a_qualified_role_takes_the_person_titled_so() -> None:
    text = ("Borani President Arvid Kessler told reporters he was grateful for the talks. The "
            "Borani president said the border must stay open. Later the Borani leader said his "
            "words had been twisted.")
    got = dict(speakers(text))
    assert got["the border must stay open"] == "Arvid Kessler"
    assert got["his words had been twisted"] == "Arvid Kessler"


def test_a_role_whose_owner_disagrees_names_nobody() -> None:
    text = ("Borani President Arvid Kessler told reporters he was grateful for the talks. The "
            "Valdorian president said the border must stay open.")
    assert dict(speakers(text))["the border must stay open"] is None


def test_a_name_with_a_role_in_apposition_is_a_person_for_later_pronouns() -> None:
    text = ("Oleksa Marchenko, Borania’s Minister of Defence, said on Monday that there was no "
            "threat.\n\n“Don’t worry, sleep well,” he said.")
    got = dict(speakers(text))
    assert got["Don’t worry, sleep well,"] == "Oleksa Marchenko"
