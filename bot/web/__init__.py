"""The citizens' web chat: a city-style page with the embeddable chat widget (see server.py, widget/)."""
