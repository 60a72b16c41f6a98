"""Importing a synthetic GDELT 2.0 export into a SQLite log, against DuckDB reading the same
file, in the same run, on one core; then a dyad's monthly activity from the imported log.

    python benchmarks/coded_import.py [--rows 1000000] [--keep DIR]

Prints rows per CPU second of each (the machine may be shared), their ratio, the peak memory
of the import, and the time of ``tracker activity`` over the imported log. DuckDB comes with
the ``bench`` extra.
"""

from __future__ import annotations

import argparse
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tracker.coded._gdelt import GDELT2_COLUMNS

#: Actors as GDELT codes them ("" is no actor).
_ACTORS = ("RUS", "RUSGOV", "RUSMIL", "IGOWSTNAT", "IGOEUREEC", "USA", "USAGOV", "CHN")
_ACTORS += ("UKRGOV", "GOV", "CVL", "BUS", "", "", "GEOGOV", "DEUGOV", "FRA", "GBRGOV")
_CODES = ["010", "012", "020", "036", "040", "042", "043", "046", "051", "057", "0834"]
_CODES += ["111", "112", "120", "130", "141", "163", "173", "190", "193"]
_INDEX = {name: i for i, name in enumerate(GDELT2_COLUMNS)}


def synthesize(path: Path, rows: int, seed: int = 0) -> None:
    """``rows`` GDELT 2.0 rows: a year of events, one article in ten coded several times."""
    draw = random.Random(seed)
    width = len(GDELT2_COLUMNS)
    with path.open("w", encoding="utf-8") as out:
        article = 0
        for number in range(rows):
            if draw.random() > 0.3:
                article += 1
            day = 1 + draw.randrange(365)
            month, mday = divmod(day - 1, 31)
            month = month % 12 + 1
            mday = min(mday + 1, 28)
            cells = [""] * width
            code = draw.choice(_CODES)
            root = int(code[:2])
            quad = 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
            cells[_INDEX["GLOBALEVENTID"]] = str(800_000_000 + number)
            cells[_INDEX["SQLDATE"]] = f"2019{month:02d}{mday:02d}"
            cells[_INDEX["MonthYear"]] = f"2019{month:02d}"
            cells[_INDEX["Year"]] = "2019"
            cells[_INDEX["Actor1Code"]] = draw.choice(_ACTORS)
            cells[_INDEX["Actor2Code"]] = draw.choice(_ACTORS)
            cells[_INDEX["Actor1CountryCode"]] = cells[_INDEX["Actor1Code"]][:3]
            cells[_INDEX["Actor2CountryCode"]] = cells[_INDEX["Actor2Code"]][:3]
            cells[_INDEX["IsRootEvent"]] = "1"
            cells[_INDEX["EventCode"]] = code
            cells[_INDEX["EventBaseCode"]] = code[:3]
            cells[_INDEX["EventRootCode"]] = code[:2]
            cells[_INDEX["QuadClass"]] = str(quad)
            cells[_INDEX["GoldsteinScale"]] = f"{draw.uniform(-10, 10):.1f}"
            cells[_INDEX["NumMentions"]] = str(draw.randrange(1, 40))
            cells[_INDEX["NumSources"]] = "1"
            cells[_INDEX["NumArticles"]] = cells[_INDEX["NumMentions"]]
            cells[_INDEX["AvgTone"]] = f"{draw.uniform(-8, 8):.4f}"
            cells[_INDEX["DATEADDED"]] = f"2019{month:02d}{mday:02d}{draw.randrange(24):02d}1500"
            cells[_INDEX["SOURCEURL"]] = f"https://news.example/{article}"
            out.write("\t".join(cells) + "\n")


_IMPORT = """
import resource, sys, time
from pathlib import Path
from tracker.coded import import_coded
start, cpu = time.perf_counter(), time.process_time()
report = import_coded([Path(sys.argv[1])], Path(sys.argv[2]))
took, cpu = time.perf_counter() - start, time.process_time() - cpu
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(took, cpu, peak, report.read, report.kept, report.merged, sum(report.skipped.values()))
"""

_ACTIVITY = """
import sys, time
from pathlib import Path
import tracker
from tracker.coded import activity_of_log
store = tracker.open_store(Path(sys.argv[1]))
start, cpu = time.perf_counter(), time.process_time()
months = activity_of_log(store, tracker.Dyad("NATO", "RUS"))
took, cpu = time.perf_counter() - start, time.process_time() - cpu
print(took, cpu, sum(bucket.events for bucket in months.values()), len(months))
"""


def _duckdb(path: Path, work: Path) -> float:
    import duckdb  # noqa: PLC0415 - the bench extra: only this benchmark needs it

    db = duckdb.connect(str(work / "duck.db"))
    db.execute("SET threads = 1")  # one core, as the import
    columns = ", ".join(f"'{name}': 'VARCHAR'" for name in GDELT2_COLUMNS)
    start, cpu = time.perf_counter(), time.process_time()
    db.execute(
        f"CREATE TABLE events AS SELECT * FROM read_csv('{path}', delim='\\t', header=false, "
        f"quote='', escape='', columns={{{columns}}})"
    )
    took, cpu = time.perf_counter() - start, time.process_time() - cpu
    (count,) = db.execute("SELECT count(*) FROM events").fetchone() or (0,)
    db.close()
    print(
        f"duckdb read_csv into a table: {count} rows in {took:.2f} s, {cpu:.2f} s of CPU "
        f"({count / cpu:,.0f} rows per CPU second)"
    )
    return float(count) / cpu


def main() -> None:
    """Synthesize, import both ways, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--keep", type=Path, help="keep the file and the logs in this folder")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        work = args.keep or Path(scratch)
        work.mkdir(parents=True, exist_ok=True)
        source = work / "synthetic.export.CSV"
        start = time.perf_counter()
        synthesize(source, args.rows)
        size = source.stat().st_size / 2**20
        took = time.perf_counter() - start
        print(f"{args.rows} synthetic GDELT 2.0 rows, {size:.0f} MB, in {took:.1f} s")
        log = work / "coded.sqlite"
        log.unlink(missing_ok=True)
        python = sys.executable
        out = subprocess.run(
            [python, "-c", _IMPORT, str(source), str(log)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
        took, cpu, peak = map(float, out[:3])
        read, kept, merged, skipped = map(int, out[3:])
        ours = read / cpu
        print(
            f"tracker import into SQLite: {read} rows in {took:.2f} s, {cpu:.2f} s of CPU "
            f"({ours:,.0f} rows per CPU second), {kept} events kept, {merged} merged, "
            f"{skipped} skipped; peak memory {peak:.0f} MB"
        )
        theirs = _duckdb(source, work)
        print(f"ratio tracker/duckdb: {ours / theirs:.3f} (target 0.5)")
        out = subprocess.run(
            [python, "-c", _ACTIVITY, str(log)], check=True, capture_output=True, text=True
        ).stdout.split()
        print(
            f"monthly activity of NATO-RUS from the log: {out[2]} events in {out[3]} months, "
            f"{float(out[0]):.2f} s, {float(out[1]):.2f} s of CPU (target 1 s)"
        )


if __name__ == "__main__":
    main()
