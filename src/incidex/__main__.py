"""``python -m incidex`` runs the command line."""

from .cli.main import main

main()
