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
class CognitoIdentity:
    def __init__(self, data):
        data = data or {}
        self.cognito_identity_id = data.get("cognitoIdentityId")
        self.cognito_identity_pool_id = data.get("cognitoIdentityPoolId")


class Client:
    def __init__(self, data):
        data = data or {}
        self.installation_id = data.get("installation_id")
        self.app_title = data.get("app_title")
        self.app_version_name = data.get("app_version_name")
        self.app_version_code = data.get("app_version_code")
        self.app_package_name = data.get("app_package_name")


class ClientContext:
    def __init__(self, data):
        self.client = Client(data.get("client"))
        self.custom = data.get("custom")
        self.env = data.get("env")


class LambdaContext:
    """The `context` argument, with the fields and method of the AWS Python runtime."""

    def __init__(self, request_id, deadline_ms, arn, client_context, identity):
        self.aws_request_id = request_id
        self.invoked_function_arn = arn
        self.function_name = _env("AWS_LAMBDA_FUNCTION_NAME")
        self.function_version = _env("AWS_LAMBDA_FUNCTION_VERSION")
        self.memory_limit_in_mb = _env("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.log_group_name = _env("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = _env("AWS_LAMBDA_LOG_STREAM_NAME")
        self.identity = CognitoIdentity(identity)
        self.client_context = ClientContext(client_context) if client_context else None
        self._deadline_ms = deadline_ms

    def get_remaining_time_in_millis(self):
        return int(max(self._deadline_ms - time.time() * 1000, 0))

    def log(self, message):
        sys.stdout.write(str(message))
        sys.stdout.flush()

    def __repr__(self):
        return ("LambdaContext([aws_request_id=%s,log_group_name=%s,log_stream_name=%s,"
                "function_name=%s,memory_limit_in_mb=%s,function_version=%s,"
                "invoked_function_arn=%s,client_context=%s,identity=%s])" % (
                    self.aws_request_id, self.log_group_name, self.log_stream_name,
                    self.function_name, self.memory_limit_in_mb, self.function_version,
                    self.invoked_function_arn, self.client_context, self.identity))


def _user_frames(tb):
    import traceback
    frames = [f for f in traceback.extract_tb(tb)
              if f.filename != _THIS_FILE]
    return traceback.format_list(frames)


def _error_body(error_type, message, request_id, stack):
    import json
    return json.dumps({"errorMessage": message, "errorType": error_type,
                       "requestId": request_id or "", "stackTrace": stack}).encode()


def _log_error(error_type, message, stack):
    if _JSON_LOGS:
        import json
        line = json.dumps({"timestamp": _timestamp(), "level": "ERROR", "message": message,
                           "errorType": error_type, "errorMessage": message,
                           "stackTrace": stack, "requestId": _State.request_id or ""})
    else:
        line = "[ERROR] %s: %s\nTraceback (most recent call last):\n%s" % (
            error_type, message, "".join(stack))
    sys.stdout.write(line.rstrip("\n") + "\n")
    sys.stdout.flush()


def _fail_init(client, error_type, message, stack):
    _log_error(error_type, message, stack)
    client.request("POST", _BASE + "/init/error", _error_body(error_type, message, "", stack),
                   {"Lambda-Runtime-Function-Error-Type": error_type})
    sys.exit(1)


def _load_handler(client, handler_name):
    try:
        module_name, function_name = handler_name.rsplit(".", 1)
    except ValueError as error:
        _fail_init(client, "Runtime.MalformedHandlerName",
                   "Bad handler '%s': %s" % (handler_name, error), [])
    module_name = module_name.replace("/", ".")
    try:
        __import__(module_name)
        module = sys.modules[module_name]
    except ImportError as error:
        _fail_init(client, "Runtime.ImportModuleError",
                   "Unable to import module '%s': %s" % (module_name, error), [])
    except SyntaxError as error:
        stack = ['  File "%s" Line %s\n        %s\n' % (error.filename, error.lineno,
                                                       (error.text or "").strip())]
        _fail_init(client, "Runtime.UserCodeSyntaxError",
                   "Syntax error in module '%s': %s" % (module_name, error), stack)
    except Exception as error:
        _fail_init(client, type(error).__name__, str(error), _user_frames(sys.exc_info()[2]))
    handler = getattr(module, function_name, None)
    if handler is None:
        _fail_init(client, "Runtime.HandlerNotFound",
                   "Handler '%s' missing on module '%s'" % (function_name, module_name), [])
    return handler


def _json_default(value):
    if type(value).__name__ == "Decimal":
        return int(value) if value == value.to_integral_value() else float(value)
    raise TypeError("Object of type %s is not JSON serializable" % type(value).__name__)
class _FastJSON:
    """json.loads/dumps through the C accelerator `_json` without importing `json`, which
    pulls in `re`, `enum` and more: several milliseconds of every cold start."""

    scanner = None

    class _Context:
        strict = True
        object_hook = None
        object_pairs_hook = None
        parse_float = float
        parse_int = int
        parse_constant = {"-Infinity": float("-inf"), "Infinity": float("inf"),
                          "NaN": float("nan")}.__getitem__

    @classmethod
    def loads(cls, data):
        try:
            if cls.scanner is None:
                import _json
                cls.scanner = _json.make_scanner(cls._Context)
            text = data.decode("utf-8") if isinstance(data, bytes) else data
            text = text.strip(" \t\n\r")
            value, end = cls.scanner(text, 0)
            if end == len(text):
                return value
        except Exception:
            pass
        import json
        return json.loads(data)

    @staticmethod
    def dumps(value):
        try:
            import _json
        except ImportError:
            import json
            return json.dumps(value, default=_json_default)
        encoder = _json.make_encoder({}, _json_default, _json.encode_basestring_ascii, None,
                                     ": ", ", ", False, False, True)
        return "".join(encoder(value, 0))


def _set_trace_id(value):
    """Sets _X_AMZN_TRACE_ID where user code reads it (os.environ once `os` is loaded)."""
    os_module = sys.modules.get("os")
    if os_module is not None:
        os_module.environ["_X_AMZN_TRACE_ID"] = value
    else:
        posix.putenv(b"_X_AMZN_TRACE_ID", value.encode())
        posix.environ[b"_X_AMZN_TRACE_ID"] = value.encode()


def _invoke(client, handler, headers, body):
    json = _FastJSON
    request_id = headers.get("lambda-runtime-aws-request-id", "")
    _State.request_id = request_id
    _set_trace_id(headers.get("lambda-runtime-trace-id", ""))
    path = _BASE + "/invocation/" + request_id
    try:
        event = json.loads(body) if body else {}
    except ValueError as error:
        message = "Unable to unmarshal input: %s" % error
        _log_error("Runtime.UnmarshalError", message, [])
        return client.request("POST", path + "/error",
                              _error_body("Runtime.UnmarshalError", message, request_id, []))
    client_context = headers.get("lambda-runtime-client-context")
    identity = headers.get("lambda-runtime-cognito-identity")
    context = LambdaContext(request_id, int(headers.get("lambda-runtime-deadline-ms", "0")),
                            headers.get("lambda-runtime-invoked-function-arn"),
                            json.loads(client_context) if client_context else None,
                            json.loads(identity) if identity else None)
    _setup_logging()
    try:
        result = handler(event, context)
        _setup_logging()
    except Exception as error:
        stack = _user_frames(sys.exc_info()[2])
        kind = type(error).__name__
        _log_error(kind, str(error), stack)
        return client.request("POST", path + "/error",
                              _error_body(kind, str(error), request_id, stack))
    try:
        payload = json.dumps(result).encode()
    except (TypeError, ValueError, OverflowError) as error:
        message = "Unable to marshal response: %s" % error
        _log_error("Runtime.MarshalError", message, [])
        return client.request("POST", path + "/error",
                              _error_body("Runtime.MarshalError", message, request_id, []))
    sys.stdout.flush()
    return client.request("POST", path + "/response", payload,
                          {"Content-Type": "application/json"})


def main():
    # This module was imported by the bootstrap stub from the runtime folder (so its
    # bytecode is cached there); user code must neither see that folder nor write bytecode.
    sys.dont_write_bytecode = True
    runtime_dir = _THIS_FILE.rpartition("/")[0]
    if runtime_dir in sys.path:
        sys.path.remove(runtime_dir)
    task_root = _env("LAMBDA_TASK_ROOT", posix.getcwd())
    sys.path.insert(0, task_root)
    sys.meta_path.append(_SiteFinder)
    try:
        sys.stdout.reconfigure(line_buffering=True)
    except AttributeError:
        pass
    client = _Client(_API)
    handler_name = _env("_HANDLER", "lambda_function.lambda_handler")
    handler = _load_handler(client, handler_name)
    sys.stdout.flush()
    next_path = _BASE + "/invocation/next"
    while True:
        status, headers, body = client.request("GET", next_path)
        if status != 200:
            posix._exit(0)
        _invoke(client, handler, headers, body)
        sys.stdout.flush()
