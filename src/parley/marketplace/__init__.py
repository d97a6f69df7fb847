"""The marketplace domain: marketplaces, orders and their feeds, the buyer's timeline, notices."""
