extension NodeBootstrap {
  /// Lines 132-209 of the program.
  static let part2 = #"""
    async function loadModule(root, moduleName) {
      const base = path.resolve(root, moduleName);
      const file = ['.js', '.mjs', '.cjs'].map((ext) => base + ext).find((f) => fs.existsSync(f));
      if (!file) {
        throw new UserCodeError('Runtime.ImportModuleError',
          `Error: Cannot find module '${moduleName}'\nRequire stack:\n- ${__filename}`);
      }
      try {
        const esm = file.endsWith('.mjs')
          || (file.endsWith('.js') && nearestPackageType(path.dirname(file)) === 'module');
        if (!esm) {
          try { return require(file); } catch (error) {
            if (error && error.code !== 'ERR_REQUIRE_ESM') throw error;
          }
        }
        return await import(pathToFileURL(file).href);
      } catch (error) {
        if (error instanceof SyntaxError) {
          const message = `SyntaxError: ${error.message}`;
          throw new UserCodeError('Runtime.UserCodeSyntaxError', message, error);
        }
        const code = error && error.code;
        if (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND') {
          throw new UserCodeError('Runtime.ImportModuleError', `Error: ${error.message}`, error);
        }
        throw error;
      }
    }

    async function loadHandler() {
      const root = process.env.LAMBDA_TASK_ROOT || process.cwd();
      const handlerString = process.env._HANDLER || 'index.handler';
      const slash = handlerString.lastIndexOf('/');
      const dot = handlerString.indexOf('.', slash + 1);
      if (dot < 0) {
        throw new UserCodeError('Runtime.MalformedHandlerName', `Bad handler ${handlerString}`);
      }
      const moduleName = handlerString.slice(0, dot);
      const functionPath = handlerString.slice(dot + 1);
      const loaded = await loadModule(root, moduleName);
      const walk = (start) => functionPath.split('.')
        .reduce((at, key) => (at == null ? at : at[key]), start);
      let target = walk(loaded);
      if (typeof target !== 'function' && loaded && loaded.default) target = walk(loaded.default);
      if (typeof target !== 'function') {
        const message = `${handlerString} is undefined or not exported`;
        throw new UserCodeError('Runtime.HandlerNotFound', message);
      }
      return target;
    }

    function makeContext(headers, finish) {
      const deadline = Number(headers['lambda-runtime-deadline-ms'] || 0);
      const parse = (text) => {
        try {
          return text ? JSON.parse(text) : undefined;
        } catch {
          return undefined;
        }
      };
      return {
        callbackWaitsForEmptyEventLoop: true,
        functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
        functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
        invokedFunctionArn: headers['lambda-runtime-invoked-function-arn'],
        memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
        awsRequestId: headers['lambda-runtime-aws-request-id'],
        logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
        logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
        identity: parse(headers['lambda-runtime-cognito-identity']),
        clientContext: parse(headers['lambda-runtime-client-context']),
        getRemainingTimeInMillis: () => Math.max(deadline - Date.now(), 0),
        succeed: (result) => finish(null, result),
        fail: (error) => finish(error || new Error('handled')),
        done: (error, result) => finish(error, result),
      };
    }

    """#
}
