// CommonJS, callback style.
exports.handler = function (event, context, callback) {
  setTimeout(() => callback(null, { style: 'callback', requestId: context.awsRequestId }), 5);
};
