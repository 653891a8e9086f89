"""A real HTTP server on 127.0.0.1 that speaks OpenAI chat completions, for LLM-path tests.

It runs in a background thread and answers `POST /v1/chat/completions` (streamed as SSE
with chunked transfer encoding, or as one JSON body) following a queue of scripted
behaviours, so litellm's own request, streaming and error handling run for real:

    fake_openai.script(Status(429), Reply("Hello there"))

When the queue is empty it answers with a default reply.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

DEFAULT_REPLY = "Sounds good. Walk me through what you are thinking."


@dataclass(frozen=True)
class Reply:
    """Answer normally; `chunk_delay` seconds between streamed chunks makes it slow, and
    `first_delay` seconds before the first one stands for the model's time to first token."""

    text: str = DEFAULT_REPLY
    chunk_delay: float = 0.0
    first_delay: float = 0.0


@dataclass(frozen=True)
class Status:
    """Answer with an HTTP error status and an OpenAI-shaped error body."""

    code: int
    message: str = ""


@dataclass(frozen=True)
class Stall:
    """Stream `after_chunks` chunks, then go silent (until the client gives up)."""

    after_chunks: int = 2
    text: str = DEFAULT_REPLY


@dataclass(frozen=True)
class Drop:
    """Stream `after_chunks` chunks, then close the connection mid-body."""

    after_chunks: int = 2
    text: str = DEFAULT_REPLY


@dataclass(frozen=True)
class Malformed:
    """Stream a chunk that is not valid JSON."""

    after_chunks: int = 1
    text: str = DEFAULT_REPLY


@dataclass(frozen=True)
class Endless:
    """Stream `word` every `chunk_delay` seconds and never finish (until the client hangs up)."""

    word: str = "more "
    chunk_delay: float = 0.05


Behaviour = Reply | Status | Stall | Drop | Malformed | Endless

ERROR_TYPES = {
    400: "invalid_request_error",
    401: "invalid_api_key",
    403: "permission_denied",
    404: "not_found",
    429: "rate_limit_exceeded",
    500: "server_error",
    502: "bad_gateway",
    503: "service_unavailable",
}


class ReceivedRequest(dict[str, Any]):
    """A received JSON body (index it like a dict) plus its `path` and `headers` (lowercase)."""

    def __init__(self, body: dict[str, Any], path: str, headers: dict[str, str]) -> None:
        super().__init__(body)
        self.path = path
        self.headers = {name.lower(): value for name, value in headers.items()}
        self.received_at = time.perf_counter()


def split_chunks(text: str) -> list[str]:
    """Split a reply into word-sized chunks that join back to the exact text."""
    chunks: list[str] = []
    current = ""
    for character in text:
        current += character
        if character == " ":
            chunks.append(current)
            current = ""
    if current:
        chunks.append(current)
    return chunks or [""]


class QuietServer(ThreadingHTTPServer):
    """A threading HTTP server that does not print tracebacks for clients that hung up."""

    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Ignore errors from connections the client (or a Drop) closed."""


class FakeOpenAI:
    """The server, its scripted behaviours and what it received."""

    def __init__(self) -> None:
        self.requests: list[ReceivedRequest] = []
        self.first_byte_times: list[float] = []
        self.reply_token_times: list[float] = []
        """When the first token of a decision's `reply` string was written (JSON answers)."""
        self._queue: list[Behaviour] = []
        self._lock = threading.Lock()
        self._closing = threading.Event()
        self._server = QuietServer(("127.0.0.1", 0), self._handler_class())
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def port(self) -> int:
        """The TCP port the server listens on."""
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        """The API base to give litellm, e.g. http://127.0.0.1:PORT/v1."""
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self) -> FakeOpenAI:
        """Start serving in a background thread."""
        self._thread.start()
        return self

    def close(self) -> None:
        """Release stalled handlers and stop the server."""
        self._closing.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def script(self, *behaviours: Behaviour) -> None:
        """Queue behaviours for the next requests, in order."""
        with self._lock:
            self._queue.extend(behaviours)

    def next_behaviour(self) -> Behaviour:
        """The next scripted behaviour, or the default reply."""
        with self._lock:
            return self._queue.pop(0) if self._queue else Reply()

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(ChatHandler):
            server_state = fake

        return Handler


