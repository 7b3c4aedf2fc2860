"""Pitchback: rehearse cold calls until the words are your own."""

__version__ = "0.1.0"
