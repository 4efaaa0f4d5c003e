"""A serial scanner's bytes into scans: one line per scan, whatever arrives in between.

Each scan ends with the configured terminator (``any``: CR, LF or CR LF). Bytes arrive in
arbitrary pieces; a line is handed on only once its terminator came, so a scan is never
split or merged with the next. Lines are decoded as UTF-8; a byte that is not UTF-8 stays
in the text as a lone surrogate (``surrogateescape``) for the scan decoder to refuse with
its own message, as does a NUL. A line longer than ``max_length`` bytes is handed on once,
cut at ``max_length`` (the decoder refuses it as too long), and the rest of it, up to its
terminator, is dropped. At an unplug, :meth:`LineFramer.discard` drops an unfinished line.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_LINE_BYTES = 4096  # a scan is at most a few hundred characters; anything longer is noise


@dataclass(frozen=True)
class Line:
    """One line as text, and whether it was cut (longer than the framer's limit)."""

    text: str
    cut: bool = False


class LineFramer:
    """Cuts a byte stream into lines at ``terminator`` (``b""``: any of CR, LF, CR LF). Not thread-safe."""

    def __init__(self, terminator: bytes = b"", max_length: int = MAX_LINE_BYTES) -> None:
        self._terminator = terminator
        self._max = max_length
        self._buffer = bytearray()
        self._skipping = False  # inside the rest of an overlong line

    @property
    def pending(self) -> int:
        """Bytes of an unfinished line held back."""
        return 0 if self._skipping else len(self._buffer)

    def feed(self, data: bytes) -> list[Line]:
        """The lines ``data`` completes (empty lines are no scans and are skipped)."""
        self._buffer += data
        lines: list[Line] = []
        while True:
            end, width = self._find_end()
            if end < 0:
                break
            chunk = bytes(self._buffer[:end])
            del self._buffer[: end + width]
            if self._skipping:
                self._skipping = False
                continue
            if chunk:
                lines.append(_line(chunk[: self._max], cut=len(chunk) > self._max))
        if len(self._buffer) > self._max and not self._skipping:
            lines.append(_line(bytes(self._buffer[: self._max]), cut=True))
            self._skipping = True
        if self._skipping:
            self._buffer.clear()  # nothing of an overlong line is kept but the search for its end
        return lines

    def discard(self) -> bytes:
        """Drop the unfinished line (the device went away mid-line); the bytes dropped."""
        dropped = b"" if self._skipping else bytes(self._buffer)
        self._buffer.clear()
        self._skipping = False
        return dropped

    def _find_end(self) -> tuple[int, int]:
        """(index, width) of the first terminator in the buffer, or (-1, 0)."""
        if self._terminator:
            return self._buffer.find(self._terminator), len(self._terminator)
        cr, lf = self._buffer.find(b"\r"), self._buffer.find(b"\n")
        if cr < 0 and lf < 0:
            return -1, 0
        if cr >= 0 and (lf < 0 or cr < lf):
            if cr + 1 == len(self._buffer):
                return cr, 1  # a lone CR ends the line; a LF right after it is an empty line, skipped
            return cr, 2 if self._buffer[cr + 1 : cr + 2] == b"\n" else 1
        return lf, 1


def _line(chunk: bytes, cut: bool) -> Line:
    return Line(chunk.decode("utf-8", "surrogateescape"), cut)
