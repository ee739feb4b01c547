"""handoff: the sales-to-customer-success handoff as a file in git that a machine can check."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("handoff")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
