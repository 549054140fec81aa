"""Month names and their abbreviations, shared by the modules that must not read them as names."""

MONTHS = frozenset(
    "january february march april may june july august september october november december".split()
)
MONTH_ABBREVIATIONS = frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
