"""Tests for the custom Korean NLU components in bot/nlu."""
