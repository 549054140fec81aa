"""Numbers in text: values, units, bounds, ranges, directions, numbers in words and dates."""

from factcheck.quantities.finder import find_quantities, parse_number

__all__ = ["find_quantities", "parse_number"]
