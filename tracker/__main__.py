"""``python -m tracker``: the same as the ``tracker`` command."""

import sys

from tracker._command import main

sys.exit(main())
