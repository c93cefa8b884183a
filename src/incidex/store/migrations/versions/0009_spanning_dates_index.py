"""An index of the incidents whose date spans more than a day (a month, a year), for counting date windows.

A window [A, B] holds every incident starting within it, plus those starting before A whose date reaches A: the
first part is a range of the date index, the second a range of this small partial index (see
``api.queries._window_count``), instead of scanning the window and the MAX_DATE_SPAN before it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009_spanning_dates_index"
down_revision = "0008_search_links_at_insert"
branch_labels = None
depends_on = None

NAME = "ix_incidents_spanning"
SPANNING = sa.text("date_to > date_from")


def upgrade() -> None:
    op.create_index(NAME, "incidents", ["date_from", "date_to"], sqlite_where=SPANNING, postgresql_where=SPANNING)


def downgrade() -> None:
    op.drop_index(NAME, table_name="incidents")
