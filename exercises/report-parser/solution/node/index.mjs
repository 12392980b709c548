const PREFIX = 'REPORT RequestId: ';

export const handler = async (event) => {
  const line = event.line ?? '';
  if (!line.startsWith(PREFIX)) return { error: 'not a REPORT line' };
  const [first, ...rest] = line.trimEnd().split('\t');
  const fields = new Map(
    rest.filter((piece) => piece.includes(': ')).map((piece) => {
      const at = piece.indexOf(': ');
      return [piece.slice(0, at), piece.slice(at + 2).split(' ')[0]];
    }),
  );
  const init = fields.has('Init Duration') ? Number(fields.get('Init Duration')) : null;
  return {
    requestId: first.slice(PREFIX.length),
    durationMs: Number(fields.get('Duration')),
    billedDurationMs: parseInt(fields.get('Billed Duration'), 10),
    memorySizeMB: parseInt(fields.get('Memory Size'), 10),
    maxMemoryUsedMB: parseInt(fields.get('Max Memory Used'), 10),
    initDurationMs: init,
    coldStart: init !== null,
  };
};
