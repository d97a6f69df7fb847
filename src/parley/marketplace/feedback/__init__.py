"""Feedback Manager: buyers rate sellers per order; sellers see their metrics and may ask for a
negative feedback to be struck through (marketplace-fulfilled orders, comment only about the
marketplace's delivery or customer service) or removed (obscene, personal information, entirely a
product review). Every request is decided, recorded with its steps, and counted: a seller whose
requests are mostly refused is throttled. Nothing here commits; callers do."""
