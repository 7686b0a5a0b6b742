"""Screens of the briefing browser: main, library, details, source, help, error, loading."""
