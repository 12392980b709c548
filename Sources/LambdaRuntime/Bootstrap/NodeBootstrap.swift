/// The Node.js bootstrap (standard library only) shipped inside lambdalings.
///
/// The source is split over 3 files to keep each one short; `source` joins them.
enum NodeBootstrap {
  /// The file name the bootstrap is written under.
  static let fileName = "bootstrap.cjs"

  /// The complete program.
  static var source: String { part1 + part2 + part3 }

  /// Lines 1-131 of the program.
  static let part1 = #"""
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

    """#
}
