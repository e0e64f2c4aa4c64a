"""A cancel or postpone verb in another clause says nothing of the event (invented articles)."""

import pytest

from knowledge.models import EventStatus
from tests.knowledge.test_events import only_event


@pytest.mark.parametrize(
    ("text", "status"),
    [
        pytest.param(
            "The presidents of Chile and Peru cancelled the joint parade and said the summit "
            "would go ahead in Lima on Friday.",
            EventStatus.PLANNED,
            id="cancelled-something-else-and-said",
        ),
        pytest.param(
            "The presidents of Chile and Peru met on Monday in the hall where last year's "
            "summit was cancelled.",
            EventStatus.HELD,
            id="cancelled-where",
        ),
        pytest.param(
            "The summit of the presidents of Chile and Peru in Lima was cancelled on Monday.",
            EventStatus.CANCELLED,
            id="cancelled-itself",
        ),
    ],
)
def test_status(text: str, status: EventStatus) -> None:
    assert only_event(text).status is status
