"""A werkzeug app on a free local port, in a thread."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from werkzeug.serving import make_server
from werkzeug.wrappers import Request, Response


class FakeServer:
    url = ""

    def handle(self, request: Request) -> Response:
        raise NotImplementedError

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        return self.handle(Request(environ))(environ, start_response)

    def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        self._server = make_server(host, port, self, threaded=True)
        self.url = f"http://{host}:{self._server.server_port}"
        threading.Thread(target=self._server.serve_forever, name=type(self).__name__, daemon=True).start()
        return self.url

    def stop(self) -> None:
        self._server.shutdown()

    @contextmanager
    def serving(self) -> Iterator[Any]:
        self.start()
        try:
            yield self
        finally:
            self.stop()
