"""The completeness gate: rules applied per segment, scoring, waivers, copied text, and a dossier's score over time."""
