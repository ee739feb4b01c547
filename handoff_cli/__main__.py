from handoff_cli.entry import main

main()
