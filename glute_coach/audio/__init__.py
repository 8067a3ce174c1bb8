"""Sound for Glute Coach: sample-exact cues, spoken prompts, feedback tone and music.

No Qt here, and nothing imports sounddevice until a stream is opened (PortAudio only sees a
sound server that was running when it initialised). The pieces, each in its own module:

- ``session``: ``open_session_audio`` / ``SessionAudio``, all of the below for one session
- ``factory``: ``open_audio`` (engine, or a silent stand-in with one warning)
- ``engine``: ``AudioEngine``, one OutputStream and its ``StreamClock``
- ``null``: ``NullAudioEngine``, the test double and stand-in
- ``scheduler``: ``CueScheduler``, timeline → output with look-ahead
- ``supervisor``: ``AudioSupervisor``, device loss, fallback clock, reopening
- ``sounds`` / ``synth`` / ``clips`` / ``voice``: everything decoded before the session
"""

from glute_coach.audio.clips import ClipError, check_clip, load_clip
from glute_coach.audio.output import AudioOutput, AudioStatus, AudioUnavailableError
from glute_coach.audio.settings import AudioSettings
from glute_coach.audio.sound import Category, Sound

__all__ = [
    "AudioOutput",
    "AudioSettings",
    "AudioStatus",
    "AudioUnavailableError",
    "Category",
    "ClipError",
    "Sound",
    "check_clip",
    "load_clip",
]
