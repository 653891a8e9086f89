"""Pick the interviewer for a session: offline without a model, else LLM with fallback."""

from __future__ import annotations

from mockloop import llm
from mockloop.config import load_settings
from mockloop.engine.base import Interviewer
from mockloop.engine.behavioral.interviewer import BehavioralInterviewer
from mockloop.engine.behavioral.model import BehavioralModel
from mockloop.engine.design.interviewer import DesignInterviewer
from mockloop.engine.design.model import DesignModel
from mockloop.engine.fallback import FallbackInterviewer
from mockloop.engine.llm_interviewer import LLMInterviewer
from mockloop.engine.offline import OfflineInterviewer
from mockloop.events import SessionStarted
from mockloop.models import Persona, Problem, Rubric


def make_interviewer(
    persona: Persona,
    problem: Problem,
    rubric: Rubric,
    started: SessionStarted,
    *,
    chunk_delay: float = 0.0,
    config: llm.ModelConfig | None = None,
    deadline: float = 45.0,
) -> Interviewer:
    """The offline coding interviewer, thinking with the session's model when it has one."""
    offline = OfflineInterviewer(persona, problem, rubric, chunk_delay=chunk_delay)
    return with_model(offline, started, config=config, deadline=deadline)


def with_model(
    offline: Interviewer,
    started: SessionStarted,
    *,
    request_timeout: float | None = None,
    config: llm.ModelConfig | None = None,
    deadline: float = 45.0,
) -> Interviewer:
    """`offline` itself when `started.model` is None, else the round's model interviewer
    wrapped so failures fall back to `offline`. Starts importing litellm in the background
    when needed.

    `request_timeout` comes from the user's settings (read here when not given). The coding,
    behavioral and design rounds each have a model interviewer (the model decides chat turns
    within the round's rules); a round without one stays offline.
    """
    if started.model is None:
        return offline
    timeout = request_timeout if request_timeout is not None else load_settings().request_timeout
    model_config = config or llm.ModelConfig(started.model, started.api_base, timeout=timeout)
    thinking = model_interviewer(offline, model_config, deadline)
    if thinking is None:
        return offline
    llm.start_background_import()
    return thinking


def model_interviewer(
    offline: Interviewer, config: llm.ModelConfig, deadline: float
) -> FallbackInterviewer | None:
    """The model interviewer for the round `offline` plans, falling back to it, or None for a
    round without one."""
    if isinstance(offline, OfflineInterviewer):
        return FallbackInterviewer(LLMInterviewer(offline, config, deadline=deadline), offline)
    if isinstance(offline, BehavioralInterviewer):
        return FallbackInterviewer(BehavioralModel(offline, config, deadline=deadline), offline)
    if isinstance(offline, DesignInterviewer):
        return FallbackInterviewer(DesignModel(offline, config, deadline=deadline), offline)
    return None
