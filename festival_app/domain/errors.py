"""Problems with a record, each naming the field it concerns."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from festival_app.domain.korean import attach_particles
from festival_app.i18n import translate

CONTEXT = "Validation"
FIELD_CONTEXT = "Field"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one field of a record.

    `template` is the English source of a translatable sentence with `{named}` slots.
    """

    field: str
    template: str
    params: Mapping[str, object] = dataclasses.field(default_factory=dict)

    def message(self) -> str:
        # Field names arrive as English sources marked in the "Field" context.
        params = {
            key: translate(FIELD_CONTEXT, str(value)) if key.endswith("label") else value
            for key, value in self.params.items()
        }
        return attach_particles(translate(CONTEXT, self.template).format(**params))

    def __str__(self) -> str:
        return self.message()


class ValidationError(ValueError):
    """A record broke one or more rules; nothing was written."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(p.message() for p in self.problems))

    def for_field(self, name: str) -> list[Problem]:
        return [p for p in self.problems if p.field == name]


def raise_if(problems: list[Problem]) -> None:
    if problems:
        raise ValidationError(problems)
