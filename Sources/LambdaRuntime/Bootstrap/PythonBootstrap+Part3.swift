extension PythonBootstrap {
  /// Lines 256-319 of the program.
  static let part3 = #"""
    def _invoke(client, handler, headers, body):
        import json
        request_id = headers.get("lambda-runtime-aws-request-id", "")
        _State.request_id = request_id
        os.environ["_X_AMZN_TRACE_ID"] = headers.get("lambda-runtime-trace-id", "")
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
            payload = json.dumps(result, default=_json_default).encode()
        except (TypeError, ValueError, OverflowError) as error:
            message = "Unable to marshal response: %s" % error
            _log_error("Runtime.MarshalError", message, [])
            return client.request("POST", path + "/error",
                                  _error_body("Runtime.MarshalError", message, request_id, []))
        sys.stdout.flush()
        return client.request("POST", path + "/response", payload,
                              {"Content-Type": "application/json"})


    def main():
        task_root = os.environ.get("LAMBDA_TASK_ROOT", os.getcwd())
        sys.path.insert(0, task_root)
        sys.meta_path.append(_SiteFinder)
        try:
            sys.stdout.reconfigure(line_buffering=True)
        except AttributeError:
            pass
        client = _Client(_API)
        handler_name = os.environ.get("_HANDLER", "lambda_function.lambda_handler")
        handler = _load_handler(client, handler_name)
        sys.stdout.flush()
        next_path = _BASE + "/invocation/next"
        while True:
            status, headers, body = client.request("GET", next_path)
            if status != 200:
                os._exit(0)
            _invoke(client, handler, headers, body)
            sys.stdout.flush()


    main()

    """#
}
