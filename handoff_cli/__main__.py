from handoff_cli.cli import main

main()
