"""The ``incidex`` command line: one module per command, wired together in :mod:`incidex.cli.main`."""
