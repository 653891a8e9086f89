"""The system design round's scorers and report."""
