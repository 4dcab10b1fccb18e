"""armswatch: sourced arms-transfer and deployment events from raw news."""

import logging

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
