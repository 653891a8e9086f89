"""The system design round's offline interviewer."""
