"""Rule examples per language, as data: see ``parley.policy.example_data``."""
