// CommonJS, returning a promise without async.
module.exports.handler = (event) =>
  new Promise((resolve) => setTimeout(() => resolve({ style: 'promise', got: event }), 5));
