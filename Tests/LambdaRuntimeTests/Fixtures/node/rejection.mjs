export const handler = async () => {
  Promise.reject(new Error('nobody awaited me'));
  await new Promise((resolve) => setTimeout(resolve, 200));
  return 'too late';
};
