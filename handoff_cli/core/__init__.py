"""The ground floor that every package shares: findings, errors, vocabulary, field paths, SLA and render settings.

It imports nothing of handoff_cli, so any package may import it.
"""
