"""Rules about spelling and grammar."""
