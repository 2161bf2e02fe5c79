// Session 19 (h80, heldout78's class): an app that builds its Upstash client from variables the platform did not pass
// (a build step on Vercel without them, upstash/redis-js#279): new Redis({ url: process.env.UPSTASH_REDIS_REST_URL, ... })
// with the variable unset. @upstash/redis before 1.2x's '[Upstash Redis]' warnings reads the undefined url in its
// constructor and throws. Run by run_s19_h80_upstash_url.sh with the package version's node_modules on NODE_PATH's dir.
import { Redis } from "@upstash/redis";

const redis = new Redis({ url: process.env.UPSTASH_REDIS_REST_URL, token: process.env.UPSTASH_REDIS_REST_TOKEN });
console.log("pong:", await redis.ping());
