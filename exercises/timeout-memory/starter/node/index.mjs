// Stands in for downloading an image and resizing it: holds `megabytes` of memory and takes
// `seconds`.
const makeThumbnail = async (megabytes, seconds) => {
  const image = Buffer.alloc(megabytes * 1024 * 1024, 1);
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
  return Math.floor(image.length / 1024);
};

export const handler = async (event, context) => {
  const budgetMs = context.getRemainingTimeInMillis();
  const thumbnailKB = await makeThumbnail(event.megabytes, event.seconds);
  // TODO: memoryMB must be a number; the context object gives a string.
  return { thumbnailKB, memoryMB: context.memoryLimitInMB, budgetMs };
};
