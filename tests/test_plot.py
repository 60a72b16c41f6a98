"""``tracker plot``: the timeline drawn for a report, read back from the file and the figure."""

from __future__ import annotations

import shutil
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import matplotlib.colors
import pytest
from commands import run
from matplotlib import dates, image
from matplotlib.backends.backend_agg import FigureCanvasAgg

import tracker
from tests.coded.rows import CODED, with_coded_events
from tracker._chronology import chronology
from tracker._palette import PHASE_COLOURS
from tracker._plot import draw

SVG = "{http://www.w3.org/2000/svg}"
AUTUMN = ("--from", "2008-08-01", "--to", "2009-02-15")


@pytest.fixture(scope="module")
def bundled() -> tracker.Replay:
    return tracker.Replay(
        tracker.read_log(tracker.bundled_log()).entries, dyad=tracker.DEFAULT_DYAD
    )


def texts(path: Path) -> list[str]:
    return ["".join(node.itertext()).strip() for node in ET.parse(path).iter(f"{SVG}text")]


def test_the_svg_has_the_dates_the_phases_and_the_entries(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    output = tmp_path / "timeline.svg"
    status, out, err = run(capsys, "plot", *AUTUMN, "--output", str(output))
    assert (status, err) == (0, "")
    assert out == f"{output}: NATO-RUS, 2008-08-01 to 2009-02-15, 6 entries\n"
    written = texts(output)
    assert "NATO-RUS: 2008-08-01 to 2009-02-15" in written
    for month in ("Aug", "Sep", "Oct", "Nov", "Dec", "2009", "Feb"):
        assert month in written
    for phase in ("normal", "suspended", "reengagement_decided", "contacts_resumed"):
        assert phase in written
    # Each entry labelled with its type, but for the lunch of the day after the announcement.
    assert [text for text in written if text.isupper()] == ["SUSP", "DECN", "ANN", "CNCL"]
    ids = {node.get("id") for node in ET.parse(output).iter()}
    for band in ("suspended-2008-08-19", "reengagement_decided-2008-12-02", "normal-2008-08-01"):
        assert f"phase-{band}" in ids
    again = tmp_path / "again.svg"
    assert run(capsys, "plot", *AUTUMN, "--output", str(again))[0] == 0
    assert again.read_bytes() == output.read_bytes()


def test_the_figure_lays_bands_line_and_marks_on_a_date_axis(bundled: tracker.Replay) -> None:
    chart = chronology(bundled, date(2008, 8, 1), date(2009, 2, 15))
    figure = draw(chart, "title")
    FigureCanvasAgg(figure).draw()
    (axes,) = figure.axes
    start, end = dates.date2num(chart.start), dates.date2num(chart.end)
    assert axes.get_xlim() == (start - 0.5, end + 0.5)
    strips = {patch.get_gid(): patch for patch in axes.patches if patch.get_gid()}
    assert len(strips) == len(chart.bands)
    for band in chart.bands:
        strip = strips[f"phase-{band.phase.value}-{band.start.isoformat()}"]
        assert matplotlib.colors.to_hex(strip.get_facecolor()) == PHASE_COLOURS[band.phase]
        left, right = strip.get_x(), strip.get_x() + strip.get_width()
        assert (left, right) == (dates.date2num(band.start), dates.date2num(band.end))
    lines = {line.get_gid(): line for line in axes.get_lines()}
    assert list(lines["entries"].get_xdata()) == [dates.date2num(mark.day) for mark in chart.marks]
    level = lines["level"]
    assert list(level.get_xdata()) == [dates.date2num(point.day) for point in chart.points]
    assert list(level.get_ydata()) == [point.level for point in chart.points]
    labels = [label.get_text() for label in axes.get_xticklabels()]
    assert "Dec" in labels
    assert "2009" in labels


def test_the_png_shows_each_phase_band_in_its_colour_in_order(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, bundled: tracker.Replay
) -> None:
    output = tmp_path / "timeline.png"
    assert run(capsys, "plot", *AUTUMN, "--output", str(output))[0] == 0
    assert output.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    pixels = image.imread(output)
    expected = [
        PHASE_COLOURS[band.phase]
        for band in chronology(bundled, date(2008, 8, 1), date(2009, 2, 15)).bands
    ]

    def runs(row: int) -> list[str]:
        colours = [matplotlib.colors.to_hex(pixel[:3]) for pixel in pixels[row]]
        return [c for i, c in enumerate(colours) if c in expected and colours[i - 1] != c]

    assert any(runs(row) == expected for row in range(pixels.shape[0] - 1, 0, -1))


def test_the_span_and_the_format_are_checked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, _, err = run(capsys, "plot", "--output", str(tmp_path / "timeline.gif"))
    assert status == 2
    assert "writes .svg, .png, .pdf files, not '.gif'" in err
    status, _, err = run(
        capsys, "plot", "--from", "2009-01-01", "--to", "2008-12-01", "--output", "t.svg"
    )
    assert status == 2
    assert "the span ends on 2008-12-01, before it starts on 2009-01-01" in err
    assert not (tmp_path / "timeline.gif").exists()


def test_without_the_plot_extra_the_command_says_what_to_install(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in [name for name in sys.modules if name.split(".")[0] == "matplotlib"]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    status, out, err = run(capsys, "plot", "--output", str(tmp_path / "timeline.svg"))
    assert (status, out) == (2, "")
    assert "matplotlib, not installed: pip install 'tracker[plot]'" in err
    assert not (tmp_path / "timeline.svg").exists()


def test_as_known_on_a_day_only_the_entries_reported_by_then_are_drawn(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    output = tmp_path / "known.svg"
    status, out, _ = run(
        capsys, "plot", *AUTUMN, "--known-at", "2008-12-18", "--output", str(output)
    )
    assert status == 0
    assert out.endswith("3 entries\n")
    written = texts(output)
    assert "NATO-RUS: 2008-08-01 to 2009-02-15, as known on 2008-12-18" in written
    assert [text for text in written if text.isupper()] == ["SUSP", "DECN", "ANN"]


def test_coded_events_are_bars_on_the_same_days_under_the_level(tmp_path: Path) -> None:
    log = with_coded_events(Path(shutil.copy(tracker.bundled_log(), tmp_path / "story.jsonl")))
    replay = tracker.Replay(tracker.read_log(log).entries, dyad=tracker.Dyad("NATO", "RUS"))
    chart = chronology(replay, date(2008, 8, 1), date(2009, 2, 15))
    figure = draw(chart, "title")
    level, coded = figure.get_axes()
    assert level.get_shared_x_axes().joined(level, coded)
    bars = {container.get_label(): container for container in coded.containers}
    cooperation, conflict = bars["coded cooperation"], bars["coded conflict"]
    months = [month.start for month in chart.coded]
    assert months[0] == date(2008, 8, 1)
    assert months[-1] == date(2009, 2, 1)
    heights = dict(zip(months, (bar.get_height() for bar in cooperation), strict=True))
    assert heights[date(2008, 12, 1)] == 3
    lows = dict(zip(months, (bar.get_height() for bar in conflict), strict=True))
    assert lows[date(2009, 1, 1)] == -2
    assert sum(heights.values()) - sum(lows.values()) == len(CODED)
    # Each bar stands on its month's middle, on the level's own date axis.
    december = cooperation[months.index(date(2008, 12, 1))]
    middle = december.get_x() + december.get_width() / 2
    assert dates.num2date(middle).date() == date(2008, 12, 15)
    # Without coded events, one plot only.
    assert (
        len(
            draw(
                chronology(
                    tracker.Replay(
                        tracker.read_log(tracker.bundled_log()).entries, dyad=tracker.DEFAULT_DYAD
                    )
                ),
                "t",
            ).get_axes()
        )
        == 1
    )


def test_a_log_of_one_pair_is_drawn_without_naming_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    cuba = Path(__file__).parent / "episodes" / "us-cuba-2014-2017.jsonl"
    output = tmp_path / "cuba.svg"
    status, out, _ = run(capsys, "plot", "--log", str(cuba), "--output", str(output))
    assert status == 0
    assert out.startswith(f"{output}: CUB-USA, ")
