"""What to read from the store: :class:`IncidentQuery`, the one set of incident filters that the API's lists,
aggregates and exports and ``incidex export`` all take."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Sort = Literal["date", "-date", "killed", "-killed", "type", "country", "reports", "-reports"]
IncidentRole = Literal["main", "background"]
TimeUnit = Literal["day", "week", "month", "year"]  # the bins of a timeline


@dataclass(frozen=True)
class IncidentQuery:
    """Which merged incidents to read; dates are already first/last days (ISO), values already checked
    (:mod:`incidex.store.filters`).

    ``types``, ``countries`` and ``actors`` match any one of their values (an empty tuple: no filter); the other
    filters must all hold. ``date_from``/``date_to`` bound the event date, ``reported_from``/``reported_to`` the days
    its reports were published; ``dated`` leaves out incidents without an event date; ``role`` ``main``: some report
    tells it as its main event, ``background``: only recalled. ``bbox`` is (min lon, min lat, max lon, max lat).
    """

    types: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    admin1: str | None = None
    actors: tuple[str, ...] = ()
    source: str | None = None
    q: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    reported_from: str | None = None
    reported_to: str | None = None
    min_killed: int | None = None
    dated: bool = False
    bbox: tuple[float, float, float, float] | None = None
    role: IncidentRole | None = None

    def link_testable(self) -> bool:
        """Whether search links can test every filter besides the searches (they hold type, country and dates)."""
        return not (self.admin1 or self.bbox or self.role or self.min_killed is not None or self.reported_from
                    or self.reported_to)

    def only_event_dates(self) -> bool:
        """Whether the event date window is the only filter (``dated`` is implied by a window)."""
        return not (self.types or self.countries or self.admin1 or self.actors or self.source or self.q
                    or self.bbox or self.role or self.min_killed is not None or self.reported_from
                    or self.reported_to)