class ChatHandler(BaseHTTPRequestHandler):
    """Handles one HTTP request according to the fake's next behaviour."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    """Streaming servers send each chunk at once (TCP_NODELAY). Without it, the kernel holds
    the second small write until the client acknowledges the first, and the client delays
    that acknowledgement by up to 40 ms: a server artefact no real model server has."""
    server_state: FakeOpenAI

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
        """Keep test output quiet."""

    def do_POST(self) -> None:
        """Record the request and answer it."""
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b"{}"
        try:
            body = json.loads(raw or b"{}")
        except json.JSONDecodeError:
            body = {"_raw": raw.decode("utf-8", "replace")}
        fake = self.server_state
        fake.requests.append(ReceivedRequest(body, self.path, dict(self.headers.items())))
        behaviour = fake.next_behaviour()
        model = str(body.get("model") or "fake-model")
        if isinstance(behaviour, Status):
            self._error(behaviour)
        elif body.get("stream"):
            self._stream(behaviour, model)
        else:
            self._complete(behaviour, model)

    def do_GET(self) -> None:
        """Answer `/v1/models` so health checks work; anything else is 404."""
        if self.path.rstrip("/").endswith("/models"):
            self._json(200, {"object": "list", "data": [{"id": "fake-model", "object": "model"}]})
        else:
            self._json(404, {"error": {"message": "not found", "type": "not_found"}})

    def _json(
        self, code: int, payload: dict[str, Any], extra: dict[str, str] | None = None
    ) -> None:
        data = json.dumps(payload).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def _error(self, behaviour: Status) -> None:
        kind = ERROR_TYPES.get(behaviour.code, "error")
        message = behaviour.message or f"fake server says {behaviour.code} ({kind})"
        extra = {"Retry-After": "0"} if behaviour.code == 429 else None
        payload = {"error": {"message": message, "type": kind, "param": None, "code": kind}}
        self._json(behaviour.code, payload, extra)

    def _complete(self, behaviour: Behaviour, model: str) -> None:
        text = getattr(behaviour, "text", DEFAULT_REPLY)
        self._json(
            200,
            {
                "id": "chatcmpl-fake",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": model,
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": text},
                        "finish_reason": "stop",
                    }
                ],
                "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
            },
        )

    def _write_chunk(self, data: bytes) -> None:
        """Write one HTTP/1.1 chunk and flush it."""
        self.wfile.write(f"{len(data):x}\r\n".encode() + data + b"\r\n")
        self.wfile.flush()

    def _event(self, model: str, delta: dict[str, Any], finish: str | None = None) -> bytes:
        chunk = {
            "id": "chatcmpl-fake",
            "object": "chat.completion.chunk",
            "created": int(time.time()),
            "model": model,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
        }
        return f"data: {json.dumps(chunk)}\n\n".encode()

    def _stream(self, behaviour: Behaviour, model: str) -> None:
        assert not isinstance(behaviour, Status)
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-cache")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        if isinstance(behaviour, Endless):
            self._stream_forever(behaviour, model)
            return
        pieces = split_chunks(behaviour.text)
        limit = len(pieces)
        if isinstance(behaviour, Stall | Drop | Malformed):
            limit = min(behaviour.after_chunks, len(pieces))
        delay = behaviour.chunk_delay if isinstance(behaviour, Reply) else 0.0
        if isinstance(behaviour, Reply) and behaviour.first_delay:
            time.sleep(behaviour.first_delay)
        written = ""
        try:
            for index, piece in enumerate(pieces[:limit]):
                if index and delay:
                    time.sleep(delay)
                written += piece
                key = written.find('"reply": "')
                if key >= 0 and len(written) > key + 10 and len(written) - len(piece) <= key + 10:
                    self.server_state.reply_token_times.append(time.perf_counter())
                delta = (
                    {"role": "assistant", "content": piece} if index == 0 else {"content": piece}
                )
                if index == 0:
                    # Stamped before the write: the client may read the chunk before this
                    # thread runs again.
                    self.server_state.first_byte_times.append(time.perf_counter())
                self._write_chunk(self._event(model, delta))
            if isinstance(behaviour, Stall):
                self.server_state._closing.wait(timeout=60)
                self.close_connection = True
                return
            if isinstance(behaviour, Drop):
                self.close_connection = True
                self.connection.close()
                return
            if isinstance(behaviour, Malformed):
                self._write_chunk(b'data: {"id": "chatcmpl-fake", "choices": [{"delta": \n\n')
            self._write_chunk(self._event(model, {}, finish="stop"))
            self._write_chunk(b"data: [DONE]\n\n")
            self._write_chunk(b"")
        except OSError:
            self.close_connection = True

    def _stream_forever(self, behaviour: Endless, model: str) -> None:
        """One chunk every `chunk_delay` s until the client closes or the server stops."""
        self.close_connection = True
        delta: dict[str, Any] = {"role": "assistant", "content": behaviour.word}
        try:
            while not self.server_state._closing.is_set():
                self._write_chunk(self._event(model, delta))
                delta = {"content": behaviour.word}
                self.server_state._closing.wait(timeout=behaviour.chunk_delay)
        except OSError:
            return
