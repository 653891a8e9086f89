"""Self-contained widgets of the interview screen; they render what they are given and post
past-tense messages, never touching the session themselves."""
