"""Workflow states and status vocabularies shared by the engines and the apps.

Values are stable identifiers stored in the database and the API; the
Vietnamese labels are what users see.
"""

from __future__ import annotations

from enum import StrEnum


class SubmissionState(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    APPROVED = "approved"


SUBMISSION_STATE_LABELS: dict[SubmissionState, str] = {
    SubmissionState.DRAFT: "Bản nháp",
    SubmissionState.SUBMITTED: "Đã gửi",
    SubmissionState.RETURNED: "Bị trả lại",
    SubmissionState.APPROVED: "Đã phê duyệt",
}


class ReportedTaskState(StrEnum):
    """What a unit says about a task in its report."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    COMPLETED_LATE = "completed_late"
    SUSPENDED = "suspended"


REPORTED_TASK_STATE_LABELS: dict[ReportedTaskState, str] = {
    ReportedTaskState.NOT_STARTED: "Chưa triển khai",
    ReportedTaskState.IN_PROGRESS: "Đang thực hiện",
    ReportedTaskState.COMPLETED: "Đã hoàn thành",
    ReportedTaskState.COMPLETED_LATE: "Hoàn thành quá hạn",
    ReportedTaskState.SUSPENDED: "Tạm dừng",
}


class TaskStatus(StrEnum):
    """The evaluator's judgement, in the Government's taxonomy for assigned tasks."""

    COMPLETED_ON_TIME = "completed_on_time"
    COMPLETED_LATE = "completed_late"
    IN_PROGRESS_ON_TIME = "in_progress_on_time"
    IN_PROGRESS_OVERDUE = "in_progress_overdue"
    NOT_STARTED_ON_TIME = "not_started_on_time"
    NOT_STARTED_OVERDUE = "not_started_overdue"
    AT_RISK = "at_risk"
    SUSPENDED = "suspended"
    NOT_REPORTED = "not_reported"


TASK_STATUS_LABELS: dict[TaskStatus, str] = {
    TaskStatus.COMPLETED_ON_TIME: "Hoàn thành đúng hạn",
    TaskStatus.COMPLETED_LATE: "Hoàn thành quá hạn",
    TaskStatus.IN_PROGRESS_ON_TIME: "Đang thực hiện trong hạn",
    TaskStatus.IN_PROGRESS_OVERDUE: "Đang thực hiện quá hạn",
    TaskStatus.NOT_STARTED_ON_TIME: "Chưa triển khai, trong hạn",
    TaskStatus.NOT_STARTED_OVERDUE: "Chưa triển khai, quá hạn",
    TaskStatus.AT_RISK: "Có nguy cơ chậm",
    TaskStatus.SUSPENDED: "Tạm dừng",
    TaskStatus.NOT_REPORTED: "Chưa báo cáo",
}


class TargetStatus(StrEnum):
    ACHIEVED = "achieved"
    ON_TRACK = "on_track"
    AT_RISK = "at_risk"
    OFF_TRACK = "off_track"
    NO_DATA = "no_data"


TARGET_STATUS_LABELS: dict[TargetStatus, str] = {
    TargetStatus.ACHIEVED: "Đã đạt",
    TargetStatus.ON_TRACK: "Đúng lộ trình",
    TargetStatus.AT_RISK: "Có nguy cơ không đạt",
    TargetStatus.OFF_TRACK: "Chệch lộ trình",
    TargetStatus.NO_DATA: "Chưa có số liệu",
}


class Comparator(StrEnum):
    GE = ">="
    GT = ">"
    LE = "<="
    LT = "<"
    EQ = "="
    RANGE = "range"
    RANK_TOP = "rank_top"
    TEXT = "text"


class Direction(StrEnum):
    HIGHER_IS_BETTER = "higher"
    LOWER_IS_BETTER = "lower"


class Frequency(StrEnum):
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    SEMIANNUAL = "semiannual"
    NINE_MONTHS = "nine_months"
    ANNUAL = "annual"


FREQUENCY_LABELS: dict[Frequency, str] = {
    Frequency.MONTHLY: "Hằng tháng",
    Frequency.QUARTERLY: "Hằng quý",
    Frequency.SEMIANNUAL: "6 tháng",
    Frequency.NINE_MONTHS: "9 tháng",
    Frequency.ANNUAL: "Hằng năm",
}
