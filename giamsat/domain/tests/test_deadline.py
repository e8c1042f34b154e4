from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from giamsat.domain.deadline import DeadlineKind, DeadlineSpec, Recurrence

specs = st.one_of(
    st.builds(DeadlineSpec.on, st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 12, 31)), st.text()),
    st.builds(DeadlineSpec.in_month, st.integers(2000, 2100), st.integers(1, 12), st.text()),
    st.builds(DeadlineSpec.in_quarter, st.integers(2000, 2100), st.integers(1, 4), st.text()),
    st.builds(DeadlineSpec.in_half, st.integers(2000, 2100), st.integers(1, 2), st.text()),
    st.builds(DeadlineSpec.in_year, st.integers(2000, 2100), st.text()),
    st.builds(DeadlineSpec.every, st.sampled_from(list(Recurrence)), st.text()),
    st.builds(DeadlineSpec.continuous, st.text()),
    st.builds(DeadlineSpec.when, st.text(min_size=1), st.text()),
    st.builds(DeadlineSpec.unknown, st.text()),
)


@given(specs)
def test_a_deadline_spec_round_trips_through_its_dict(spec: DeadlineSpec) -> None:
    assert DeadlineSpec.from_dict(spec.to_dict()) == spec
    assert hash(DeadlineSpec.from_dict(spec.to_dict())) == hash(spec)


def test_quarters_end_on_the_last_day_including_leap_years() -> None:
    assert DeadlineSpec.in_quarter(2026, 1).due_date == dt.date(2026, 3, 31)
    assert DeadlineSpec.in_month(2028, 2).due_date == dt.date(2028, 2, 29)
    assert DeadlineSpec.in_month(2027, 2).due_date == dt.date(2027, 2, 28)
    assert DeadlineSpec.in_half(2025, 2).due_date == dt.date(2025, 12, 31)


def test_only_one_off_deadlines_have_a_due_date() -> None:
    assert DeadlineSpec.every(Recurrence.MONTHLY).due_date is None
    assert DeadlineSpec.continuous().due_date is None
    assert DeadlineSpec.when("Ngay khi Trung ương ban hành hướng dẫn").kind == DeadlineKind.CONDITIONAL
    assert DeadlineSpec.when("x").due_date is None
    assert DeadlineSpec.between_years(2025, 2027).due_date == dt.date(2027, 12, 31)
