"""The figures pipeline: a returned file -> every number in its tables, with all its labels.

Stages, each a module importing only the earlier ones: `reading` (files -> grids), `layout`
(a grid -> its tables' structure), `coding` (labels -> known dimensions, codes, dates, units),
`rows` (grid + layout + coding -> observations), `storing` (observations -> SQLite).
"""
