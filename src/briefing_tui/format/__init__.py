"""The briefing/1 format: the model, the strict YAML reader, and the loader that checks a file.

Never imports textual: `check`, scripts and tests use it without the UI.
"""
