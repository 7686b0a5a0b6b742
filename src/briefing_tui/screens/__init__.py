"""Screens of the briefing browser."""
