"""``python -m regiodocs``: the same command line as ``regiodocs``."""

from regiodocs.cli import main

main(prog_name="regiodocs")
