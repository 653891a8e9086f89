"""`python -m mockloop` runs the same entry point as the `mockloop` script."""

from mockloop.launcher import main

main()
