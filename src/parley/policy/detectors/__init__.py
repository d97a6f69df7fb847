"""Shared detectors: the hard parsing behind the rules, each tested on its own."""
