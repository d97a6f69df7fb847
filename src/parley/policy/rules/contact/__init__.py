"""Rules about contact details that would take the conversation off the marketplace."""
