from foi.cli import main

main()
