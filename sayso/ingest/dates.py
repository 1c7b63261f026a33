"""Publication dates as timezone-aware datetimes, whatever form the source gives.

Sources write dates as ISO 8601 strings of every precision: a day
(``2016-09-12``, PolNeAR), a time without zone (``2022-12-27T12:41:03``, many
pages) or a full timestamp (``2022-12-27T12:41:03-05:00``, WARC-Date). A date
or time without a zone is taken as UTC, so every ``Document.published`` can be
compared and stored the same way; a date the source does not say in a form we
can read is no date (``None``), never a reason to drop the article.

So is a date outside :data:`EARLIEST` .. :data:`LATEST`: dumps write
``0001-01-01`` or ``9999-12-31`` for "no date", and at the calendar's edges a
zone's shift (``0001-01-01T00:00:00+14:00``) carries the time out of what
Python, and so the stores, can hold at all.
"""

from __future__ import annotations

from datetime import datetime

from sayso.records import EARLIEST, LATEST, usable

__all__ = ["EARLIEST", "LATEST", "parse_date", "usable"]


def parse_date(value: object) -> datetime | None:
    """``value`` as an aware datetime: an ISO 8601 date or datetime string, naive taken as UTC.

    None when it is not such a string, or names a time outside the range kept (:func:`usable`).
    """
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return usable(parsed)
