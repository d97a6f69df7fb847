"""Rules about payments: money changes hands only through the marketplace."""
