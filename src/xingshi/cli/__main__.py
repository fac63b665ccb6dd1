"""`python -m xingshi.cli`: the same as the `xingshi` command."""

from xingshi.cli import main

main()
