"""Reading a public body's reply: the stages of :func:`foi.mail.classify.classify` and their vocabulary.

Pure functions of a reply's text (no database, no clock, no network). The public entry stays
:mod:`foi.mail.classify`; nothing outside foi/mail needs these modules except tests and benches.
"""
