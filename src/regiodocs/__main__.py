"""``python -m regiodocs``: the same command line as ``regiodocs``."""

from regiodocs.entry import main

main(prog_name="regiodocs")
