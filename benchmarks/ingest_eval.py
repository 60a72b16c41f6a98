"""Precision and recall of ``tracker ingest`` per field, on the labelled corpus and on real pages.

    python benchmarks/ingest_eval.py
        [--split tuning|held_out|all|pages|held_out_pages|blind_pages|blind2_pages|blind3_pages
                 |blind4_pages|blind5_pages|blind6_pages|blind7_pages|blind8_pages|blind9_pages
                 |blind10_pages|blind11_pages|blind12_pages|blind13_pages]
        [--misses] [--pages DIR]

The patterns were adjusted on the ``tuning`` split only; ``held_out`` gives the honest figures
on texts written for the tests. ``pages`` drafts the real pages listed (address and label) in
``benchmarks/ingest_pages/labels.json``, read from DIR (default
``~/.cache/tracker-ingest-pages``, one ``NAME.txt`` per page, its text as copied from the
browser); pages not there are skipped and counted. ``held_out_pages`` does the same for the
pages of ``benchmarks/ingest_pages/held_out.json``, labelled blind after the rules were tuned on
the first list, read from DIR (default ``~/.cache/tracker-ingest-pages-held-out``).
``blind_pages`` drafts the pages of ``benchmarks/ingest_pages/blind.json``, about pairs no rule
was tuned on and labelled before ingest was run on them, read from DIR (default
``~/.cache/tracker-ingest-pages-blind``). ``blind2_pages`` does the same for the pages of
``benchmarks/ingest_pages/blind2.json``, about further pairs, labelled before any rule was run
on them and kept out of tuning, read from DIR (default ``~/.cache/tracker-ingest-pages-blind2``).
``blind3_pages`` does the same for the fifth list, ``benchmarks/ingest_pages/blind3.json``, about
pairs again new, labelled and committed before ingest was run on them, read from DIR (default
``~/.cache/tracker-ingest-pages-blind3``). ``blind4_pages`` does the same for the sixth list,
``benchmarks/ingest_pages/blind4.json``, about pairs again new, labelled and committed before
ingest was run on them, read from DIR (default ``~/.cache/tracker-ingest-pages-blind4``).
``blind5_pages`` does the same for the seventh list, ``benchmarks/ingest_pages/blind5.json``, about
pairs again new, labelled and committed before ingest was run on them, read from DIR (default
``~/.cache/tracker-ingest-pages-blind5``). ``blind6_pages`` does the same for the eighth list,
``benchmarks/ingest_pages/blind6.json``, about pairs again new, labelled and committed before
ingest was run on them, read from DIR (default ``~/.cache/tracker-ingest-pages-blind6``).
``blind7_pages`` does the same for the ninth list, ``benchmarks/ingest_pages/blind7.json`` (DIR
by default ``~/.cache/tracker-ingest-pages-blind7``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from tracker.ingest._evaluate import FIELDS, Tally, evaluate, evaluate_pages

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "tests" / "ingest" / "corpus"
CACHE = Path.home() / ".cache"
PAGE_SPLITS = {
    "pages": ("real pages", HERE / "ingest_pages" / "labels.json", CACHE / "tracker-ingest-pages"),
    "held_out_pages": (
        "held-out real pages",
        HERE / "ingest_pages" / "held_out.json",
        CACHE / "tracker-ingest-pages-held-out",
    ),
    "blind_pages": (
        "blind real pages",
        HERE / "ingest_pages" / "blind.json",
        CACHE / "tracker-ingest-pages-blind",
    ),
    "blind2_pages": (
        "second blind real pages",
        HERE / "ingest_pages" / "blind2.json",
        CACHE / "tracker-ingest-pages-blind2",
    ),
    "blind3_pages": (
        "third blind real pages",
        HERE / "ingest_pages" / "blind3.json",
        CACHE / "tracker-ingest-pages-blind3",
    ),
    "blind4_pages": (
        "fourth blind real pages",
        HERE / "ingest_pages" / "blind4.json",
        CACHE / "tracker-ingest-pages-blind4",
    ),
    "blind5_pages": (
        "fifth blind real pages",
        HERE / "ingest_pages" / "blind5.json",
        CACHE / "tracker-ingest-pages-blind5",
    ),
    "blind6_pages": (
        "sixth blind real pages",
        HERE / "ingest_pages" / "blind6.json",
        CACHE / "tracker-ingest-pages-blind6",
    ),
    "blind7_pages": (
        "seventh blind real pages",
        HERE / "ingest_pages" / "blind7.json",
        CACHE / "tracker-ingest-pages-blind7",
    ),
    "blind8_pages": (
        "eighth blind real pages",
        HERE / "ingest_pages" / "blind8.json",
        CACHE / "tracker-ingest-pages-blind8",
    ),
    "blind9_pages": (
        "eleventh list",
        HERE / "ingest_pages" / "blind9.json",
        CACHE / "tracker-ingest-pages-blind9",
    ),
    "blind10_pages": (
        "twelfth list",
        HERE / "ingest_pages" / "blind10.json",
        CACHE / "tracker-ingest-pages-blind10",
    ),
    "blind11_pages": (
        "thirteenth list",
        HERE / "ingest_pages" / "blind11.json",
        CACHE / "tracker-ingest-pages-blind11",
    ),
    "blind12_pages": (
        "fourteenth list",
        HERE / "ingest_pages" / "blind12.json",
        CACHE / "tracker-ingest-pages-blind12",
    ),
    "blind13_pages": (
        "fifteenth list",
        HERE / "ingest_pages" / "blind13.json",
        CACHE / "tracker-ingest-pages-blind13",
    ),
}
SPLITS = {"tuning": ("tuning",), "held_out": ("held_out",), "all": ("tuning", "held_out")}


def _table(name: str, tallies: dict[str, Tally], misses: tuple[str, ...] | list[str]) -> None:
    print(f"{name}:")
    print(f"  {'field':<14}{'precision':>10}{'recall':>8}{'right':>7}{'wrong':>7}{'missed':>8}")
    for field in FIELDS:
        tally = tallies[field]
        print(
            f"  {field:<14}{tally.precision:>10.2f}{tally.recall:>8.2f}"
            f"{tally.right:>7}{tally.wrong:>7}{tally.missed:>8}"
        )
    for miss in misses:
        print(f"    {miss}")


def main() -> None:
    """Print one table per split asked for."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=[*SPLITS, *PAGE_SPLITS], default="all")
    parser.add_argument("--misses", action="store_true", help="list every field drafted wrong")
    parser.add_argument("--pages", type=Path, help="folder of the real pages (default per split)")
    args = parser.parse_args()
    names = {"all": ["tuning", "held_out", "all", *PAGE_SPLITS]}.get(args.split, [args.split])
    for name in names:
        if name in PAGE_SPLITS:
            title, labels, default = PAGE_SPLITS[name]
            folder = args.pages or default
            figures = evaluate_pages(labels, folder)
            print(f"{title}: {figures.pages} drafted, {figures.missing} not in {folder}")
            print(f"  publication day found on {figures.dated} of {figures.showing} showing one")
            print(f"  events drafted as having happened that did not: {len(figures.false_events)}")
            for item in figures.false_events:
                print(f"    {item}")
            _table(name, figures.tallies, figures.misses if args.misses else ())
            continue
        tallies, misses = evaluate(CORPUS, SPLITS[name])
        _table(name, tallies, misses if args.misses else [])


if __name__ == "__main__":
    main()
