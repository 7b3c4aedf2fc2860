"""What the library raises."""

from __future__ import annotations


class LibraryError(Exception):
    """An action on the library cannot be done; the message says why in the user's words."""


class ScriptNotFound(LookupError):
    """No script has this id (a caller's mistake, not the user's)."""


class RevisionNotFound(LookupError):
    """No revision has this id (a caller's mistake, not the user's)."""
