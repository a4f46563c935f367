"""One exception base class and the exit statuses the command line returns.

Anything the user can fix is raised as a ``SrcCompareError`` whose message is the one line the user
sees; the CLI turns it into that line on stderr and ``EXIT_ERROR``. Nothing else reaches the user as
a traceback.
"""

EXIT_OK = 0
EXIT_ERROR = 1  # an error the user can fix: bad input, unreadable file, broken review file
EXIT_USAGE = 2  # the command line itself is wrong


class SrcCompareError(Exception):
    """An error with a message meant for the user (one line, names the file and what to do)."""


class InputError(SrcCompareError):
    """A source file or folder cannot be used."""


class ReviewFileError(SrcCompareError):
    """The review decisions file is broken; it is left untouched."""


class RenderError(SrcCompareError):
    """A report could not be rendered; nothing was written."""
