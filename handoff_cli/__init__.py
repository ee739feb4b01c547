"""handoff: the sales-to-customer-success handoff as a file in git that a machine can check."""

__version__ = "0.1.0"


def version_line() -> str:
    """What `handoff --version` prints."""
    return f"handoff {__version__}"
