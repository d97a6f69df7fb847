"""Rules for messages from buyers to sellers: plain text only, and warnings about phishing."""
