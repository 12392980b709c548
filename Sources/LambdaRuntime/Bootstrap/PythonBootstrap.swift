/// The Python bootstrap (standard library only) shipped inside lambdalings.
///
/// The source is split over 3 files to keep each one short; `source` joins them.
enum PythonBootstrap {
  /// The file name the bootstrap is written under: a stub that imports the runtime module,
  /// so Python caches the module's bytecode next to it instead of compiling it every start.
  static let fileName = "bootstrap.py"

  /// The stub's source.
  static let stub = """
    # lambdalings: loads the Python runtime module (bytecode cached beside it) and runs it.
    import lambdalings_runtime
    lambdalings_runtime.main()

    """

  /// The file name of the runtime module.
  static let moduleFileName = "lambdalings_runtime.py"

  /// The complete program.
  static var source: String { part1 + part2 + part3 }

  /// Lines 1-134 of the program.
  static let part1 = #"""
    # lambdalings Python bootstrap: a Lambda Runtime API client using only the standard library.
    # Started through `python3 -S bootstrap.py`; `site` is loaded only if an import needs it.
    # `os` is not imported: it costs milliseconds of every cold start; `posix` is built in.
    import posix
    import sys
    import time
    import _socket


    def _env(name, default=None):
        value = posix.environ.get(name.encode())
        return default if value is None else value.decode("utf-8", "surrogateescape")


    _API = _env("AWS_LAMBDA_RUNTIME_API", "127.0.0.1:9001")
    _BASE = "/2018-06-01/runtime"
    _JSON_LOGS = _env("AWS_LAMBDA_LOG_FORMAT", "").upper() == "JSON"
    _THIS_FILE = __file__


    class _State:
        request_id = None
        logging_ready = False


    class _SiteFinder:
        """Loads `site` (site-packages) the first time a top-level import is not found."""

        loaded = False

        @classmethod
        def find_spec(cls, name, path=None, target=None):
            if cls.loaded or path is not None:
                return None
            cls.loaded = True
            import site
            site.main()
            from importlib.machinery import PathFinder
            return PathFinder.find_spec(name)


    class _Client:
        """A keep-alive HTTP/1.1 client for the Runtime API; each request is one send."""

        def __init__(self, address):
            host, _, port = address.rpartition(":")
            self.host = host
            self.sock = _socket.socket(_socket.AF_INET, _socket.SOCK_STREAM)
            try:
                self.sock.connect((host, int(port)))
            except OSError as error:
                sys.stderr.write("lambdalings bootstrap: cannot reach the Runtime API at %s: %s\n"
                                 % (address, error))
                posix._exit(1)
            self.sock.setsockopt(_socket.IPPROTO_TCP, _socket.TCP_NODELAY, 1)
            self.buffer = b""

        def request(self, method, path, body=b"", headers=None):
            head = "%s %s HTTP/1.1\r\nHost: %s\r\nContent-Length: %d\r\n" % (
                method, path, self.host, len(body))
            if headers:
                for name, value in headers.items():
                    head += "%s: %s\r\n" % (name, value)
            try:
                self.sock.sendall(head.encode("latin-1") + b"\r\n" + body)
                return self._read()
            except OSError:
                posix._exit(0)

        def _read(self):
            buffer = self.buffer
            while True:
                end = buffer.find(b"\r\n\r\n")
                if end >= 0:
                    break
                chunk = self.sock.recv(65536)
                if not chunk:
                    posix._exit(0)
                buffer += chunk
            lines = buffer[:end].decode("latin-1").split("\r\n")
            status = int(lines[0].split(" ", 2)[1])
            headers = {}
            for line in lines[1:]:
                name, _, value = line.partition(":")
                headers[name.strip().lower()] = value.strip()
            length = int(headers.get("content-length", "0"))
            parts = [buffer[end + 4:]]
            have = len(parts[0])
            while have < length:
                chunk = self.sock.recv(max(65536, length - have))
                if not chunk:
                    posix._exit(0)
                parts.append(chunk)
                have += len(chunk)
            data = b"".join(parts)
            self.buffer = data[length:]
            return status, headers, data[:length]


    def _timestamp(now=None):
        now = time.time() if now is None else now
        millis = int(now * 1000) % 1000
        return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(now)) + ".%03dZ" % millis


    def _setup_logging():
        """Gives the root logger Lambda's handler once user code has imported `logging`."""
        logging = sys.modules.get("logging")
        if logging is None or _State.logging_ready:
            return
        _State.logging_ready = True

        class LambdaFormatter(logging.Formatter):
            def format(self, record):
                record.aws_request_id = _State.request_id
                if not _JSON_LOGS:
                    return super().format(record)
                import json
                entry = {
                    "timestamp": _timestamp(record.created),
                    "level": record.levelname,
                    "message": record.getMessage(),
                    "logger": record.name,
                    "requestId": _State.request_id,
                }
                if record.exc_info:
                    import traceback
                    kind, value, tb = record.exc_info
                    entry["errorType"] = kind.__name__
                    entry["errorMessage"] = str(value)
                    entry["stackTrace"] = traceback.format_tb(tb)
                return json.dumps(entry, default=str)

        formatter = LambdaFormatter(
            "[%(levelname)s]\t%(asctime)s.%(msecs)03dZ\t%(aws_request_id)s\t%(message)s",
            "%Y-%m-%dT%H:%M:%S")
        formatter.converter = time.gmtime
        handler = logging.StreamHandler(sys.stdout)
        handler.setFormatter(formatter)
        root = logging.getLogger()
        root.handlers = [handler]
        if _JSON_LOGS:
            level = _env("AWS_LAMBDA_LOG_LEVEL", "INFO").upper()
            root.setLevel(getattr(logging, level, logging.INFO))

    """#
}
