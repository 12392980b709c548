export const handler = async () => {
  const loop = { name: 'loop' };
  loop.self = loop;
  return loop;
};
