"""What an import of each real sample of coded event data gives, and whether it reads back.

    python benchmarks/interop_check.py [--samples DIR]

The samples (GDELT 1.0 and 2.0 exports, a NATO–Russia extract re-exported from R, PLOVER's
gold-standard records and its CAMEO mapping) stay outside the project, in
``../shared/interop/`` by default; the check says so and stops when they are not there.
Exit status 1 when the NATO–Russia extract does not import whole onto NATO-RUS, or an
import does not read back the same through PLOVER and CAMEO-coded rows.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

import tracker
from tracker.coded import import_coded, plover_of, write_cameo_tsv, write_plover

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "interop"
NATO_RUS = tracker.Dyad("NATO", "RUS")


def _widths(path: Path) -> Counter[int]:
    with path.open("rb") as handle:
        return Counter(line.count(b"\t") + 1 for line in handle if line.strip())


def _read_back(events: list[tracker.Entry], work: Path, name: str) -> str:
    """Whether the events come back the same through PLOVER records and CAMEO-coded rows."""
    verdicts = []
    for kind, writer in (("plover", write_plover), ("cameo-tsv", write_cameo_tsv)):
        buffer = io.BytesIO()
        written = writer(events, buffer)
        out = work / f"{name}.{kind}"
        out.write_bytes(buffer.getvalue())
        back_log = work / f"{name}.{kind}.jsonl"
        import_coded([out], back_log)
        back = list(tracker.read_log(back_log).entries) if back_log.exists() else []
        same = [e for e in events if kind == "plover" or e.event_code().cameo]
        verdicts.append(f"{kind} {written} written, {'same' if back == same else 'DIFFERENT'}")
    return "; ".join(verdicts)


def _import(path: Path, work: Path, **options: object) -> tuple[tracker.coded.ImportReport, list]:
    log = work / f"{path.stem}.jsonl"
    report = import_coded([path], log, skip_bad=True, **options)  # type: ignore[arg-type]
    events = list(tracker.read_log(log).entries) if log.exists() else []
    return report, events


def _print(report: tracker.coded.ImportReport, events: list[tracker.Entry]) -> None:
    for line in report.lines(top=8):
        print(f"  {line}")
    for problem in report.bad[:5]:
        print(f"  bad: {problem}")
    dyads = Counter(str(event.parties) for event in events)
    most = ", ".join(f"{dyad} ({count})" for dyad, count in dyads.most_common(5))
    print(f"  dyads kept: {len(dyads)}; most: {most}")


def _gdelt(path: Path, work: Path) -> bool:
    widths = _widths(path)
    print(f"{path.name}: {sum(widths.values())} rows; columns: {dict(sorted(widths.items()))}")
    report, events = _import(path, work)
    _print(report, events)
    coded = [e for e in events if isinstance(e, tracker.CodedEvent)]
    zeros = sum(e.cameo.startswith("0") for e in coded)
    later = sum((e.reported - e.on.period.start).days >= 365 for e in coded)
    lags = sorted((e.reported - e.on.period.start).days for e in coded)
    median = lags[len(lags) // 2] if lags else 0
    print(
        f"  events kept with a leading zero in their code: {zeros} of {len(coded)}; "
        f"recorded a year or more after they happened: {later}; median lag {median} days"
    )
    verdict = _read_back(events, work, path.stem)
    print(f"  read back: {verdict}")
    return "DIFFERENT" not in verdict


def _nato_russia(path: Path, work: Path) -> bool:
    report, events = _import(path, work, dyad=NATO_RUS)
    whole = report.kept == report.read and all(e.parties == NATO_RUS for e in events)
    print(f"{path.name}: {report.read} rows (re-exported from R: a header, quoted, NA empty)")
    _print(report, events)
    by = Counter(e.by for e in events if isinstance(e, tracker.CodedEvent))
    print(f"  every row mapped onto NATO-RUS: {'yes' if whole else 'NO'}; source party: {dict(by)}")
    state = tracker.fold(sorted(events, key=lambda e: e.on), tracker.State(NATO_RUS))
    quads = Counter()
    for bucket in state.coded.values():
        quads.update(
            {
                "verbal cooperation": bucket.verbal_cooperation,
                "material cooperation": bucket.material_cooperation,
                "verbal conflict": bucket.verbal_conflict,
                "material conflict": bucket.material_conflict,
            }
        )
    print(f"  months with coded activity: {len(state.coded)}; by quad class: {dict(quads)}")
    verdict = _read_back(events, work, path.stem)
    print(f"  read back: {verdict}")
    return whole and "DIFFERENT" not in verdict


def _plover(path: Path, work: Path) -> bool:
    report, events = _import(path, work)
    print(f"{path.name}: PLOVER gold-standard records (schema 0.5b1: source/target, one event)")
    _print(report, events)
    verdict = _read_back(events, work, path.stem)
    print(f"  read back: {verdict}")
    return "DIFFERENT" not in verdict


def _mapping(path: Path) -> None:
    """How often tracker's CAMEO-to-PLOVER table agrees with PLOVER's own."""
    agree, differ = 0, []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        match = re.match(r"^(\d{2,4}):\s*([A-Z]+)", line)
        if not match or len(match.group(1)) == 2:
            continue
        code, theirs = match.groups()
        ours = plover_of(code)
        if ours == theirs:
            agree += 1
        else:
            differ.append(f"{code} {theirs}->{ours or 'none'}")
    total = agree + len(differ)
    print(f"{path.name}: tracker's category agrees on {agree} of {total} codes")
    if differ:
        print(f"  differ: {', '.join(differ[:12])}{' ...' if len(differ) > 12 else ''}")


def main() -> int:
    """Run every check whose sample is there; the exit status says whether all held."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=Path, default=SAMPLES)
    samples: Path = parser.parse_args().samples
    if not samples.is_dir():
        print(f"no samples in {samples}: nothing to check")
        return 0
    held = True
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        for name in (
            "gdelt1_events_sample_reed9999_20160728.tsv",
            "gdelt2_20191024143000.export.tsv",
        ):
            if (samples / name).exists():
                held &= _gdelt(samples / name, work)
        extract = samples / "gdelt1_natorus_rows_georgia_2011_2013.csv"
        if extract.exists():
            held &= _nato_russia(extract, work)
        if (samples / "PLOVER_GSR_CAMEO.json").exists():
            held &= _plover(samples / "PLOVER_GSR_CAMEO.json", work)
        if (samples / "CAMEO2PLOVER-2021.txt").exists():
            _mapping(samples / "CAMEO2PLOVER-2021.txt")
    print("all held" if held else "SOME CHECK FAILED")
    return 0 if held else 1


if __name__ == "__main__":
    sys.exit(main())
