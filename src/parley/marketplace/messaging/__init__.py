"""Permitted messages end to end: eligibility, templates, sending, enforcement and delivery."""
