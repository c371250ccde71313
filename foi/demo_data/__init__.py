"""Sample replies for `foi demo`, made by make_samples.py (see there)."""
