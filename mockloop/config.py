"""User settings: `config.yaml` under the config dir, overridden by env vars and flags.

The file may name a model and API base, never a key: keys come from the provider's usual
environment variables (OPENAI_API_KEY, ANTHROPIC_API_KEY, ...) and are never stored.
"""

from __future__ import annotations

import os

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from mockloop import paths, yaml_reader
from mockloop.catalog import describe_validation
from mockloop.errors import UsageError


class Settings(BaseModel):
    """Settings from config.yaml; every field is optional."""

    model_config = ConfigDict(extra="forbid")

    model: str | None = Field(default=None, description="litellm model string for the interviewer")
    api_base: str | None = Field(default=None, description="Base URL of a local or proxy server")
    minutes: int | None = Field(default=None, ge=5, le=180, description="Default interview length")
    strict: bool = Field(
        default=False, description="Every interview in strict mode, as if --strict were given"
    )
    request_timeout: float = Field(
        default=30.0,
        gt=0,
        le=600,
        allow_inf_nan=False,
        description="Seconds a model request may take, from sending it to its last token",
    )


def load_settings() -> Settings:
    """Read config.yaml if it exists; a broken file is a usage error naming the field."""
    path = paths.config_file()
    if not path.exists() and not path.is_symlink():
        return Settings()
    data = yaml_reader.read_yaml(path, error=UsageError) or {}
    if not isinstance(data, dict):
        raise UsageError(f"{path}: expected a mapping such as 'model: openai/gpt-4o-mini'.")
    for secret in ("api_key", "key", "openai_api_key"):
        if secret in data:
            raise UsageError(
                f"{path}: '{secret}' is not allowed here; MockLoop never stores keys. "
                "Set the provider's environment variable (e.g. OPENAI_API_KEY) instead."
            )
    try:
        return Settings.model_validate(data)
    except ValidationError as error:
        raise UsageError(describe_validation(path, error)) from None


def resolve_model(
    flag: str | None, api_base_flag: str | None, settings: Settings | None = None
) -> tuple[str | None, str | None]:
    """The model and API base in force: flag, then env var, then config file, then none."""
    settings = settings or load_settings()
    model = flag or os.environ.get("MOCKLOOP_MODEL") or settings.model
    api_base = api_base_flag or os.environ.get("MOCKLOOP_API_BASE") or settings.api_base
    if model is not None and not model.strip():
        model = None
    for name, value in (("model", model), ("API base", api_base)):
        if value is not None and value != value.encode("utf-8", "replace").decode("utf-8"):
            raise UsageError(f"The {name} {value!a} is not valid UTF-8 text.")
    if api_base and not api_base.startswith(("http://", "https://")):
        raise UsageError(f"--api-base '{api_base}' must be an http:// or https:// URL.")
    return model, api_base
