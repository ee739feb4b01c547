"""The ground floor that every package shares: findings, errors, vocabulary, field paths, SLA settings.

It imports nothing of handoff_cli, so any package may import it.
"""
