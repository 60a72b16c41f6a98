"""Draft typed entries of an event log from news articles, every field tied to its sentence."""
