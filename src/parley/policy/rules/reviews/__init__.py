"""Rules about review and feedback requests: how often, and how they are worded."""
