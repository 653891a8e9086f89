"""Implementations of the CLI commands; `mockloop.cli` only parses and dispatches."""
