"""Rules about the order a message belongs to: its ID, timing and language."""
