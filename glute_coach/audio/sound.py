"""A decoded sound ready for the mixer, and the volume categories sounds belong to."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

import numpy as np
import numpy.typing as npt

Samples = npt.NDArray[np.float32]


class Category(StrEnum):
    """Each category has its own volume; the user sets them independently."""

    VOICE = "voice"
    BEEPS = "beeps"
    FEEDBACK = "feedback"
    MUSIC = "music"


CATEGORY_INDEX: dict[Category, int] = {c: i for i, c in enumerate(Category)}


@dataclass(frozen=True, eq=False)
class Sound:
    """Mono float32 samples at ``rate``; read-only so the audio thread can share them safely."""

    name: str
    samples: Samples
    rate: int

    def __post_init__(self) -> None:
        if self.samples.ndim != 1 or self.samples.dtype != np.float32:
            raise ValueError("a Sound holds mono float32 samples")
        if self.samples.size == 0:
            raise ValueError("a Sound cannot be empty")
        self.samples.flags.writeable = False

    @property
    def frames(self) -> int:
        return int(self.samples.size)

    @property
    def duration_s(self) -> float:
        return self.samples.size / self.rate
