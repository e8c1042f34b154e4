"""The typed intermediate a parsed plan becomes before anyone stores it.

`ParsedPlan.to_json()` is the contract the importer and the CLI rely on; extra keys
per item (`source`, `confidence`, `raw`, `no`) are additions the importer keeps.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from giamsat.domain.deadline import DeadlineSpec


@dataclass(frozen=True)
class SourceSpan:
    """Lines (1-based, inclusive) in the cleaned text (`basis="clean"`) or a table (`"table"`)."""

    start_line: int
    end_line: int
    basis: str = "clean"

    def to_json(self) -> dict[str, Any]:
        return {"start_line": self.start_line, "end_line": self.end_line, "basis": self.basis}


@dataclass
class DocumentMeta:
    issuer: str | None = None
    number: str | None = None
    date: str | None = None
    doc_type: str | None = None
    title: str | None = None
    parents: list[str] = field(default_factory=list)
    replaces: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"issuer": self.issuer, "number": self.number, "date": self.date,
                "doc_type": self.doc_type, "title": self.title,
                "parents": list(self.parents), "replaces": list(self.replaces)}


@dataclass
class Target:
    name: str
    value: str | None = None
    comparator: str = "text"
    unit: str | None = None
    year: int | None = None
    lead: str | None = None
    milestones: dict[str, str] = field(default_factory=dict)
    source: SourceSpan | None = None
    confidence: float = 0.5
    raw: str = ""
    no: str | None = None
    lead_code: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "unit": self.unit, "value": self.value,
                "comparator": self.comparator, "year": self.year, "lead": self.lead,
                "milestones": dict(self.milestones) if self.milestones else None,
                "no": self.no, "lead_code": self.lead_code,
                "source": self.source.to_json() if self.source else None,
                "confidence": round(self.confidence, 2), "raw": self.raw}


@dataclass
class Task:
    name: str
    group: str | None = None
    lead: str | None = None
    coordinators: list[str] = field(default_factory=list)
    output: str | None = None
    deadline_text: str | None = None
    deadline: DeadlineSpec | None = None
    source: SourceSpan | None = None
    confidence: float = 0.5
    no: str | None = None
    lead_code: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"group": self.group, "name": self.name, "lead": self.lead,
                "coordinators": list(self.coordinators), "output": self.output,
                "deadline_text": self.deadline_text,
                "deadline": self.deadline.to_dict() if self.deadline else None,
                "no": self.no, "lead_code": self.lead_code,
                "source": self.source.to_json() if self.source else None,
                "confidence": round(self.confidence, 2)}


@dataclass
class Assignment:
    org: str
    duties: str
    org_code: str | None = None
    source: SourceSpan | None = None
    confidence: float = 0.6

    def to_json(self) -> dict[str, Any]:
        return {"org": self.org, "duties": self.duties, "org_code": self.org_code,
                "source": self.source.to_json() if self.source else None,
                "confidence": round(self.confidence, 2)}


@dataclass
class ReportingRegime:
    frequencies: list[str] = field(default_factory=list)
    due_day: int | None = None
    source: SourceSpan | None = None

    def to_json(self) -> dict[str, Any]:
        return {"frequencies": list(self.frequencies), "due_day": self.due_day,
                "source": self.source.to_json() if self.source else None}


@dataclass
class ParsedPlan:
    document: DocumentMeta = field(default_factory=DocumentMeta)
    targets: list[Target] = field(default_factory=list)
    tasks: list[Task] = field(default_factory=list)
    assignments: list[Assignment] = field(default_factory=list)
    reporting: ReportingRegime = field(default_factory=ReportingRegime)
    warnings: list[str] = field(default_factory=list)
    input_kind: str = "text"
    raw_text: str = ""
    clean_text: str = ""
    restored_text: str = ""
    timings: dict[str, float] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"document": self.document.to_json(),
                "targets": [t.to_json() for t in self.targets],
                "tasks": [t.to_json() for t in self.tasks],
                "assignments": [a.to_json() for a in self.assignments],
                "reporting": self.reporting.to_json(),
                "warnings": list(self.warnings)}
