"""The files a command is given, and git: file listing, changed files, history, other dossiers."""
