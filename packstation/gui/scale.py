"""Text and touch sizes from the screen's physical size, for a packer reading it from 75 cm.

A text is as readable as the angle its capital letters fill at the packer's eye. At 750 mm one
minute of arc is 0.218 mm, so the headline (60′) needs capitals 13.1 mm high, the counters and
the next line's product (30′) 6.5 mm and everything else a packer reads (20′) 4.4 mm. The
screen says how many of its logical pixels make a millimetre (``QScreen.physicalDotsPerInch``,
in device-independent pixels); fonts are then given pixel sizes whose capital height reaches
those millimetres. A screen that reports nonsense (no EDID, a virtual machine) is taken as
96 dpi, a 23" full-HD monitor.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum

from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF, QGuiApplication, QScreen

from packstation import paths

VIEW_DISTANCE_MM = 750.0
MM_PER_ARCMIN = VIEW_DISTANCE_MM * math.tan(math.radians(1 / 60))
BUTTON_HEIGHT_MM = 15.0  # a gloved finger
FALLBACK_DPI = 96.0
SANE_DPI = (50.0, 400.0)
MARGIN = 1.06  # a little above each minimum, so rounding to whole pixels never falls below it
FAMILY = "DejaVu Sans"  # bundled (resources/fonts): the same letters and metrics on every bench


class Role(Enum):
    """What a text is for, and the angle its capitals must fill (minutes of arc at 75 cm)."""

    HEADLINE = 60  # the verdict
    PRIMARY = 30  # the next action, counters, the product to scan next
    SECONDARY = 20  # everything else a packer needs


def arcmin_of(cap_height_px: float, px_per_mm: float) -> float:
    """The angle (′) capitals ``cap_height_px`` high fill at 75 cm on a screen of ``px_per_mm``."""
    return cap_height_px / px_per_mm / MM_PER_ARCMIN


def screen_px_per_mm(screen: QScreen | None) -> float:
    """Logical pixels per millimetre of ``screen`` (its physical DPI), or 96 dpi's if it does not know."""
    dpi = screen.physicalDotsPerInch() if screen is not None else 0.0
    if not SANE_DPI[0] <= dpi <= SANE_DPI[1]:
        dpi = FALLBACK_DPI
    return dpi / 25.4


def load_bundled_fonts() -> str:
    """Register the bundled DejaVu Sans (regular and bold); the family to use."""
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"):
        QFontDatabase.addApplicationFont(str(paths.resource_path(f"fonts/{name}")))
    return FAMILY


@dataclass(frozen=True)
class Scale:
    """Fonts and sizes for one screen. ``px_per_mm``: logical pixels per millimetre."""

    px_per_mm: float
    family: str = FAMILY

    @classmethod
    def for_screen(cls, screen: QScreen | None = None) -> Scale:
        return cls(screen_px_per_mm(screen or QGuiApplication.primaryScreen()))

    def font(self, role: Role, bold: bool = False) -> QFont:
        """A font whose capitals fill at least ``role``'s angle."""
        font = QFont(self.family)
        font.setBold(bold)
        font.setPixelSize(self.font_px(role, bold))
        return font

    def font_px(self, role: Role, bold: bool = False) -> int:
        probe = QFont(self.family)
        probe.setBold(bold)
        probe.setPixelSize(100)
        cap_ratio = QFontMetricsF(probe).capHeight() / 100 or 0.73
        wanted_cap = role.value * MM_PER_ARCMIN * self.px_per_mm * MARGIN
        return math.ceil(wanted_cap / cap_ratio)

    def mm(self, millimetres: float) -> int:
        """``millimetres`` in logical pixels, rounded up."""
        return math.ceil(millimetres * self.px_per_mm)

    @property
    def button_height(self) -> int:
        return self.mm(BUTTON_HEIGHT_MM)
