"""``python -m tracker.ingest``: the ``tracker ingest`` command on its own."""

import argparse
import sys

from tracker.ingest import configure, run

parser = argparse.ArgumentParser(
    prog="tracker ingest", description="Draft log entries from news articles."
)
configure(parser)
sys.exit(run(parser.parse_args()))
