// Plausible mistake: decodeURIComponent alone leaves "+" where a space should be.
export const handler = async (event) => {
  const objects = event.Records.map(({ s3 }) => ({
    bucket: s3.bucket.name,
    key: decodeURIComponent(s3.object.key),
    size: s3.object.size,
  }));
  return { objects, totalBytes: objects.reduce((sum, o) => sum + o.size, 0) };
};
