package com.acme.orders;

import com.acme.redis.RedisConn;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/** An order worker as a plain JVM service: java.util.logging's default console format, a round every 0.8 s that
 *  counts an order in Redis (INCR, SET), stores it in PostgreSQL (a TCP check of DATABASE_URL's host, no JDBC driver
 *  being packaged) and notifies an HTTP API (API_HOST), each failure logged with its stack trace. */
public final class OrderWorker {
    private static final Logger LOG = Logger.getLogger(OrderWorker.class.getName());
    private static RedisConn redis;

    public static void main(String[] args) throws Exception {
        String url = System.getenv("REDIS_URL");
        if (url == null) url = "redis://localhost:6379";
        LOG.info("order worker starting (java " + System.getProperty("java.version") + ")");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        for (int round = 1; ; round++) {
            String order = "ord_" + (1000 + round);
            try {
                if (redis == null) {
                    redis = RedisConn.open(url, 2000);
                    LOG.info("connected to redis at " + URI.create(url).getHost());
                }
                Object n = redis.call("INCR", "orders:count");
                redis.call("SET", "orders:last", order);
                LOG.info("order " + order + " counted (orders:count=" + n + ")");
            } catch (IOException e) {
                LOG.log(Level.SEVERE, "redis unavailable, order " + order + " not counted", e);
                if (redis != null) { redis.close(); redis = null; }
            } catch (RuntimeException e) {
                LOG.log(Level.SEVERE, "order " + order + " failed", e);
            }
            String db = System.getenv("DATABASE_URL");
            if (db != null) {
                URI d = URI.create(db);
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(d.getHost(), d.getPort()), 2000);
                } catch (IOException e) {
                    LOG.log(Level.SEVERE, "could not store order " + order + " in postgres", e);
                }
            }
            String api = System.getenv("API_HOST");
            if (api != null) {
                try {
                    http.send(HttpRequest.newBuilder(URI.create("https://" + api + "/v1/events")).timeout(Duration.ofSeconds(3)).GET().build(),
                              HttpResponse.BodyHandlers.discarding());
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "order " + order + ": notification to " + api + " failed", e);
                }
            }
            Thread.sleep(800);
        }
    }
}
