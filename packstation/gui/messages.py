"""Words and colours for outcomes: what the packer reads, in the bench's language.

The words are the one table of ``gui.texts`` (``TEXTS``, re-exported here), translated when
shown (Qt Linguist files in ``resources/translations``); colours come from the outcome's tone
(``TONE_COLOURS``), never from the code.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication

from packstation.gui.texts import HOLD_REASON_NAMES, MISMATCH_WORDS, STATUS_NAMES, TEXTS, Text
from packstation.services.bench.outcome import OutcomeKind, Tone, tone_of

CONTEXT = "messages"  # the translation context of every text of gui.texts


def t(text: str, n: int = -1) -> str:
    """``text`` (a source string of ``gui.texts``) in the bench's language; ``n``: the count of a plural one."""
    return QCoreApplication.translate(CONTEXT, text, None, n)


# Background and text colour per tone: the banner, the recent-scans list and anything else.
TONE_COLOURS: dict[str, tuple[str, str]] = {
    Tone.GOOD: ("#1b7f3b", "white"),
    Tone.BAD: ("#c62828", "white"),
    Tone.INFO: ("#1f4e8c", "white"),
    "idle": ("#e8eaed", "#202124"),
}

# Parameters whose values are codes with words of their own.
_WORDED_PARAMS: dict[str, dict[str, str]] = {
    "status": STATUS_NAMES,
    "current": STATUS_NAMES,
    "target": STATUS_NAMES,
    "reason": HOLD_REASON_NAMES,
    "kind": MISMATCH_WORDS,
    "next_kind": MISMATCH_WORDS,
}


class _Defaults(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "?"


def variant(code: str, params: Mapping[str, object]) -> str:
    """The table key for an outcome: some codes read differently with some parameters."""
    if code == "mismatch.removed" and params.get("remaining"):
        return "mismatch.removed_more"
    if code in ("scan.complete", "mismatch.removed") and params.get("finish_in_ms"):
        return f"{code}_auto"
    if code == "scan.over_scan" and params.get("remaining"):
        return "scan.over_scan_pack"
    if code == "scan.undone" and params.get("scanned") is None:
        return "scan.undone_mismatch"
    if code == "order.not_finishable" and not params.get("missing"):
        return "order.wrong_units_in_box"  # every unit is in: a wrong one is what stops it
    if code == "order.shipped" and not params.get("next"):
        return "order.shipped_last"
    return code


def values(params: Mapping[str, object]) -> _Defaults:
    """Parameters as the texts show them: codes in words, a missing product name as its barcode."""
    shown = _Defaults()
    for key, value in params.items():
        words = _WORDED_PARAMS.get(key)
        text = "" if value is None else str(value)
        shown[key] = t(words[text]) if words is not None and text in words else text
    if not shown.get("name"):
        shown["name"] = shown.get("barcode") or shown.get("code") or ""
    if not shown.get("next_name"):  # an unknown barcode has no name: the code as scanned
        shown["next_name"] = shown.get("next_code") or ""
    return shown


def render(text: Text, params: Mapping[str, object]) -> tuple[str, str]:
    """(headline, detail) of ``text`` in the bench's language with ``params`` filled in."""
    count = params.get(text.n) if text.n else None
    n = count if isinstance(count, int) else -1
    shown = values(params)
    # Qt finds a plural message only with a count, and any other message only without one.
    headline = t(text.headline, n if "%n" in text.headline else -1).format_map(shown)
    detail = t(text.detail, n if "%n" in text.detail else -1).format_map(shown) if text.detail else ""
    return headline, detail


def describe(code: str, params: Mapping[str, object]) -> tuple[str, str]:
    """(headline, detail) for an outcome; unknown codes still say something useful."""
    text = TEXTS.get(variant(code, params))
    if text is None:
        return code, ", ".join(f"{k}={v}" for k, v in params.items())
    return render(text, params)


def short_label(message_code: str, verdict: str) -> str:
    """The recent-scans list's label for a stored scan."""
    text = TEXTS.get(message_code)
    return t(text.short) if text and text.short else verdict.upper()


def status_name(status: str) -> str:
    """An order status in words."""
    return t(STATUS_NAMES[status]) if status in STATUS_NAMES else status


def verdict_tone(verdict: str) -> Tone:
    """The tone of a stored scan's verdict (a command scan is neutral)."""
    try:
        return tone_of(OutcomeKind(verdict))
    except ValueError:
        return Tone.INFO
