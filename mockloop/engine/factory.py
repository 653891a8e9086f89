"""Pick the interviewer for a session: offline without a model, else LLM with fallback."""

from __future__ import annotations

from mockloop import llm
from mockloop.config import load_settings
from mockloop.engine.base import Interviewer
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
    """`offline` itself when `started.model` is None, else the LLM interviewer wrapped so
    failures fall back to `offline`. Starts importing litellm in the background when needed.

    `request_timeout` comes from the user's settings (read here when not given). A round whose
    planner is not the offline persona engine has no model wording yet and stays offline.
    """
    if started.model is None or not isinstance(offline, OfflineInterviewer):
        return offline
    llm.start_background_import()
    timeout = request_timeout if request_timeout is not None else load_settings().request_timeout
    model_config = config or llm.ModelConfig(started.model, started.api_base, timeout=timeout)
    primary = LLMInterviewer(offline, model_config, deadline=deadline)
    return FallbackInterviewer(primary, offline)
