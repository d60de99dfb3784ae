"""Seoul job & labour assistant: custom Rasa code."""
