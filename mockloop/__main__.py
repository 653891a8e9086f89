"""`python -m mockloop` runs the same CLI as the `mockloop` script."""

from mockloop.cli import main

main()
