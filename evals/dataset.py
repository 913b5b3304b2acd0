"""The golden set's schema and loader: a malformed dataset is refused, naming the item."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from qa.errors import DatasetError
from qa.types import ChatTurn

DATA = Path(__file__).parent / "data"
GOLDEN = DATA / "golden.jsonl"
CALIBRATION = DATA / "calibration.jsonl"
Category = Literal[
    "single_fact", "multi_doc", "attribution", "disagreement", "false_premise",
    "paraphrase", "follow_up", "unanswerable",
]  # fmt: skip


class EvidenceSpan(BaseModel):
    model_config = ConfigDict(extra="forbid")
    doc_id: str
    start: int = Field(ge=0)
    end: int = Field(gt=0)
    quote: str = Field(description="Must equal the document's text[start:end].")


class GoldenItem(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(min_length=1)
    category: Category
    question: str = Field(min_length=1)
    history: list[ChatTurn] = Field(default_factory=list)
    answerable: bool
    reference_answer: str
    key_facts: list[list[str]] = Field(
        default_factory=list, description="Every fact must appear; any variant of a fact counts."
    )
    evidence: list[EvidenceSpan] = Field(default_factory=list)
    paraphrase_of: str | None = None

    @model_validator(mode="after")
    def _consistent(self) -> GoldenItem:
        if self.answerable and not (self.key_facts and self.evidence):
            raise ValueError("an answerable item needs key_facts and evidence")
        if not self.answerable and (self.key_facts or self.evidence):
            raise ValueError("an unanswerable item has no key_facts or evidence")
        if any(not variants or not all(v.strip() for v in variants) for variants in self.key_facts):
            raise ValueError("each key fact needs at least one non-empty variant")
        return self


class CalibrationPair(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    type: str
    claim: str
    evidence: str
    supported: bool
    doc_id: str


def _read_jsonl(path: Path) -> list[tuple[int, dict]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise DatasetError(f"cannot read the dataset {path}: {exc.strerror}") from exc
    rows = []
    for n, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            rows.append((n, json.loads(line)))
        except json.JSONDecodeError as exc:
            raise DatasetError(f"{path}:{n}: not valid JSON ({exc.msg})") from exc
    return rows


def load_golden(path: Path = GOLDEN, documents: dict[str, str] | None = None) -> list[GoldenItem]:
    """Parse and check every item; with `documents`, every span must quote its text exactly."""
    items: list[GoldenItem] = []
    seen: set[str] = set()
    for n, row in _read_jsonl(path):
        name = row.get("id", f"line {n}") if isinstance(row, dict) else f"line {n}"
        try:
            item = GoldenItem.model_validate(row)
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(map(str, e['loc'])) or 'item'}: {e['msg']}" for e in exc.errors()
            )
            raise DatasetError(f"{path}:{n}: item {name!r} is malformed: {problems}") from exc
        if item.id in seen:
            raise DatasetError(f"{path}:{n}: item id {item.id!r} appears twice")
        seen.add(item.id)
        if documents is not None:
            for span in item.evidence:
                text = documents.get(span.doc_id)
                if text is None:
                    raise DatasetError(
                        f"{path}:{n}: item {item.id!r} cites unknown document {span.doc_id!r}"
                    )
                if text[span.start : span.end] != span.quote:
                    raise DatasetError(
                        f"{path}:{n}: item {item.id!r}: {span.doc_id}[{span.start}:{span.end}] does not equal its quote"
                    )
        items.append(item)
    ids = {i.id for i in items}
    for item in items:
        if item.paraphrase_of and item.paraphrase_of not in ids:
            raise DatasetError(
                f"item {item.id!r} is a paraphrase of unknown item {item.paraphrase_of!r}"
            )
    if not items:
        raise DatasetError(f"{path} has no items")
    return items


def load_calibration(path: Path = CALIBRATION) -> list[CalibrationPair]:
    pairs = []
    for n, row in _read_jsonl(path):
        try:
            pairs.append(CalibrationPair.model_validate(row))
        except ValidationError as exc:
            raise DatasetError(
                f"{path}:{n}: calibration pair is malformed: {exc.errors()[0]['msg']}"
            ) from exc
    return pairs
