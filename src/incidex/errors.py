"""The incidex exception tree, its codes and the CLI exit codes that go with it.

    IncidexError                 base of everything incidex raises on purpose               (E000, exit 1)
    ├── ConfigError              bad setting or missing model                               (E100, exit 3)
    ├── InputError               a document that cannot be read                             (E200, exit 4)
    │   ├── EmptyInputError      empty or whitespace-only text                              (E201)
    │   ├── BinaryInputError     binary content (NUL bytes, not text)                       (E202)
    │   ├── EncodingError        bytes that are not valid UTF-8 / declared encoding         (E203)
    │   ├── InputTooLargeError   over the configured size limit                             (E204)
    │   ├── FormatError          malformed HTML / JSON / CSV / feed / Telegram export       (E205)
    │   ├── FetchError           a URL that could not be fetched (robots.txt, timeout, ...) (E208)
    │   └── UnsupportedInputError  an input incidex does not read; skipped, not stored      (E209)
    ├── StoreError               database cannot be opened or written                       (E300, exit 5)
    ├── EvalError                evaluation data missing or malformed                       (E400, exit 6)
    ├── NotFoundError            an incident, record or correction id the store lacks       (E500, exit 9)
    ├── ConflictError            a change that clashes with what is stored                  (E600, exit 10)
    └── ExtractionError          the pipeline failed on one document (a bug: report it)     (E900)

Every message says what went wrong and what to do; the CLI prints it on one line, its code first (``[E201] ...``),
and the API answers it with the HTTP status its class maps to (``incidex.api.app.STATUS``). A batch command whose
documents partly failed (each reported with its reason) exits with ``EXIT_SOME_FAILED`` (7): ``ingest``, ``extract``
of a batch and ``watch --once`` alike; ``watch --once`` exits ``EXIT_SOURCE_FAILED`` (8) when a source could not be
read.
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

    def __eq__(self, other: object) -> bool:
        """Errors of one class with one message are equal, so outcomes compare alike across processes."""
        if not isinstance(other, IncidexError):
            return NotImplemented
        return type(self) is type(other) and self.message == other.message

    def __hash__(self) -> int:
        return hash((type(self), self.message))


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


class FetchError(InputError):
    """A URL that could not be fetched: refused by robots.txt, timed out, too large, too many redirects, or an HTTP
    error status that retries did not clear."""

    code = "E208"


class UnsupportedInputError(InputError):
    """An input incidex does not read (an unknown extension, a JSON file that is no Telegram export, a service or
    media-only message): skipped and named, never stored."""

    code = "E209"


class StoreError(IncidexError):
    code = "E300"
    exit_code = 5


class EvalError(IncidexError):
    code = "E400"
    exit_code = 6


class NotFoundError(IncidexError):
    """An incident, record or correction id that the store does not hold."""

    code = "E500"
    exit_code = 9


class ConflictError(IncidexError):
    """A change that clashes with what is stored: a document id taken by other text, or a merge or split that a
    later one must be undone before."""

    code = "E600"
    exit_code = 10


class ExtractionError(IncidexError):
    """The pipeline failed on one document (or a worker on its chunk); the batch goes on. A bug: please report it."""

    code = "E900"


EXIT_SOME_FAILED = 7  # a batch ran to its end, and some of its documents failed (each is reported with its reason)
EXIT_SOURCE_FAILED = 8  # watch --once: some watched source could not be read (its error is kept in its state)
