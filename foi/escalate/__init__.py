"""Pushing back for a whole batch: chasers, internal reviews and complaints to the Commissioner.

The stages, each a module:

  plan.py       the next step the record supports for every request, with its dates explained
  arguments.py  which arguments fit the sections a force cited (and replies worded alike)
  drafts.py     the letters, from the `escalate-*` templates, as .txt and .eml, written safely
  pack.py       a complaint pack: the letter, a timeline from the event log, the correspondence
  send.py       sending them exactly once, recording `chased`, `internal-review`, `ico-complaint`

Nothing is imported here, so that `foi.tracking` and `foi.board` can use this package's small
modules without importing the rest.
"""
