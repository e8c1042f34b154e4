"""Judging: plans and reports in, statuses, warnings and scores out. Pure Python, no Django."""
