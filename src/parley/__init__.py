"""Parley: buyer-seller messaging that holds every seller message to the marketplace's guidelines."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("parley")
except PackageNotFoundError:  # running from a source tree without installation
    __version__ = "0.0.0"
