"""The one exception type for a user's mistake.

Library code raises `FoiError` with a message that says what to do; only the CLI turns it into
one line on stderr and exit code 1. Anything else that escapes is a bug and keeps its traceback.
"""


class FoiError(Exception):
    """A user's mistake: the CLI prints it as one line and exits 1."""
