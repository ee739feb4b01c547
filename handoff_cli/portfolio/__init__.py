"""The portfolio view for a CS lead: metrics by segment and rep, failure patterns, CS-engagement advice."""
