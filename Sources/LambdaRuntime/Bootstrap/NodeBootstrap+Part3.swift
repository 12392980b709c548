extension NodeBootstrap {
  /// Lines 210-316 of the program.
  static let part3 = #"""
    let client;
    let openInvocation = null;

    async function reportFatal(kind, error, exitCode) {
      const body = errorBody(error);
      const rejection = kind === 'Runtime.UnhandledPromiseRejection';
      logError(rejection ? 'Unhandled Promise Rejection' : 'Uncaught Exception', body);
      if (rejection) {
        body.errorType = kind;
        body.errorMessage = error instanceof Error
          ? `${error.name}: ${error.message}` : String(error);
      }
      const type = body.errorType.startsWith('Runtime.') ? body.errorType : 'Runtime.Unknown';
      if (client && openInvocation) {
        await client.request('POST', `${BASE}/invocation/${openInvocation}/error`,
          JSON.stringify(body), { 'Lambda-Runtime-Function-Error-Type': type });
      } else if (client) {
        await client.request('POST', `${BASE}/init/error`, JSON.stringify(body),
          { 'Lambda-Runtime-Function-Error-Type': body.errorType });
      }
      process.exit(exitCode);
    }

    function invoke(handler, event, headers) {
      return new Promise((resolve) => {
        let settled = false;
        const finish = (error, result) => {
          if (settled) return;
          settled = true;
          resolve({ error, result });
        };
        const context = makeContext(headers, finish);
        try {
          const returned = handler(event, context, (error, result) => finish(error, result));
          if (returned && typeof returned.then === 'function') {
            returned.then(
              (value) => finish(null, value),
              (error) => finish(error == null ? new Error('Promise rejected') : error));
          } else if (handler.length < 3) {
            finish(null, returned === undefined ? null : returned);
          }
        } catch (error) {
          finish(error);
        }
      });
    }

    const errorPath = (requestId) => `${BASE}/invocation/${requestId}/error`;

    async function main() {
      patchConsole();
      client = new RuntimeClient(process.env.AWS_LAMBDA_RUNTIME_API || '127.0.0.1:9001');
      process.on('unhandledRejection',
        (reason) => reportFatal('Runtime.UnhandledPromiseRejection', reason, 128));
      process.on('uncaughtException', (error) => reportFatal('Uncaught', error, 129));
      let handler;
      try {
        handler = await loadHandler();
      } catch (error) {
        const body = errorBody(error);
        logError('Uncaught Exception', body);
        await client.request('POST', `${BASE}/init/error`, JSON.stringify(body),
          { 'Lambda-Runtime-Function-Error-Type': body.errorType });
        process.exit(1);
      }
      for (;;) {
        const next = await client.request('GET', `${BASE}/invocation/next`);
        if (next.status !== 200) process.exit(0);
        const requestId = next.headers['lambda-runtime-aws-request-id'];
        currentRequestId = requestId;
        openInvocation = requestId;
        process.env._X_AMZN_TRACE_ID = next.headers['lambda-runtime-trace-id'] || '';
        let event;
        try {
          event = next.body.length ? JSON.parse(next.body.toString('utf8')) : {};
        } catch (error) {
          const message = `Unable to parse event: ${error.message}`;
          const body = { errorType: 'Runtime.UnmarshalError', errorMessage: message, trace: [] };
          await client.request('POST', `${errorPath(requestId)}`, JSON.stringify(body));
          continue;
        }
        const { error, result } = await invoke(handler, event, next.headers);
        if (error !== null && error !== undefined) {
          const body = errorBody(error);
          logError('Invoke Error', body);
          await client.request('POST', errorPath(requestId), JSON.stringify(body));
        } else {
          let payload;
          try {
            payload = JSON.stringify(result === undefined ? null : result);
          } catch (marshal) {
            const message = `Unable to stringify response body: ${marshal.message}`;
            const body = { errorType: 'Runtime.MarshalError', errorMessage: message, trace: [] };
            logError('Invoke Error', body);
            await client.request('POST', errorPath(requestId), JSON.stringify(body));
            openInvocation = null;
            continue;
          }
          await client.request('POST', `${BASE}/invocation/${requestId}/response`, payload,
            { 'Content-Type': 'application/json' });
        }
        openInvocation = null;
      }
    }

    main();

    """#
}
