"""giamsat: monitoring and evaluation of Resolution 57 action plans."""
