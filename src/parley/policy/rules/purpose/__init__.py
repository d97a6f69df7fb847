"""Rules about why a message is sent: only the reasons the guidelines permit."""
