extension PythonBootstrap {
  /// Lines 256-319 of the program.
  static let part3 = #"""
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

    """#
}
