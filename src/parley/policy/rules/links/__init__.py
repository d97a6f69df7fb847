"""Rules about links: where they lead, how they are secured and labelled, and opt-out offers."""
