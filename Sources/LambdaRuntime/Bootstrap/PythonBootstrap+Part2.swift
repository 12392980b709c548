extension PythonBootstrap {
  /// Lines 135-255 of the program.
  static let part2 = #"""
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

    """#
}
