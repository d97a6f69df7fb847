"""Rules about images in a message: tracking pixels, security, alt text, animation, size and content."""
