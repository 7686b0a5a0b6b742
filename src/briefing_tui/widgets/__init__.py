"""Widgets of the briefing browser."""
