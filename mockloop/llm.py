"""The only door to litellm: lazy import, streamed chat with our own retries, key redaction.

litellm costs 3-4 s to import, so it is imported inside functions (optionally ahead of
time in a background thread), never at module import. The SDK's own retries are off; we
retry rate limits, timeouts, 5xx and connection errors ourselves, only before the first
token arrives. One deadline covers the whole call, first byte to last token, and a reply is
bounded in tokens (`max_tokens`, asked of the server) and in characters (enforced here,
for servers that ignore it), so an endless stream ends as a cut-off reply.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import re
import threading
import time
from collections.abc import AsyncGenerator
from dataclasses import dataclass
from typing import Any, Literal

from mockloop.errors import MockloopError, ModelUnreachable, UsageError

PROVIDER_KEYS = {
    "openai": "OPENAI_API_KEY",
    "anthropic": "ANTHROPIC_API_KEY",
    "gemini": "GEMINI_API_KEY",
    "groq": "GROQ_API_KEY",
    "mistral": "MISTRAL_API_KEY",
    "deepseek": "DEEPSEEK_API_KEY",
    "openrouter": "OPENROUTER_API_KEY",
    "together_ai": "TOGETHERAI_API_KEY",
    "azure": "AZURE_API_KEY",
    "cohere": "COHERE_API_KEY",
    "xai": "XAI_API_KEY",
}
KEYLESS_PROVIDERS = {"ollama", "ollama_chat", "lm_studio", "hosted_vllm", "llamafile"}
KEY_PATTERN = re.compile(
    r"(sk-[A-Za-z0-9_\-]{6,}|(?<=Bearer )[A-Za-z0-9_\-.]{6,}|AIza[A-Za-z0-9_\-]{20,}"
    r"|(?<=x-api-key: )\S{6,})"
)
SECRET_ENV_SUFFIXES = ("_API_KEY", "_KEY", "_TOKEN", "_SECRET")
CHARACTERS_PER_TOKEN = 8
"""A generous upper bound on characters per token, for the reply's character cap."""


@dataclass(frozen=True)
class ModelConfig:
    """Which model to call and how patiently; never holds a key."""

    model: str
    api_base: str | None = None
    timeout: float = 30.0
    retry_base: float = 0.5
    max_attempts: int = 4
    max_tokens: int = 1500

    @property
    def max_characters(self) -> int:
        """The longest reply kept, whatever the server does with `max_tokens`."""
        return self.max_tokens * CHARACTERS_PER_TOKEN


FailureKind = Literal["auth", "unreachable", "timeout", "rate_limit", "server", "refused", "cut"]
"""What kind of failure a model call had: the chat shows one notice per kind, not per turn."""


class LLMError(MockloopError):
    """A failed model call, with a user-facing message of our own words (never the provider's
    raw text, never a key)."""

    def __init__(
        self,
        message: str,
        *,
        retryable: bool,
        status: int | None = None,
        kind: FailureKind = "server",
    ) -> None:
        super().__init__(redact(message))
        self.retryable = retryable
        self.status = status
        self.kind: FailureKind = kind


class StreamCut(LLMError):
    """The stream broke after some text arrived; that text is kept by the caller."""

    def __init__(self, message: str) -> None:
        super().__init__(message, retryable=False, kind="cut")


_litellm: Any = None
_import_lock = threading.Lock()
_import_thread: threading.Thread | None = None


def load_litellm() -> Any:
    """Import litellm once, offline-safe and quiet, and return the module."""
    global _litellm
    with _import_lock:
        if _litellm is None:
            os.environ["LITELLM_LOCAL_MODEL_COST_MAP"] = "True"
            import litellm

            litellm.suppress_debug_info = True
            litellm.telemetry = False
            _litellm = litellm
    return _litellm


def start_background_import() -> None:
    """Start importing litellm in a daemon thread so the first reply doesn't wait for it."""
    global _import_thread
    if _litellm is not None or (_import_thread is not None and _import_thread.is_alive()):
        return
    _import_thread = threading.Thread(target=load_litellm, name="litellm-import", daemon=True)
    _import_thread.start()


async def ensure_litellm() -> Any:
    """The litellm module, imported off the event loop if it isn't loaded yet."""
    if _litellm is not None:
        return _litellm
    return await asyncio.to_thread(load_litellm)


def redact(text: str) -> str:
    """Remove anything that looks like an API key, and the values of secret env vars."""
    for name, value in os.environ.items():
        if name.upper().endswith(SECRET_ENV_SUFFIXES) and len(value) >= 6 and value in text:
            text = text.replace(value, "[redacted]")
    return KEY_PATTERN.sub("[redacted]", text)


def provider_of(model: str) -> str:
    """The litellm provider prefix of a model string (`openai/gpt-4o-mini` -> `openai`)."""
    if "/" in model:
        return model.split("/", 1)[0].lower()
    if model.startswith("claude"):
        return "anthropic"
    return "openai"


def key_variable(model: str) -> str:
    """The environment variable that holds the key for this model's provider."""
    provider = provider_of(model)
    return PROVIDER_KEYS.get(provider, f"{provider.upper()}_API_KEY")


