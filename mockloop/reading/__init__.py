"""Reading what the candidate says and writes: one module both the interviewer and the
scorer use (messages and their labels, complexity claims in normal form, code read with
`ast`), so the two never disagree about what happened."""
