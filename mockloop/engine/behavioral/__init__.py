"""The behavioral round's offline interviewer: plans the questions and probes each story."""
