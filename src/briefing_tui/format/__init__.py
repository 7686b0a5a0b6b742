"""The briefing/1 format: the model, the strict YAML reader, and the loader that checks a file.

`loader` runs the steps: `reading` (bytes, size cap, forbidden characters); the fast path,
`yamlvalues` (a good file's values, no positions); `validate` (the format's checks, written once, over
`kinds`, making `model`'s dataclasses); and, only when one of them finds something, the slow path:
`yamltree` (strict YAML that keeps positions), `messages` (the errors in plain English), `events` and
`evidence` (checks across the document). `problems` is what they all report; `schema` is the JSON
Schema; `quotes` is how evidence is compared, shared with the source view; `invisible` is what text
that shows nothing is; `suggest` gives did-you-mean hints, shared with the config.

Never imports textual: `check`, scripts and tests use it without the UI.
"""
