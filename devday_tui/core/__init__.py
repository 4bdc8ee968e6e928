"""Pure domain logic: notes, sections, cards, WIP detection, card identity, scheduling and the review queue.

Nothing in this package imports Textual or TinyDB, and nothing reads the clock: callers pass ``now``.
"""
