"""The news, not what came before it: a measure told as what preceded the day's act, whose
reversal is refused, or named through those it sent away; a decision not to act; a recall
told with the rebuke that is its wording."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tracker.ingest import DraftKind, draft_article

PUBLISHED = date(2024, 3, 14)


def draft(body: str) -> tuple[DraftKind, str]:
    """The kind and type drafted from a page of a headline and one paragraph."""
    result = draft_article("news.txt", body + "\n", published=PUBLISHED)
    return result.kind, result.entry.TYPE if result.entry is not None else ""


@pytest.mark.parametrize(
    "body",
    [
        "Expelled envoys return home\n\nThe expelled Russian diplomats landed in Moscow on "
        "Wednesday, two days after Estonia ordered them out.",
        "Tallinn stands firm\n\nEstonia will not reverse its decision to expel two Russian "
        "diplomats, its foreign minister said on Wednesday.",
        "No U-turn on envoys\n\nEstonia has refused to rescind the expulsion of two Russian "
        "diplomats, Russia's foreign ministry said on Wednesday.",
        "Russia protests\n\nRussia summoned the Estonian ambassador on Wednesday, days after "
        "Estonia expelled two Russian diplomats.",
        "Relations strained\n\nEstonia said on Wednesday it would not break relations with Russia.",
        "Relations strained\n\nEstonia on Wednesday ruled out expelling Russian diplomats.",
        "Relations strained\n\nEstonia said on Wednesday it had no plans to expel Russian "
        "diplomats.",
        "Relations strained\n\nEstonia on Wednesday refrained from expelling Russian diplomats.",
        "Relations strained\n\nEstonia on Wednesday rejected calls to sever relations with Russia.",
    ],
)
def test_background_measure_is_no_news(body: str) -> None:
    """The earlier measure, or one not taken, is never drafted as the day's measure."""
    kind, type_ = draft(body)
    assert type_ not in {"expulsion", "suspension"}
    assert kind is DraftKind.UNCLASSIFIED or type_ == "condemnation"


def test_act_after_a_measure_is_the_news() -> None:
    """The main verb's measure is the news; the one it follows is background."""
    _, type_ = draft(
        "Russia hits back\n\nRussia on Wednesday recalled its ambassador from Tallinn, days "
        "after Estonia expelled two Russian diplomats."
    )
    assert type_ == "presence_measure"


@pytest.mark.parametrize(
    "recall",
    [
        "Spain on Tuesday said it was pulling its ambassador from Argentina",
        "Spain on Tuesday summoned its ambassador to Argentina home for consultations",
        "Spain on Tuesday recalled its ambassador from Argentina",
    ],
)
def test_recall_with_rebuke_is_a_recall(recall: str) -> None:
    """The recall is the act; the rebuke beside it is its wording."""
    kind, type_ = draft(
        f"Spain rebukes Argentina\n\n{recall} and condemned the insults of Argentina's president."
    )
    assert (kind, type_) == (DraftKind.NEW, "presence_measure")


def test_summoning_the_other_sides_envoy_is_a_rebuke() -> None:
    """Summoning the other side's ambassador stays a condemnation."""
    assert draft(
        "Spain protests\n\nSpain on Tuesday summoned Argentina's ambassador over the remarks."
    ) == (DraftKind.NEW, "condemnation")


@given(
    st.sampled_from(["after", "days after", "hours after", "following", "in the wake of"]),
    st.sampled_from(["the expulsion of", "Estonia expelled", "Estonia's expulsion of"]),
)
def test_measure_before_never_decides_the_type(link: str, measure: str) -> None:
    """However the sentence links the earlier measure, the reaction is what is drafted."""
    _, type_ = draft(
        f"Russia responds\n\nRussia on Wednesday condemned Estonia {link} {measure} two "
        "Russian diplomats."
    )
    assert type_ == "condemnation"


