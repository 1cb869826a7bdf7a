"""One amount of money found in text."""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple


class Money(NamedTuple):
    """One amount found in text. `value` is in units of `currency` (None when the text names none).

    A named tuple rather than a frozen dataclass: a page of figures makes hundreds of thousands of them,
    and a frozen dataclass costs several times as much to build.
    """

    value: Decimal
    currency: str | None
    is_floor: bool
    text: str
    start: int = 0
    end: int = 0
    is_ceiling: bool = False
    """An upper bound ('up to $300 million'), as `is_floor` is a lower one."""
