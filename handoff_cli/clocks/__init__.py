"""The handoff's clocks: what must happen by when after signature, and where each deal stands."""
