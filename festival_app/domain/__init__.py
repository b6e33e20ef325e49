"""The festival's records and rules, in plain Python (no I/O, no Qt)."""
