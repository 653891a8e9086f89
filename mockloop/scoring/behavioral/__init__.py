"""The behavioral round's scoring: stories from the log, five scorers, and the Stories table."""
