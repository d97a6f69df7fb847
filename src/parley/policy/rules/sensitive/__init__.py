"""Rules about sensitive content: offensive language, adult content, violence."""