OLLAMA_URL = "http://127.0.0.1:11434/api/tags"
PREFLIGHT_SECONDS = 3.0
"""How long the check before the screen opens waits for the model's server."""


def missing_key(model: str, api_base: str | None) -> str | None:
    """The variable the model's provider needs and this environment lacks, or None.

    Only providers whose variable we know are checked (a local server behind `api_base`
    takes any key); others show their failure, once, at the first reply.
    """
    provider = provider_of(model)
    if api_base or provider not in PROVIDER_KEYS:
        return None
    variable = PROVIDER_KEYS[provider]
    return None if os.environ.get(variable) else variable


def unanswered(url: str, timeout: float = PREFLIGHT_SECONDS) -> str | None:
    """None when `url` answers over HTTP within `timeout` seconds (any status), else why not."""
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=timeout):
            return None
    except urllib.error.HTTPError:
        return None  # it answered, if only to say no
    except (urllib.error.URLError, OSError, ValueError) as error:
        reason = getattr(error, "reason", error)
        if isinstance(reason, TimeoutError) or "timed out" in str(reason):
            return f"no answer within {timeout:.0f} s"
        return redact(str(reason) or type(error).__name__)[:120]


def server_to_check(model: str, api_base: str | None) -> str | None:
    """The URL that must answer before an interview with this model opens (None: a cloud
    provider, which is not probed)."""
    if api_base:
        return api_base
    if provider_of(model).startswith("ollama"):
        return OLLAMA_URL
    return None


def preflight(model: str, api_base: str | None) -> None:
    """Check, before an interview starts, that the model can be used: its key is set
    (UsageError naming the variable) and its server answers within PREFLIGHT_SECONDS
    (ModelUnreachable; the launcher then offers to go on offline)."""
    variable = missing_key(model, api_base)
    if variable is not None:
        raise UsageError(
            f"The model {model} needs {variable}, which is not set in this shell. Export it, "
            "point --api-base at a local server, or leave out --model to practise offline."
        )
    url = server_to_check(model, api_base)
    why = unanswered(url) if url else None
    if why is not None:
        raise ModelUnreachable(
            f"The model server at {url} did not answer ({why}). Start it, or run again with "
            "--offline to practise with the offline interviewer."
        )


def classify(error: BaseException, config: ModelConfig) -> LLMError:
    """Turn a litellm/OpenAI/transport exception into an LLMError saying what to do.

    The message is ours: the provider's own text (which may be long, cut mid-word or carry
    a key) never reaches the chat, the log or the report.
    """
    if isinstance(error, LLMError):
        return error
    status = getattr(error, "status_code", None)
    status = status if isinstance(status, int) else None
    name = type(error).__name__
    names = {cls.__name__ for cls in type(error).__mro__}
    where = f" at {config.api_base}" if config.api_base else ""
    if isinstance(error, TimeoutError | asyncio.TimeoutError) or "Timeout" in name or status == 408:
        message = f"The model {config.model}{where} timed out."
        return LLMError(message, retryable=True, status=408, kind="timeout")
    if status in (401, 403) or "AuthenticationError" in names or "PermissionDeniedError" in names:
        return LLMError(
            f"The model provider rejected the credentials ({status or 401}); "
            f"check {key_variable(config.model)}.",
            retryable=False,
            status=status or 401,
            kind="auth",
        )
    if status == 429 or "RateLimitError" in names:
        return LLMError(
            f"The model {config.model} is rate limited (429).",
            retryable=True,
            status=429,
            kind="rate_limit",
        )
    # litellm reports a refused or dropped connection as InternalServerError (500) whose text
    # says "Connection error"; the user needs to hear that the server is unreachable.
    unreachable = "Connection error" in str(error)
    if ("APIConnectionError" in names or unreachable) and status in (None, 500):
        return LLMError(
            f"Could not reach the model {config.model}{where}: connection failed.",
            retryable=True,
            status=status,
            kind="unreachable",
        )
    if status is not None and status >= 500:
        return LLMError(
            f"The model server{where} failed ({status}).", retryable=True, status=status
        )
    if status is not None and 400 <= status < 500:
        return LLMError(
            f"The model {config.model} refused the request ({status}).",
            retryable=False,
            status=status,
            kind="refused",
        )
    if isinstance(error, ConnectionError | OSError):
        return LLMError(
            f"Could not reach the model {config.model}{where}.", retryable=True, kind="unreachable"
        )
    return LLMError(f"The model call failed ({name}).", retryable=False, status=status)


def backoff_delay(attempt: int, base: float) -> float:
    """Exponential backoff with jitter: between half and all of base * 2**attempt, capped at 8 s."""
    ceiling = min(8.0, base * 2.0**attempt)
    return ceiling / 2 + random.uniform(0, ceiling / 2)


