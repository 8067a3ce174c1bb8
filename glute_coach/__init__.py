"""Glute Coach: guided glute rehabilitation and training."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("glute-coach")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
