export const handler = async () => {
  const line = 'y'.repeat(1023) + '\n';
  for (let i = 0; i < 20 * 1024; i += 1) process.stdout.write(line);
  console.log('LAST LINE');
  return 'printed';
};
