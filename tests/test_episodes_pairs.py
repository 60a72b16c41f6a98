"""The states an analyst expects from real episodes of pairs other than NATO–Russia, each a log
in tests/episodes/: US–Russia 2016–2018 (expulsions, closures and a cap, answered in kind),
Georgia–Russia 2008–2009 (the August war, the two regions held, relations broken off, talks in
Geneva), US–Cuba 2014–2017 (relations restored after 54 years, then staff cut), EU–Russia 2014
(dialogues and the summit suspended) and Serbia–Kosovo 2018–2020 (a dialogue boycotted, then
resumed)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import orjson
import pytest
from histories import at, awaited, episode, fulfilled, in_force

import tracker
from tracker._cli import main

EPISODES = Path(__file__).parent / "episodes"
US_RUSSIA = EPISODES / "us-russia-2016-2018.jsonl"
GEORGIA = EPISODES / "georgia-russia-2008-2009.jsonl"
CUBA = EPISODES / "us-cuba-2014-2017.jsonl"
EU_RUSSIA = EPISODES / "eu-russia-2014.jsonl"
KOSOVO = EPISODES / "serbia-kosovo-2018-2020.jsonl"
RELATIONS = "diplomatic_relations"
REGIONS = "abkhazia_and_south_ossetia"


us_russia = episode(US_RUSSIA)
georgia = episode(GEORGIA)
cuba = episode(CUBA)
eu_russia = episode(EU_RUSSIA)
kosovo = episode(KOSOVO)


# -- every episode ---------------------------------------------------------------------------


# -- US–Russia 2016–2018 ---------------------------------------------------------------------


def test_expulsions_and_closed_compounds_strain_relations_without_closing_a_channel(
    us_russia: tracker.Replay,
) -> None:
    before = at(us_russia, "2016-12-28")
    assert before.phase is tracker.Phase.NORMAL
    assert not before.in_force()
    state = at(us_russia, "2017-01-02")
    assert state.phase is tracker.Phase.STRAINED
    assert in_force(state) == {
        ("USA", "rus_embassy_washington"),
        ("USA", "rus_compound_maryland"),
        ("USA", "rus_compound_new_york"),
    }
    assert state.level < before.level


def test_the_35_are_expelled_when_declared_the_compounds_closed_on_their_day(
    us_russia: tracker.Replay,
) -> None:
    # The 72 hours to leave do not defer the expulsion; the compounds, closed from noon the
    # next day, are closed from that day.
    assert ("USA", "rus_embassy_washington") not in in_force(at(us_russia, "2016-12-28"))
    declared = in_force(at(us_russia, "2016-12-29"))
    assert ("USA", "rus_embassy_washington") in declared
    assert ("USA", "rus_compound_maryland") not in declared
    assert ("USA", "rus_compound_maryland") in in_force(at(us_russia, "2016-12-30"))


def test_the_first_presidential_meeting_is_the_one_announced_and_lifts_the_level(
    us_russia: tracker.Replay,
) -> None:
    announced = at(us_russia, "2017-06-30")
    assert ("informal_meeting", "trump-putin-meeting-announced-2017-06-29") in awaited(announced)
    state = at(us_russia, "2017-07-08")
    assert (
        "informal_meeting",
        "trump-putin-meeting-announced-2017-06-29",
        "trump-putin-hamburg-2017-07-07",
    ) in fulfilled(state)
    assert state.phase is tracker.Phase.STRAINED  # a meeting lifts no measure
    assert in_force(state) == in_force(announced)
    assert state.level > at(us_russia, "2017-06-28").level
    as_known = us_russia.at(date(2017, 7, 8), known_at=date(2017, 6, 28))
    assert not as_known.meetings


def test_the_cap_of_455_takes_force_on_1_september(us_russia: tracker.Replay) -> None:
    cap = ("RUS", "us_embassy_moscow")
    assert cap not in in_force(at(us_russia, "2017-08-31"))
    state = at(us_russia, "2017-09-03")
    assert cap in in_force(state)
    assert ("USA", "rus_consulate_san_francisco") in in_force(state)
    assert state.level < at(us_russia, "2017-07-27").level
    (measure,) = [m for m in state.in_force() if m.entry == "russia-caps-us-mission-455-2017-07-28"]
    assert measure.effect is tracker.Effect.CAP


def test_consulates_closed_on_both_sides_leave_relations_strained_not_severed(
    us_russia: tracker.Replay,
) -> None:
    state = at(us_russia, "2018-04-06")
    assert state.phase is tracker.Phase.STRAINED
    assert {
        ("USA", "rus_consulate_seattle"),
        ("RUS", "us_consulate_st_petersburg"),
        ("RUS", "us_embassy_moscow"),
    } <= in_force(state)
    assert set(state.missions) == {"rus_embassy_washington", "us_embassy_moscow"}
    assert state.level < at(us_russia, "2018-03-25").level


# -- Georgia–Russia 2008–2009 ----------------------------------------------------------------


def test_the_war_strains_relations_and_leaves_every_channel_open(georgia: tracker.Replay) -> None:
    assert at(georgia, "2008-08-07").phase is tracker.Phase.NORMAL
    state = at(georgia, "2008-08-08")
    assert in_force(state) == {("RUS", "force")}
    assert state.phase is tracker.Phase.STRAINED
    assert state.level < 0


def test_breaking_off_relations_severs_them(georgia: tracker.Replay) -> None:
    before = at(georgia, "2008-08-28")
    # A recognition and a protest are statements, not measures: what stands is Russia's force.
    assert in_force(before) == {("RUS", "force"), ("RUS", REGIONS)}
    state = at(georgia, "2008-08-31")
    assert state.phase is tracker.Phase.SEVERED
    assert ("GEO", RELATIONS) in in_force(state)
    assert state.channels[RELATIONS] is tracker.ChannelStatus.SUSPENDED
    assert state.level < before.level


def test_both_embassies_are_closed_by_3_september(georgia: tracker.Replay) -> None:
    assert ("GEO", "rus_embassy_tbilisi") not in in_force(at(georgia, "2008-09-02"))
    state = at(georgia, "2008-09-04")
    assert state.phase is tracker.Phase.SEVERED
    assert {("GEO", "geo_embassy_moscow"), ("GEO", "rus_embassy_tbilisi")} <= in_force(state)


def test_leaving_the_zones_beside_the_regions_ends_the_invasion_not_the_occupation(
    georgia: tracker.Replay,
) -> None:
    before, state = at(georgia, "2008-10-07"), at(georgia, "2008-10-08")
    assert {("RUS", "force"), ("RUS", REGIONS)} <= in_force(before)
    assert ("RUS", "force") not in in_force(state)
    assert ("RUS", REGIONS) in in_force(at(georgia, "2009-12-31"))
    assert state.phase is tracker.Phase.SEVERED  # relations stay broken off
    assert state.level > before.level


def test_each_geneva_round_is_the_one_the_last_announced(georgia: tracker.Replay) -> None:
    adjourned = at(georgia, "2008-10-16")
    assert ("council_meeting", "geneva-first-session-breaks-down-2008-10-15") in awaited(adjourned)
    assert not adjourned.meetings  # the first session broke down before the two sides met
    state = at(georgia, "2008-12-19")
    assert {
        (
            "council_meeting",
            "geneva-first-session-breaks-down-2008-10-15",
            "geneva-second-round-2008-11-19",
        ),
        ("council_meeting", "geneva-second-round-2008-11-19", "geneva-third-round-2008-12-18"),
    } <= fulfilled(state)
    assert not state.awaited()


def test_talks_in_another_forum_do_not_restore_broken_relations(georgia: tracker.Replay) -> None:
    state = at(georgia, "2008-11-20")
    assert state.meetings  # the second Geneva round was held
    assert state.phase is tracker.Phase.SEVERED
    assert at(georgia, "2009-12-31").phase is tracker.Phase.SEVERED


def test_interests_sections_restore_neither_relations_nor_embassies(
    georgia: tracker.Replay,
) -> None:
    state = at(georgia, "2009-03-06")
    assert {
        ("GEO", RELATIONS),
        ("GEO", "geo_embassy_moscow"),
        ("GEO", "rus_embassy_tbilisi"),
    } <= in_force(state)
    assert state.missions["rus_interests_section_tbilisi"] == "RUS"
    assert state.channels[RELATIONS] is tracker.ChannelStatus.SUSPENDED


# -- US–Cuba 2014–2017 -----------------------------------------------------------------------


def test_relations_broken_since_1961_are_severed(cuba: tracker.Replay) -> None:
    state = at(cuba, "2014-12-16")
    assert state.phase is tracker.Phase.SEVERED
    assert in_force(state) == {
        ("USA", RELATIONS),
        ("USA", "us_embassy_havana"),
        ("USA", "cub_embassy_washington"),
    }


def test_the_decision_of_december_2014_eases_the_break_and_awaits_talks(
    cuba: tracker.Replay,
) -> None:
    state = at(cuba, "2014-12-18")
    assert state.phase is tracker.Phase.REENGAGEMENT_DECIDED  # embassies still closed
    assert state.channels[RELATIONS] is tracker.ChannelStatus.RESUMPTION_DECIDED
    (relations,) = [m for m in state.in_force() if m.target == RELATIONS]
    assert relations.eased(state.at)
    decision = "obama-castro-agree-to-restore-relations-2014-12-17"
    assert ("informal_meeting", decision) in awaited(state)
    assert state.level > at(cuba, "2014-12-16").level


def test_the_first_round_of_talks_resumes_contacts(cuba: tracker.Replay) -> None:
    state = at(cuba, "2015-01-23")
    assert state.phase is tracker.Phase.CONTACTS_RESUMED
    assert (
        "informal_meeting",
        "obama-castro-agree-to-restore-relations-2014-12-17",
        "havana-talks-first-round-2015-01-22",
    ) in fulfilled(state)


def test_embassies_hoped_for_by_the_summit_are_overdue_then_lapse(cuba: tracker.Replay) -> None:
    hope = ("presence_measure", "washington-talks-second-round-2015-02-27")
    overdue = {(item.kind, item.source) for item in at(cuba, "2015-04-12").overdue()}
    assert hope in overdue
    assert hope in {(item.kind, item.source) for item in at(cuba, "2015-07-10").lapsed()}
    assert not any(source == hope[1] for _, source, _ in fulfilled(at(cuba, "2017-12-31")))


def test_relations_restored_on_20_july_2015_are_normalized(cuba: tracker.Replay) -> None:
    eve = at(cuba, "2015-07-19")
    assert eve.phase is tracker.Phase.CONTACTS_RESUMED
    assert ("USA", RELATIONS) in in_force(eve)
    state = at(cuba, "2015-07-21")
    assert state.phase is tracker.Phase.NORMALIZED
    assert not state.in_force()
    assert state.channels[RELATIONS] is tracker.ChannelStatus.ACTIVE
    letters = "letters-restore-relations-from-july-20-2015-07-01"
    assert ("presence_measure", letters) in {(kind, src) for kind, src, _ in fulfilled(state)}
    assert state.level > eve.level


def test_the_staff_cuts_of_2017_strain_relations_that_stay_restored(cuba: tracker.Replay) -> None:
    state = at(cuba, "2017-10-11")
    assert state.phase is tracker.Phase.STRAINED
    assert in_force(state) == {("USA", "us_embassy_havana"), ("USA", "cub_embassy_washington")}
    assert state.channels[RELATIONS] is tracker.ChannelStatus.ACTIVE
    assert state.level < at(cuba, "2017-09-28").level


# -- EU–Russia 2014 --------------------------------------------------------------------------


def test_the_shortened_summit_of_january_is_held_as_announced(eu_russia: tracker.Replay) -> None:
    state = at(eu_russia, "2014-01-29")
    assert state.phase is tracker.Phase.NORMAL
    assert (
        "council_meeting",
        "eu-shortens-summit-with-putin-2014-01-16",
        "eu-russia-summit-brussels-2014-01-28",
    ) in fulfilled(state)


def test_suspended_talks_suspend_the_dialogue(eu_russia: tracker.Replay) -> None:
    state = at(eu_russia, "2014-03-07")
    assert state.phase is tracker.Phase.SUSPENDED
    assert in_force(state) == {("EU", "visa_dialogue"), ("EU", "new_agreement_talks")}
    threat = ("suspension", "eu-suspends-visa-and-new-agreement-talks-2014-03-06")
    assert threat in awaited(state)
    assert state.level < at(eu_russia, "2014-03-05").level


def test_the_cancelled_summit_is_the_further_measure_threatened(eu_russia: tracker.Replay) -> None:
    state = at(eu_russia, "2014-03-21")
    assert state.phase is tracker.Phase.SUSPENDED
    (summit,) = [m for m in state.in_force() if m.target == "eu_russia_summit"]
    assert summit.levels == ("summit",)
    assert state.channels["eu_russia_summit"] is tracker.ChannelStatus.SUSPENDED
    assert (
        "suspension",
        "eu-suspends-visa-and-new-agreement-talks-2014-03-06",
        "eu-cancels-sochi-summit-2014-03-20",
    ) in fulfilled(state)
    assert state.level < at(eu_russia, "2014-03-07").level


def test_halting_new_financing_is_a_sanction_beside_the_suspended_dialogue(
    eu_russia: tracker.Replay,
) -> None:
    state = at(eu_russia, "2014-07-18")
    assert state.phase is tracker.Phase.SUSPENDED  # no meeting since March
    assert ("EU", "new_public_financing") in in_force(state)
    assert state.cooperation["cross_border_cooperation"] is tracker.CooperationStatus.CONTINUING
    assert state.level < at(eu_russia, "2014-07-15").level


# -- Serbia–Kosovo 2018–2020 -----------------------------------------------------------------


def test_a_boycott_of_the_dialogue_is_a_de_facto_suspension(kosovo: tracker.Replay) -> None:
    state = at(kosovo, "2019-06-01")
    assert state.phase is tracker.Phase.SUSPENDED
    (boycott,) = state.in_force()
    assert (boycott.by, boycott.target) == ("SRB", "belgrade_pristina_dialogue")
    assert not boycott.formal


def test_the_resumed_dialogue_meets_as_announced(kosovo: tracker.Replay) -> None:
    announced = "dialogue-to-resume-announced-2020-07-06"
    assert ("council_meeting", announced) in awaited(at(kosovo, "2020-07-07"))
    state = at(kosovo, "2020-07-17")
    assert {
        ("council_meeting", announced, "dialogue-resumes-by-video-2020-07-12"),
        (
            "council_meeting",
            "dialogue-resumes-by-video-2020-07-12",
            "dialogue-meets-in-brussels-2020-07-16",
        ),
    } <= fulfilled(state)
    assert state.channels["belgrade_pristina_dialogue"] is tracker.ChannelStatus.ACTIVE
    assert state.level > at(kosovo, "2019-06-01").level


def test_a_boycott_ends_when_its_party_sits_at_the_table_again(kosovo: tracker.Replay) -> None:
    assert at(kosovo, "2020-07-11").phase is tracker.Phase.SUSPENDED
    state = at(kosovo, "2020-07-13")
    assert not state.in_force()
    assert state.phase is tracker.Phase.NORMALIZED
    (boycott,) = state.measures.values()
    assert [lifting.entry for lifting in boycott.liftings] == [
        "dialogue-resumes-by-video-2020-07-12"
    ]
    assert not state.anomalies  # a de facto measure does not make the meeting an anomaly


# -- through the command ---------------------------------------------------------------------


def test_the_command_replays_another_pair_in_either_order(
    capsys: pytest.CaptureFixture[str],
) -> None:
    states = {}
    for dyad, day in (("USA-CUB", "2014-12-16"), ("CUB-USA", "2015-07-21")):
        assert main(["state", "--log", str(CUBA), "--dyad", dyad, "--at", day, "--json"]) == 0
        states[day] = orjson.loads(capsys.readouterr().out)
    assert states["2014-12-16"]["dyad"] == states["2015-07-21"]["dyad"] == "CUB-USA"
    # Without --dyad, a log of one pair replays that pair.
    assert main(["state", "--log", str(CUBA), "--at", "2015-07-21", "--json"]) == 0
    assert orjson.loads(capsys.readouterr().out) == states["2015-07-21"]
    assert states["2014-12-16"]["phase"] == "severed"
    assert states["2015-07-21"]["phase"] == "normalized"
    assert states["2015-07-21"]["level"]["value"] > states["2014-12-16"]["level"]["value"]
