"""Whether two stated values report the same figure: the agreement rules of facts.

* numbers agree when they differ by at most 2% (rounding: "2,500" vs "2,480"), whatever
  bound they carry: "at least 84" and "95" are different reported figures, a conflict an
  analyst must see, even though both could be true;
* a sum, share or count of things also agrees with a figure it rounds to its last written
  digit, up to 5%: "£1.3bn" is "£1.35bn" rounded, not another offer (but "3,000" is not
  "2,600"). Counts of people (dead, wounded, missing) are held to 2%: "100" and "104" dead
  are two tolls;
* a range ("25,000 to 30,000 jobs") agrees with a figure inside it and with a range it
  overlaps (2% at the edges): the sources do not contradict each other. Being wide, a
  range only meets statements of its own fact, never another wording by agreement alone
  ("2-3% target range" is not "growth predicted 2%");
* an approximate hedge ("about", "around", "some", "roughly") allows 10% around its
  value and "nearly" 10% below it ("about 2,500" and "2,500" agree);
* dates agree when one is a prefix of the other ("2025" and "2025-09").
"""

from __future__ import annotations

from decimal import Decimal

__all__ = ["APPROXIMATE", "compatible"]

APPROXIMATE = frozenset({"about", "around", "approximately", "roughly", "some", "circa"})


def compatible(
    a: object,
    ha: str | None,
    b: object,
    hb: str | None,
    low_a: float | None = None,
    low_b: float | None = None,
    rounded: bool = False,
) -> bool:
    """Whether two stated values (with hedges, and lower bounds when they are ranges)
    report the same figure (module docstring); ``rounded``: a figure may be the other
    rounded to its last written digit."""
    if isinstance(a, str) or isinstance(b, str):
        sa, sb = str(a), str(b)
        return sa.startswith(sb) or sb.startswith(sa)
    x, y = float(a), float(b)  # type: ignore[arg-type]
    if low_a is not None or low_b is not None:  # ranges: they agree when they meet
        lo_x, lo_y = (x if low_a is None else low_a), (y if low_b is None else low_b)
        return lo_x <= y * 1.02 and lo_y <= x * 1.02
    if ha in APPROXIMATE or hb in APPROXIMATE:
        return abs(x - y) <= 0.1 * max(x, y)
    if ha == "nearly" or hb == "nearly":
        stated, other = (x, y) if ha == "nearly" else (y, x)
        return stated * 0.9 <= other <= stated * 1.02
    coarser = max(_rounding(x), _rounding(y)) if rounded else 0.0  # the rounded one's
    tolerance = max(0.02 * max(x, y), min(coarser, 0.05 * max(x, y)))
    return abs(x - y) <= tolerance


def _rounding(value: float) -> float:
    """Half a unit of the last significant digit of ``value`` as written ("1.3bn": 0.05bn,
    "2,500": 50, "28.1": 0.05): how far the exact figure may lie from a rounded one."""
    exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
    return 0.5 * 10.0 ** int(exponent)
