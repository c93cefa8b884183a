"""The incidex exception tree and the CLI exit codes that go with it.

    IncidexError                 base of everything incidex raises on purpose
    ├── ConfigError              bad setting or missing model            (exit 3)
    ├── InputError               a document that cannot be read          (exit 4)
    │   ├── EmptyInputError      empty or whitespace-only text
    │   ├── BinaryInputError     binary content (NUL bytes, not text)
    │   ├── EncodingError        bytes that are not valid UTF-8 / declared encoding
    │   ├── InputTooLargeError   over the configured size limit
    │   ├── FormatError          malformed HTML / JSON / CSV / feed / Telegram export
    │   ├── NotFoundError        an incident, record or correction id the store does not hold
    │   └── FetchError           a URL that could not be fetched (robots.txt, timeout, size, HTTP status)
    ├── StoreError               database cannot be opened or written   (exit 5)
    └── EvalError                evaluation data missing or malformed   (exit 6)

Every message says what went wrong and what to do; the CLI prints it on one line. A batch command whose documents
partly failed (each reported with its reason) exits with ``EXIT_SOME_FAILED`` (7): ``ingest``, ``extract`` of a
batch and ``watch --once`` alike; ``watch --once`` exits ``EXIT_SOURCE_FAILED`` (8) when a source could not be read.
"""

from __future__ import annotations


class IncidexError(Exception):
    """Base class; ``code`` is a stable identifier, ``exit_code`` the CLI exit status."""

    code = "E000"
    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"[{self.code}] {self.message}"


class ConfigError(IncidexError):
    code = "E100"
    exit_code = 3


class InputError(IncidexError):
    code = "E200"
    exit_code = 4


class EmptyInputError(InputError):
    code = "E201"


class BinaryInputError(InputError):
    code = "E202"


class EncodingError(InputError):
    code = "E203"


class InputTooLargeError(InputError):
    code = "E204"


class FormatError(InputError):
    code = "E205"


class NotFoundError(InputError):
    """An incident, record or correction id that the store does not hold."""

    code = "E206"


class ConflictError(InputError):
    """A correction that cannot be undone yet: a later merge or split moved the same records, undo that first."""

    code = "E207"


class FetchError(InputError):
    """A URL that could not be fetched: refused by robots.txt, timed out, too large, too many redirects, or an HTTP
    error status that retries did not clear."""

    code = "E208"


class StoreError(IncidexError):
    code = "E300"
    exit_code = 5


class EvalError(IncidexError):
    code = "E400"
    exit_code = 6


EXIT_OK = 0
EXIT_USAGE = 2
EXIT_SOME_FAILED = 7  # a batch ran to its end, and some of its documents failed (each is reported with its reason)
EXIT_SOURCE_FAILED = 8  # watch --once: some watched source could not be read (its error is kept in its state)
