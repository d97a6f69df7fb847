"""Alembic migrations; ``parley db upgrade`` runs them."""
