"""Rules about files attached to a message."""
