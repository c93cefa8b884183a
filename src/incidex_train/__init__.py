"""Training of incidex's learned components (used by ``incidex train``)."""
