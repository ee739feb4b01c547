"""handoff: the sales-to-customer-success handoff as a file in git that a machine can check."""

__version__ = "0.1.0"
