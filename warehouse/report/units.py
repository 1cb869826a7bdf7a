"""Numbers as a reader wants them: money in readable units, shares as percentages, ratios as multiples.

Only presentation: every value shown is computed elsewhere from `deals`; these functions never round
before a sum, only the text a reader sees.
"""

from __future__ import annotations

from datetime import date, datetime

# (threshold, divisor, suffix), largest first. A value is shown in the largest unit it reaches.
_UNITS = ((10**12, 10**12, "T"), (10**9, 10**9, "B"), (10**6, 10**6, "M"), (10**3, 10**3, "K"))


def _scaled(value: float, divisor: int, suffix: str) -> str:
    scaled = value / divisor
    # One decimal below 100 ($1.2B, $26.6B), none above ($350M): three significant figures at most.
    text = f"{scaled:.1f}" if scaled < 99.95 else f"{scaled:.0f}"
    return text.removesuffix(".0") + suffix


def usd(amount: int | float | None, undisclosed: str = "undisclosed") -> str:
    """Whole US dollars as '$1.2B', '$350M', '$40K', '$512'; None as `undisclosed`."""
    if amount is None:
        return undisclosed
    sign = "-" if amount < 0 else ""
    value = abs(amount)
    for index, (threshold, divisor, suffix) in enumerate(_UNITS):
        if value >= threshold:
            text = _scaled(value, divisor, suffix)
            # 999.6M rounds to "1000M": show it in the next unit up instead.
            if text.startswith("1000") and index > 0:
                text = _scaled(value, *_UNITS[index - 1][1:])
            return f"{sign}${text}"
    return f"{sign}${value:,.0f}"


def percent(value: float) -> str:
    """A share 0..1 as a whole percentage, for axis ticks: 0.25 -> '25%'."""
    return f"{value * 100:.0f}%"


def share(value: float | None) -> str:
    """A share 0..1 as a percentage: 0.4213 -> '42.1%', 1.0 -> '100%'; None as an em dash."""
    if value is None:
        return "—"
    hundredths = value * 100
    return f"{hundredths:.0f}%" if hundredths >= 99.95 or hundredths == 0 else f"{hundredths:.1f}%"


def multiple(ratio: float | None) -> str:
    """A ratio as a multiple: 3.214 -> '3.2×', 0.5 -> '0.5×', 12.6 -> '13×'."""
    if ratio is None:
        return "—"
    return f"{ratio:.1f}×" if ratio < 9.95 else f"{ratio:.0f}×"


def day(value: date | datetime | None) -> str:
    """A date as ISO 8601 ('2026-05-11'); None as an em dash."""
    if value is None:
        return "—"
    return (value.date() if isinstance(value, datetime) else value).isoformat()


def period(value: date | None, precision: str | None) -> str:
    """A date as exactly as it is known: '2026-05-11' (a day), '2026-05' (a month), '2026-Q2' (a quarter),
    '2026' (a year: stored on 1 January, never shown as that day); None as an em dash."""
    if value is None:
        return "—"
    if precision == "year":
        return f"{value.year}"
    if precision == "quarter":
        return f"{value.year}-Q{(value.month - 1) // 3 + 1}"
    if precision == "month":
        return f"{value.year}-{value.month:02d}"
    return day(value)


def moment(value: datetime | None) -> str:
    """A UTC timestamp to the minute: '2026-12-01 09:19 UTC'; None as an em dash."""
    if value is None:
        return "—"
    return f"{value:%Y-%m-%d %H:%M} UTC"


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """A count with its noun: '1 deal', '2 deals', '1,204 documents', '3 companies' (`plural` given)."""
    return f"{count:,} {noun if count == 1 else plural or noun + 's'}"


def deals(count: int) -> str:
    return counted(count, "deal")
