"""Custom actions: thin rasa-sdk actions over the knowledge base (``knowledge/``), one module per concern."""
