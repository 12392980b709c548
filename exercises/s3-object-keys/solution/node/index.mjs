// S3 form-encodes keys: turn "+" back into spaces first, then decode the %XX bytes.
const decodeKey = (key) => decodeURIComponent(key.replace(/\+/g, " "));

export const handler = async (event) => {
  const objects = event.Records.map((record) => ({
    bucket: record.s3.bucket.name,
    key: decodeKey(record.s3.object.key),
    size: record.s3.object.size,
  }));
  const totalBytes = objects.reduce((sum, item) => sum + item.size, 0);
  return { objects, totalBytes };
};
