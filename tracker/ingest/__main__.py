"""``python -m tracker.ingest``: the ``tracker ingest`` command on its own."""

import argparse
import sys

from tracker._plugins import PluginError, add_option, load_plugins
from tracker.ingest import configure, run

parser = argparse.ArgumentParser(
    prog="tracker ingest", description="Draft log entries from news articles."
)
add_option(parser)
configure(parser)
args = parser.parse_args()
try:
    load_plugins(args.plugins)
except PluginError as error:
    print(f"tracker: error: {error}", file=sys.stderr)
    sys.exit(2)
sys.exit(run(args))
