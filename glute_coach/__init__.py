"""Glute Coach: guided glute rehabilitation and training."""

# The one version source: pyproject.toml reads it ([tool.hatch.version]), so the package
# metadata (importlib.metadata.version("glute-coach")), the wheel's name and
# `glute-coach --version` all agree.
__version__ = "0.1.0"