@pytest.mark.parametrize(
    "third",
    [
        "Iraq recalled its ambassador from Iran for consultations.",
        "Jordan expelled two Iranian diplomats and closed its embassy in Tehran.",
    ],
)
def test_third_state_paragraph_gives_no_event(third: str) -> None:
    """Another country that did the same, told further down, is no measure of the pair."""
    result = draft_article(
        "news.txt",
        "Pakistan and Iran trade blame\n\nPakistan condemned Iran on Wednesday for violating its "
        f"airspace.\n\nTensions have spread across the region.\n\n{third}\n",
        published=PUBLISHED,
    )
    assert result.entry is not None
    assert (result.entry.TYPE, str(result.entry.parties)) == ("condemnation", "IRN-PAK")


def test_member_of_a_body_the_lead_names_is_no_third_state() -> None:
    """A member state of a body the lead names acts for the news, not beside it: its measure is
    still drafted (and, told only below a lead that tells a condemnation, held in doubt)."""
    result = draft_article(
        "news.txt",
        "EU and Russia at odds\n\nThe European Union condemned Russia on Wednesday.\n\n"
        "Relations have soured for months.\n\nGermany expelled two Russian diplomats on "
        "Wednesday.\n",
        published=PUBLISHED,
    )
    assert result.entry is None
    assert any(reason.startswith("in doubt: the expulsion of") for reason in result.reasons), (
        result.reasons
    )


def test_measure_told_again_after_it_is_background() -> None:
    """A recall told as what came before stays background where it is told again undated."""
    kind, type_ = draft(
        "Strikes on Iran\n\nPakistani airstrikes on Iran killed seven people, officials said."
        "\n\nThe strikes followed the recall of Pakistan's ambassador to Tehran.\n\nOther "
        "tensions persist.\n\nPakistan's foreign ministry announced that Islamabad was "
        "recalling its ambassador to Iran."
    )
    # The recall is no news: the strikes are, armed force Pakistan used.
    assert (kind, type_) == (DraftKind.NEW, "use_of_force")


@pytest.mark.parametrize(
    "body",
    [
        "Lavrov meets Bilawal at SCO meet in India\n\nRussian Foreign Minister Sergei Lavrov "
        "held talks with his Pakistani counterpart on Thursday on the sidelines of the Shanghai "
        "Cooperation Organisation meeting in Goa, India.",
        "Ministers hold talks in Goa\n\nAt the bloc's meeting chaired by India, Russia's foreign "
        "minister met Pakistan's foreign minister on Thursday.",
        "Ministers hold talks in Goa\n\nUnder India's chairmanship of the bloc, Russia's foreign "
        "minister met Pakistan's foreign minister on Thursday.",
    ],
)
def test_forum_host_is_no_side(body: str) -> None:
    """The forum's host, chair and venue are the occasion of a meeting beside it."""
    result = draft_article("news.txt", body + "\n", published=date(2023, 5, 5))
    assert result.entry is not None
    assert str(result.entry.parties) == "PAK-RUS"


def test_host_of_a_bilateral_summit_stays_a_side() -> None:
    """A country that hosts a summit of its own with the other side is one of the pair."""
    result = draft_article(
        "news.txt",
        "Putin meets Modi at annual summit in India\n\nRussian President Vladimir Putin met "
        "Indian Prime Minister Narendra Modi in New Delhi on Thursday.\n",
        published=date(2023, 5, 5),
    )
    assert result.entry is not None
    assert str(result.entry.parties) == "IND-RUS"


@pytest.mark.parametrize(
    "lead",
    [
        "Following the attack, Pakistan recalled its ambassador from Iran on Wednesday.",
        "After the strikes on Tuesday night Pakistan recalled its ambassador from Iran on "
        "Wednesday.",
    ],
)
def test_measure_after_an_occasion_is_the_news(lead: str) -> None:
    """What a measure follows is its occasion: the measure itself stays the news."""
    result = draft_article("news.txt", f"Pakistan recalls envoy\n\n{lead}\n", published=PUBLISHED)
    assert result.entry is not None
    assert (result.entry.TYPE, result.entry.actor) == ("presence_measure", "PAK")