def chunk_text(chunk: Any) -> str:
    """The text content of one streamed chunk ('' for role-only or final chunks)."""
    choices = getattr(chunk, "choices", None) or []
    if not choices:
        return ""
    delta = getattr(choices[0], "delta", None)
    content = getattr(delta, "content", None) if delta is not None else None
    return content if isinstance(content, str) else ""


def supports_json_mode(model: str) -> bool:
    """Whether litellm knows the model to accept `response_format` (litellm must be loaded).

    Unknown models (a local server behind `openai/<name>`) are tried with JSON mode; a
    server that refuses it is asked again without (see `engine/deciding.py`).
    """
    if _litellm is None:
        return False
    try:
        params = _litellm.get_supported_openai_params(model=model) or []
    except Exception:
        return True
    return "response_format" in params


async def _open_stream(
    litellm: Any,
    config: ModelConfig,
    messages: list[dict[str, str]],
    timeout: float,
    json_mode: bool = False,
) -> Any:
    """Start one streamed completion request (no SDK retries)."""
    extra: dict[str, Any] = {}
    if json_mode:
        extra["response_format"] = {"type": "json_object"}
    variable = key_variable(config.model)
    keyless = provider_of(config.model) in KEYLESS_PROVIDERS
    if config.api_base and not keyless and not os.environ.get(variable):
        extra["api_key"] = "not-needed"  # local OpenAI-compatible servers accept any key
    return await litellm.acompletion(
        model=config.model,
        messages=messages,
        api_base=config.api_base,
        stream=True,
        timeout=timeout,
        stream_timeout=timeout,
        max_retries=0,
        max_tokens=config.max_tokens,
        **extra,
    )


async def stream_chat(
    config: ModelConfig,
    messages: list[dict[str, str]],
    *,
    deadline: float = 60.0,
    json_mode: bool = False,
) -> AsyncGenerator[str, None]:
    """Stream the reply's text, all of it within `deadline` s; retries only before the first token.

    Raises LLMError when no token came (with `.retryable` saying why it gave up), or
    StreamCut when the stream broke, ran past the deadline or past `max_characters` after
    some text was yielded (that text stands).
    """
    litellm = await ensure_litellm()
    ends = time.monotonic() + deadline
    attempt = 0
    while True:
        remaining = ends - time.monotonic()
        if remaining <= 0:
            raise LLMError(
                f"The model {config.model} did not answer in {deadline:.0f} s.",
                retryable=True,
                kind="timeout",
            )
        timeout = min(config.timeout, remaining)
        response: Any = None
        try:
            async with asyncio.timeout(timeout):
                response = await _open_stream(litellm, config, messages, timeout, json_mode)
                iterator = response.__aiter__()
                first = ""
                while not first:
                    first = chunk_text(await iterator.__anext__())
        except StopAsyncIteration:
            first = ""
            iterator = None
        except Exception as error:
            failure = classify(error, config)
            attempt += 1
            delay = backoff_delay(attempt - 1, config.retry_base)
            left = ends - time.monotonic()
            if not failure.retryable or attempt >= config.max_attempts or delay >= left:
                raise failure from None
            await asyncio.sleep(delay)
            continue
        break
    if iterator is None:
        return
    async for text in _rest_of_stream(config, iterator, first, ends, deadline):
        yield text


async def _rest_of_stream(
    config: ModelConfig, iterator: Any, first: str, ends: float, deadline: float
) -> AsyncGenerator[str, None]:
    """The first text, then every further chunk until the stream ends or a bound is hit."""
    budget = config.max_characters
    text = first
    try:
        while True:
            if len(text) >= budget:
                yield text[:budget]
                raise StreamCut(f"The reply was cut off at {budget:,} characters.")
            budget -= len(text)
            if text:
                yield text
            remaining = ends - time.monotonic()
            if remaining <= 0:
                raise StreamCut(f"The reply was cut off: it took longer than {deadline:.0f} s.")
            async with asyncio.timeout(min(config.timeout, remaining)):
                chunk = await iterator.__anext__()
            text = chunk_text(chunk)
    except StopAsyncIteration:
        return
    except StreamCut:
        raise
    except Exception as error:
        if isinstance(error, TimeoutError) and ends - time.monotonic() <= 0:
            message = f"it took longer than {deadline:.0f} s"
        else:
            message = classify(error, config).message
        raise StreamCut(f"The reply was cut off: {message}") from None
    finally:
        close = getattr(iterator, "aclose", None)
        if close is not None:
            with contextlib.suppress(Exception):
                await close()


async def chat(
    config: ModelConfig,
    messages: list[dict[str, str]],
    *,
    deadline: float = 60.0,
    json_mode: bool = False,
) -> str:
    """The whole reply as one string (collects `stream_chat`)."""
    stream = stream_chat(config, messages, deadline=deadline, json_mode=json_mode)
    parts = [text async for text in stream]
    return "".join(parts)


def context_window(model: str, default: int = 8192) -> int:
    """The model's input context in tokens if litellm knows it (litellm must be loaded)."""
    if _litellm is None:
        return default
    try:
        value = _litellm.get_max_tokens(model)
    except Exception:
        return default
    return int(value) if isinstance(value, int) and value > 0 else default
