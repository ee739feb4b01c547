"""Turning a CRM export (one row per closed-won deal) into dossier skeletons: mappings, rows, filling gaps."""
