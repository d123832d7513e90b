"""The record (schema ``newsledger.record/1``): what one article yields, as plain dataclasses.

Every value that came from the text carries a :class:`Span` whose ``text`` equals
``record.text[start:end]`` (Python ``str`` indices, end exclusive). ``Record.verify()`` checks that,
``Record.validate()`` checks the JSON Schema shipped beside this module.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from functools import lru_cache
from importlib import resources
from typing import Any

from .errors import RecordError

SCHEMA_ID = "newsledger.record/1"

BLOCK_KINDS = ("title", "dek", "byline", "caption", "body", "credit", "boilerplate", "dateline")
QUOTE_KINDS = ("direct", "partial", "indirect", "according_to")
APPROX = ("exact", "about", "more_than", "at_least", "less_than", "up_to", "range", "vague")
METRICS = (
    "killed", "injured", "dead_bodies", "missing", "hostages_held", "hostages_released",
    "hostages_rescued", "abducted", "prisoners_released", "displaced", "evacuated", "arrested",
    "aid_trucks", "weapons", "troops", "other",
)
TIME_TYPES = ("DATE", "TIME", "DURATION", "SET")
TIME_MODS = ("START", "END", "MID", "APPROX", "BEFORE", "AFTER", "ON_OR_AFTER", "ON_OR_BEFORE",
             "MORE_THAN", "LESS_THAN", "EQUAL_OR_MORE", "EQUAL_OR_LESS")
SOURCE_ROLES = ("cited", "wire_credit", "photo_credit", "byline")


@dataclass(frozen=True)
class Span:
    """A piece of ``record.text``: ``text == record.text[start:end]``."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """The span of ``text[start:end]``, so that the invariant holds by construction."""
        return cls(start, end, text[start:end])

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Span:
        return cls(int(d["start"]), int(d["end"]), str(d["text"]))


def _span_or_none(d: dict[str, Any] | None) -> Span | None:
    return None if d is None else Span.from_dict(d)


@dataclass
class Block:
    """A layout block: a line or paragraph of the text with its role on the page."""

    kind: str
    start: int
    end: int
    duplicate_of: int | None = None  # index of the block this one repeats verbatim (captions)

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "start": self.start, "end": self.end,
                "duplicate_of": self.duplicate_of}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Block:
        return cls(d["kind"], int(d["start"]), int(d["end"]), d.get("duplicate_of"))


@dataclass
class Speaker:
    """Who: the mention as written where the attribution is made, and the canonical name."""

    mention: Span | None = None
    name: str | None = None
    # Set only when the attribution is inferred rather than read in the clause (a figure's
    # claimant taken from the article's other attribution of the same series); written only
    # when set, so records without inferences are unchanged.
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"mention": self.mention.to_dict() if self.mention else None,
                             "name": self.name}
        if self.confidence is not None:
            d["confidence"] = self.confidence
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any] | None) -> Speaker:
        d = d or {}
        return cls(_span_or_none(d.get("mention")), d.get("name"), d.get("confidence"))


@dataclass
class Quote:
    kind: str
    content: Span
    cue: Span | None = None
    speaker: Speaker = field(default_factory=Speaker)
    confidence: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "content": self.content.to_dict(),
                "cue": self.cue.to_dict() if self.cue else None,
                "speaker": self.speaker.to_dict(), "confidence": self.confidence}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Quote:
        return cls(d["kind"], Span.from_dict(d["content"]), _span_or_none(d.get("cue")),
                   Speaker.from_dict(d.get("speaker")), d.get("confidence"))


@dataclass
class Figure:
    span: Span
    value: float | None
    low: float | None = None
    high: float | None = None
    approx: str = "exact"
    unit: str | None = None
    counts: str | None = None
    metric: str = "other"
    claimant: Speaker | None = None
    hedges: list[Span] = field(default_factory=list)
    as_of: str | None = None
    place: str | None = None
    cumulative: bool | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"span": self.span.to_dict(), "value": self.value, "low": self.low,
                "high": self.high, "approx": self.approx, "unit": self.unit,
                "counts": self.counts, "metric": self.metric,
                "claimant": self.claimant.to_dict() if self.claimant else None,
                "hedges": [h.to_dict() for h in self.hedges], "as_of": self.as_of,
                "place": self.place, "cumulative": self.cumulative}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Figure:
        claimant = d.get("claimant")
        return cls(Span.from_dict(d["span"]), d.get("value"), d.get("low"), d.get("high"),
                   d.get("approx", "exact"), d.get("unit"), d.get("counts"),
                   d.get("metric", "other"),
                   Speaker.from_dict(claimant) if claimant is not None else None,
                   [Span.from_dict(h) for h in d.get("hedges", [])], d.get("as_of"),
                   d.get("place"), d.get("cumulative"))


@dataclass
class TimeExpr:
    span: Span
    type: str
    value: str | None
    mod: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"span": self.span.to_dict(), "type": self.type, "value": self.value,
                "mod": self.mod}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> TimeExpr:
        return cls(Span.from_dict(d["span"]), d["type"], d.get("value"), d.get("mod"))


@dataclass
class Source:
    span: Span
    name: str
    role: str

    def to_dict(self) -> dict[str, Any]:
        return {"span": self.span.to_dict(), "name": self.name, "role": self.role}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Source:
        return cls(Span.from_dict(d["span"]), d["name"], d["role"])


@dataclass
class Entity:
    span: Span
    label: str
    name: str

    def to_dict(self) -> dict[str, Any]:
        return {"span": self.span.to_dict(), "label": self.label, "name": self.name}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Entity:
        return cls(Span.from_dict(d["span"]), d["label"], d["name"])


@dataclass
class Check:
    kind: str
    holds: bool
    figures: list[int] = field(default_factory=list)
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Check:
        return cls(d["kind"], bool(d["holds"]), [int(i) for i in d.get("figures", [])],
                   d.get("note", ""))


@dataclass
class ErrorEntry:
    """Why (part of) a record could not be made. ``line`` is the batch line, when there is one."""

    stage: str
    message: str
    line: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ErrorEntry:
        return cls(d.get("stage", "unknown"), d.get("message", ""), d.get("line"))


@dataclass
class Record:
    """Everything found in one article. A record that could not be made has ``errors`` filled."""

    id: str
    text: str = ""
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    title: str | None = None
    byline: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    sources: list[Source] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    errors: list[ErrorEntry] = field(default_factory=list)
    extractors: list[str] = field(default_factory=list)
    schema: str = SCHEMA_ID

    _LISTS = {"blocks": Block, "quotes": Quote, "figures": Figure, "times": TimeExpr,
              "sources": Source, "entities": Entity, "checks": Check, "errors": ErrorEntry}

    @property
    def failed(self) -> bool:
        """True for a record that could not be made at all (no text; ``errors`` say why).
        A made record may still carry errors (e.g. no publication date to resolve times)."""
        return not self.text and bool(self.errors)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"schema": self.schema}
        for f in fields(self):
            if f.name == "schema":
                continue
            value = getattr(self, f.name)
            if f.name in self._LISTS:
                value = [item.to_dict() for item in value]
            elif isinstance(value, list):
                value = list(value)
            out[f.name] = value
        return out

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Record:
        if d.get("schema", SCHEMA_ID) != SCHEMA_ID:
            raise RecordError(
                f"Expected a record of schema {SCHEMA_ID!r}, found {d.get('schema')!r}. "
                "Re-extract the article with this version of newsledger.")
        kwargs: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in d:
                continue
            if f.name in cls._LISTS:
                kwargs[f.name] = [cls._LISTS[f.name].from_dict(x) for x in d[f.name]]
            else:
                kwargs[f.name] = d[f.name]
        return cls(**kwargs)

    @classmethod
    def from_error(cls, id: str, stage: str, message: str, line: int | None = None,
               **meta: Any) -> Record:
        """A record for an article that could not be processed: empty, with the reason."""
        known = {k: v for k, v in meta.items() if k in {"url", "outlet", "published", "title"}}
        return cls(id=id, errors=[ErrorEntry(stage, message, line)], **known)

    def spans(self) -> list[tuple[str, Span]]:
        """Every span in the record, with a path naming where it sits (for error messages)."""
        out: list[tuple[str, Span]] = []
        for i, q in enumerate(self.quotes):
            out.append((f"quotes[{i}].content", q.content))
            if q.cue:
                out.append((f"quotes[{i}].cue", q.cue))
            if q.speaker.mention:
                out.append((f"quotes[{i}].speaker.mention", q.speaker.mention))
        for i, fg in enumerate(self.figures):
            out.append((f"figures[{i}].span", fg.span))
            if fg.claimant and fg.claimant.mention:
                out.append((f"figures[{i}].claimant.mention", fg.claimant.mention))
            out.extend((f"figures[{i}].hedges[{j}]", h) for j, h in enumerate(fg.hedges))
        for name in ("times", "sources", "entities"):
            out.extend((f"{name}[{i}].span", x.span) for i, x in enumerate(getattr(self, name)))
        return out

    def verify(self) -> None:
        """Raise :class:`RecordError` unless every span and block lies in ``text`` as stated."""
        n = len(self.text)
        problems = []
        for path, span in self.spans():
            if not (0 <= span.start <= span.end <= n) or self.text[span.start:span.end] != span.text:
                problems.append(f"{path}: {span.text!r} is not text[{span.start}:{span.end}]")
        for i, b in enumerate(self.blocks):
            if not (0 <= b.start <= b.end <= n):
                problems.append(f"blocks[{i}]: {b.start}..{b.end} outside text of length {n}")
        for i, c in enumerate(self.checks):
            bad = [j for j in c.figures if not 0 <= j < len(self.figures)]
            if bad:
                problems.append(f"checks[{i}]: figure indices {bad} out of range")
        if problems:
            raise RecordError(f"Record {self.id!r} has {len(problems)} bad span(s): "
                              + "; ".join(problems[:5]))

    def validate(self) -> None:
        """Raise :class:`RecordError` unless ``to_dict()`` satisfies the shipped JSON Schema."""
        import jsonschema

        try:
            jsonschema.validate(self.to_dict(), json_schema())
        except jsonschema.ValidationError as exc:
            path = "/".join(str(p) for p in exc.absolute_path)
            raise RecordError(f"Record {self.id!r} breaks the schema at {path or '/'}: "
                              f"{exc.message}") from exc


@lru_cache(maxsize=1)
def json_schema() -> dict[str, Any]:
    """The JSON Schema of ``newsledger.record/1``, shipped as ``record.schema.json``."""
    text = resources.files("newsledger").joinpath("record.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
