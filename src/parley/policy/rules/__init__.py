"""Rule modules, one per rule, grouped by family; discovered by ``parley.policy.registry``."""
