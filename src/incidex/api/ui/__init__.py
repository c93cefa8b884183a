"""The analyst web UI: static pages and assets served by :mod:`incidex.api.ui.routes`."""
