"""``python -m packstation`` runs the command line."""

import sys

from packstation.cli import main

sys.exit(main())
