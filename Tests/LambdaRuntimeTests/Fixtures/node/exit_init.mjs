console.log('exiting during init');
process.exit(3);

export const handler = async () => 'unreachable';
