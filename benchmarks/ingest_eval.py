"""Precision and recall of ``tracker ingest`` per field on the labelled corpus.

    python benchmarks/ingest_eval.py [--split tuning|held_out|all] [--misses]

The patterns were adjusted on the ``tuning`` split only; ``held_out`` gives the honest figures.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tracker.ingest._evaluate import FIELDS, evaluate

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "ingest" / "corpus"
SPLITS = {"tuning": ("tuning",), "held_out": ("held_out",), "all": ("tuning", "held_out")}


def main() -> None:
    """Print one table per split asked for."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=[*SPLITS], default="all")
    parser.add_argument("--misses", action="store_true", help="list every field drafted wrong")
    args = parser.parse_args()
    names = [args.split] if args.split != "all" else ["tuning", "held_out", "all"]
    for name in names:
        tallies, misses = evaluate(CORPUS, SPLITS[name])
        print(f"{name}:")
        print(f"  {'field':<14}{'precision':>10}{'recall':>8}{'right':>7}{'wrong':>7}{'missed':>8}")
        for field in FIELDS:
            tally = tallies[field]
            print(
                f"  {field:<14}{tally.precision:>10.2f}{tally.recall:>8.2f}"
                f"{tally.right:>7}{tally.wrong:>7}{tally.missed:>8}"
            )
        if args.misses:
            for miss in misses:
                print(f"    {miss}")


if __name__ == "__main__":
    main()
