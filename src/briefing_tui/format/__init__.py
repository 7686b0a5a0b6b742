"""The briefing/1 format: the model, the strict YAML reader, and the loader that checks a file.

`loader` runs the steps: `reading` (bytes, size cap, forbidden characters), `yamltree` (strict YAML
that keeps positions), `model` (pydantic), `messages` (its errors in plain English), `events` and
`evidence` (checks across the document). `problems` is what they all report; `quotes` is how evidence
is compared, shared with the source view; `invisible` is what text that shows nothing is; `suggest`
gives did-you-mean hints, shared with the config.

Never imports textual: `check`, scripts and tests use it without the UI.
"""
