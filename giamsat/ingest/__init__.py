"""Reading plans: documents in, structured plans out. Pure Python, no Django."""
