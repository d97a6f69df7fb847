"""Style: how a message looks (emoji, line breaks, alignment, margins, fonts)."""
