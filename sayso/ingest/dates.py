"""Publication dates as timezone-aware datetimes, whatever form the source gives.

Sources write dates as ISO 8601 strings of every precision: a day
(``2016-09-12``, PolNeAR), a time without zone (``2022-12-27T12:41:03``, many
pages) or a full timestamp (``2022-12-27T12:41:03-05:00``, WARC-Date). A date
or time without a zone is taken as UTC, so every ``Document.published`` can be
compared and stored the same way; a date the source does not say in a form we
can read is no date (``None``), never a reason to drop the article.
"""

from __future__ import annotations

from datetime import UTC, datetime


def parse_date(value: object) -> datetime | None:
    """``value`` as an aware datetime: an ISO 8601 date or datetime string, naive taken as UTC."""
    if not isinstance(value, str):
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=UTC)
