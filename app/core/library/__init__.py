"""The script library and its history, without Qt: scripts, revisions, diffs, files."""

from app.core.library.diff import DiffRow, WordOp, side_by_side, word_diff
from app.core.library.errors import LibraryError, RevisionNotFound, ScriptNotFound
from app.core.library.revisions import History, Revision, RevisionKind
from app.core.library.scripts import Language, ScriptInfo, ScriptLibrary
from app.core.library.transfer import (
    ImportResult,
    ScriptFileError,
    read_script_file,
    suggested_file_name,
    write_script_file,
)

__all__ = [
    "DiffRow",
    "History",
    "ImportResult",
    "Language",
    "LibraryError",
    "Revision",
    "RevisionKind",
    "RevisionNotFound",
    "ScriptFileError",
    "ScriptInfo",
    "ScriptLibrary",
    "ScriptNotFound",
    "WordOp",
    "read_script_file",
    "side_by_side",
    "suggested_file_name",
    "word_diff",
    "write_script_file",
]
