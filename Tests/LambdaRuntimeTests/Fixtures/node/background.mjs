import { spawn } from 'node:child_process';

export const handler = async (event) => {
  const child = spawn('sleep', [event.seconds], { stdio: 'ignore' });
  return { child: child.pid };
};
