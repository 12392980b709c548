export const handler = async () => {
  throw new TypeError('boom');
};
