"""Running a check over many files: the result cache, the worker pool, and one text form of a result."""
