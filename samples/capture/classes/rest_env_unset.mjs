// Each client with its Redis endpoint variables unset, as an app that was deployed without them logs it
const which = process.argv[2];
async function main() {
  if (which === 'upstash-new-fromEnv' || which === 'upstash-old-fromEnv') {
    const { Redis } = await import(which.startsWith('upstash-new') ? 'upstash-new' : 'upstash-old');
    const redis = Redis.fromEnv();
    console.log(await redis.set('k', 'v'));
  } else if (which === 'upstash-new-url-undefined' || which === 'upstash-old-url-undefined') {
    const { Redis } = await import(which.startsWith('upstash-new') ? 'upstash-new' : 'upstash-old');
    const redis = new Redis({ url: process.env.UPSTASH_REDIS_REST_URL, token: process.env.UPSTASH_REDIS_REST_TOKEN });
    console.log(await redis.get('k'));
  } else if (which === 'vercel-kv-3' || which === 'vercel-kv-0.2') {
    const { kv } = await import(which === 'vercel-kv-3' ? '@vercel/kv' : 'kv-old');
    console.log(await kv.get('k'));
  }
}
main();
