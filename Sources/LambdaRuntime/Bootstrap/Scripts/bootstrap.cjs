// lambdalings Node.js bootstrap: a Lambda Runtime API client (Node standard library only).
'use strict';
const net = require('net');
const fs = require('fs');
const path = require('path');
const util = require('util');
const { pathToFileURL } = require('url');

const BASE = '/2018-06-01/runtime';
const JSON_LOGS = (process.env.AWS_LAMBDA_LOG_FORMAT || '').toUpperCase() === 'JSON';
const LEVELS = { TRACE: 1, DEBUG: 2, INFO: 3, WARN: 4, ERROR: 5, FATAL: 6 };
const LOG_LEVEL = (process.env.AWS_LAMBDA_LOG_LEVEL || 'INFO').toUpperCase();
const MIN_LEVEL = JSON_LOGS ? LEVELS[LOG_LEVEL] || 3 : 0;
let currentRequestId;

// Console output in Lambda's format: time, request id, level, message.
function patchConsole() {
  const write = (level, args) => {
    if (LEVELS[level] < MIN_LEVEL) return;
    const message = util.format(...args);
    const time = new Date().toISOString();
    const line = JSON_LOGS
      ? JSON.stringify({ timestamp: time, level, requestId: currentRequestId, message })
      : `${time}\t${currentRequestId}\t${level}\t${message}`;
    process.stdout.write(line + '\n');
  };
  console.log = (...a) => write('INFO', a);
  console.info = (...a) => write('INFO', a);
  console.warn = (...a) => write('WARN', a);
  console.error = (...a) => write('ERROR', a);
  console.debug = (...a) => write('DEBUG', a);
  console.trace = (...a) => write('TRACE', a);
  console.fatal = (...a) => write('FATAL', a);
}

// A keep-alive HTTP/1.1 client on one socket; each request goes out in one write.
class RuntimeClient {
  constructor(address) {
    const colon = address.lastIndexOf(':');
    const host = address.slice(0, colon);
    const port = address.slice(colon + 1);
    this.host = host;
    this.socket = net.connect({ host, port: Number(port), noDelay: true });
    this.socket.on('error', () => process.exit(0));
    this.socket.on('close', () => process.exit(0));
    this.buffer = Buffer.alloc(0);
    this.waiting = null;
    this.socket.on('data', (chunk) => {
      this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
      this.parse();
    });
  }
  async request(method, urlPath, body, headers) {
    // Output still queued in Node belongs to this invocation: let it reach the pipe first.
    while (process.stdout.writableLength > 0) {
      await new Promise((resolve) => process.stdout.once('drain', resolve));
    }
    const payload = Buffer.isBuffer(body) ? body : Buffer.from(body || '');
    let head = `${method} ${urlPath} HTTP/1.1\r\nHost: ${this.host}\r\n`;
    head += `Content-Length: ${payload.length}\r\n`;
    for (const [name, value] of Object.entries(headers || {})) {
      head += `${name}: ${value}\r\n`;
    }
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.socket.write(Buffer.concat([Buffer.from(head + '\r\n', 'latin1'), payload]));
    });
  }
  parse() {
    const end = this.buffer.indexOf('\r\n\r\n');
    if (end < 0 || !this.waiting) return;
    const lines = this.buffer.subarray(0, end).toString('latin1').split('\r\n');
    const status = Number(lines[0].split(' ')[1]);
    const headers = {};
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':');
      headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
    }
    const length = Number(headers['content-length'] || 0);
    if (this.buffer.length < end + 4 + length) return;
    const body = this.buffer.subarray(end + 4, end + 4 + length);
    this.buffer = this.buffer.subarray(end + 4 + length);
    const resolve = this.waiting;
    this.waiting = null;
    resolve({ status, headers, body });
  }
}

function errorBody(error) {
  if (error instanceof Error) {
    const trace = (error.stack || '').split('\n');
    const body = { errorType: error.name, errorMessage: error.message, trace };
    for (const key of Object.keys(error)) if (!(key in body)) body[key] = error[key];
    return body;
  }
  return { errorType: typeof error, errorMessage: String(error), trace: [] };
}

function logError(label, body) {
  const entry = {
    errorType: body.errorType, errorMessage: body.errorMessage, stack: body.trace,
  };
  const time = new Date().toISOString();
  const line = JSON_LOGS
    ? JSON.stringify({
      timestamp: time, level: 'ERROR', requestId: currentRequestId, message: entry,
    })
    : `${time}\t${currentRequestId}\tERROR\t${label} \t${JSON.stringify(entry)}`;
  process.stdout.write(line + '\n');
}

class UserCodeError extends Error {
  constructor(name, message, cause) {
    super(message);
    this.name = name;
    if (cause && cause.stack) {
      this.stack = `${name}: ${message}\n` + cause.stack.split('\n').slice(1).join('\n');
    }
  }
}

function nearestPackageType(directory) {
  for (let dir = directory; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      try {
        return JSON.parse(fs.readFileSync(file, 'utf8')).type || 'commonjs';
      } catch {
        return 'commonjs';
      }
    }
    if (path.dirname(dir) === dir) return 'commonjs';
  }
}
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
