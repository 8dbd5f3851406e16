"""Pronouns and surnames against gender and dates: made-up text, real model.

"she" is no man and "he" no woman when a title, a given name or an earlier pronoun tells; a
surname alone is not a KB person whose offices begin long after the article, nor a woman after
"Mr" (or a man after "Ms"), nor a KB person after a given name none of their names has.
"""

from __future__ import annotations

from typing import Any

import pytest

import geosignal

pytestmark = pytest.mark.model


def _actors(text: str, published: str) -> dict[str, list[str]]:
    d: dict[str, Any] = geosignal.analyze(text, published=published).to_dict()
    return {a["id"]: [m["text"] for m in a["mentions"]] for a in d["actors"]}


def _holder(text: str, published: str, word: str) -> list[str]:
    """The actors one of whose mentions is exactly ``word``."""
    return [aid for aid, ms in _actors(text, published).items() if word in ms]


def test_she_is_not_the_previous_male_subject() -> None:
    text = (
        "Gerhard Schroeder held talks with Angela Merkel in Berlin on Monday. "
        "She told reporters that the meeting had been useful for both parties."
    )
    assert _holder(text, "2004-06-01", "She") == ["angela-merkel"]


def test_he_is_not_a_woman_named_before() -> None:
    text = (
        "Condoleezza Rice welcomed Jack Straw to Washington on Thursday for a working dinner. "
        "He said afterwards that the two governments agreed on the next steps."
    )
    assert _holder(text, "2005-05-01", "He") == ["jack-straw"]


def test_a_title_tells_the_gender_of_an_unknown_person() -> None:
    text = (
        "Mrs Elsworth met the local council leader, Peter Hamblin, in Norwich on Friday. "
        "She said the new bypass would be built by the end of the decade."
    )
    # Mrs Elsworth may stay unread; the man named after her is never "she".
    assert not any("hamblin" in h for h in _holder(text, "2005-05-01", "She"))


def test_a_surname_does_not_name_a_person_whose_offices_come_decades_later() -> None:
    text = "Farm leaders in Queensland said Mr Truss had promised to review the wheat export rules this year."
    assert "liz-truss" not in _actors(text, "2001-10-01")


def test_mr_is_not_a_woman_the_kb_knows() -> None:
    text = "In London, Mr Truss, a retired engineer, told the inquiry that the bridge had been unsafe for years."
    assert "liz-truss" not in _actors(text, "2022-05-01")
    text = "In London, Ms Truss told the inquiry that the foreign office had acted correctly throughout."
    assert "liz-truss" in _actors(text, "2022-05-01")


def test_another_given_name_before_a_kb_surname_is_someone_else() -> None:
    # The KB knows Saad Hariri and Ilham Aliyev; their fathers, named in full, are other people.
    got = _actors("Lebanese Prime Minister Rafik Hariri met Heydar Aliyev in Baku on Monday.", "1999-06-01")
    assert "saad-hariri" not in got and "ilham-aliyev" not in got, got
    assert any("Hariri" in " ".join(ms) for ms in got.values()), got  # kept as an unknown person
    # A title, an honorific or the person's own given name before the surname does not count.
    assert "saad-hariri" in _actors("Prime Minister Saad Hariri met the envoy on Monday.", "2010-06-01")
    assert "ilham-aliyev" in _actors("President Ilham Aliyev met the envoy on Monday.", "2010-06-01")
