"""Interviewers: the offline persona engine and the LLM interviewer, behind one interface.

Importing this package never imports litellm.
"""
