"""`python -m armswatch` runs the command line."""

import sys

from armswatch.serve.cli import main

sys.exit(main())
