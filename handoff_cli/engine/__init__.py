"""Running a check over many files: which files, git, the result cache and the worker pool."""
