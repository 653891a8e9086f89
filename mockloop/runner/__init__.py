"""Runs candidate code against a problem's hidden tests in a confined child interpreter."""
