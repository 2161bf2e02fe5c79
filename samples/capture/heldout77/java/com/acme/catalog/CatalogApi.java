package com.acme.catalog;

import com.acme.redis.RedisConn;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** A product catalogue web service logging in Spring Boot's console layout (timestamp, level, pid, thread, logger):
 *  at start it asks Redis for keyspace notifications (CONFIG SET, for its cache invalidation) and gives up if that
 *  fails; each GET /products/{id} opens a Redis connection, reads the product from the cache or stores it, and checks
 *  PostgreSQL (DATABASE_URL's host, a TCP connect) and a pricing API (API_HOST) when set. A client thread of the app
 *  itself asks a product every second. */
public final class CatalogApi {
    private static final Logger LOG = Logger.getLogger("com.acme.catalog.CatalogApi");
    private static final Logger WEB = Logger.getLogger("com.acme.catalog.web.ProductController");
    private static final String PID = String.valueOf(ProcessHandle.current().pid());

    static final class BootFormatter extends Formatter {
        private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

        @Override
        public String format(LogRecord r) {
            String lvl = r.getLevel() == Level.SEVERE ? "ERROR" : r.getLevel() == Level.WARNING ? "WARN" : "INFO";
            String logger = abbreviate(r.getLoggerName());
            StringBuilder sb = new StringBuilder(String.format("%s %5s %s --- [%15s] %-40s : %s%n",
                    OffsetDateTime.now(ZoneOffset.UTC).format(TS), lvl, PID, tail(Thread.currentThread().getName(), 15), logger, r.getMessage()));
            if (r.getThrown() != null) {
                StringWriter w = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(w));
                sb.append(w);
            }
            return sb.toString();
        }

        private static String tail(String s, int n) { return s.length() <= n ? s : s.substring(s.length() - n); }

        private static String abbreviate(String name) {
            String[] parts = name.split("\\.");
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < parts.length - 1; i++) sb.append(parts[i].charAt(0)).append('.');
            return sb.append(parts[parts.length - 1]).toString();
        }
    }

    public static void main(String[] args) throws Exception {
        Logger root = Logger.getLogger("");
        for (var h : root.getHandlers()) root.removeHandler(h);
        ConsoleHandler h = new ConsoleHandler();
        h.setFormatter(new BootFormatter());
        root.addHandler(h);
        long t0 = System.currentTimeMillis();
        String url = System.getenv("REDIS_URL");
        if (url == null) url = "redis://localhost:6379";
        LOG.info("Starting CatalogApi using Java " + System.getProperty("java.version") + " with PID " + PID);
        try (RedisConn c = RedisConn.open(url, 2000)) {
            c.call("CONFIG", "SET", "notify-keyspace-events", "Ex");
            LOG.info("Redis keyspace notifications enabled on " + URI.create(url).getHost());
        } catch (Exception e) {
            LOG.log(Level.SEVERE, "Application startup failed", e);
            System.exit(1);
        }
        final String redisUrl = url;
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/products/", ex -> {
            String id = ex.getRequestURI().getPath().substring("/products/".length());
            int status = 200;
            String body;
            try (RedisConn c = RedisConn.open(redisUrl, 2000)) {
                Object cached = c.call("GET", "product:" + id);
                if (cached == null) {
                    c.call("SET", "product:" + id, "{\"id\":" + id + ",\"price\":" + (10 + Integer.parseInt(id)) + "}", "EX", "60");
                    body = "{\"id\":" + id + "}";
                    WEB.info("GET /products/" + id + " 200 (cache miss, stored)");
                } else {
                    body = cached.toString();
                    WEB.info("GET /products/" + id + " 200 (cache hit)");
                }
            } catch (Exception e) {
                status = 503;
                body = "{\"error\":\"unavailable\"}";
                WEB.log(Level.SEVERE, "GET /products/" + id + " failed: cache unavailable", e);
            }
            String db = System.getenv("DATABASE_URL");
            if (db != null && status == 200) {
                URI d = URI.create(db);
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress(d.getHost(), d.getPort()), 2000);
                } catch (IOException e) {
                    status = 500;
                    WEB.log(Level.SEVERE, "GET /products/" + id + " failed: could not load stock from postgres", e);
                }
            }
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(status, b.length);
            try (OutputStream o = ex.getResponseBody()) { o.write(b); }
        });
        server.start();
        LOG.info("Started CatalogApi in " + String.format("%.3f", (System.currentTimeMillis() - t0) / 1000.0)
                + " seconds (process running for " + ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0 + ")");
        LOG.info("Listening on 127.0.0.1:" + port);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        String api = System.getenv("API_HOST");
        for (int i = 1; ; i++) {
            client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/products/" + (i % 4 + 1))).build(),
                        HttpResponse.BodyHandlers.discarding());
            if (api != null && i % 3 == 1) {
                try {
                    client.send(HttpRequest.newBuilder(URI.create("https://" + api + "/v1/prices")).timeout(Duration.ofSeconds(3)).build(),
                                HttpResponse.BodyHandlers.discarding());
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "Price refresh from " + api + " failed", e);
                }
            }
            Thread.sleep(1000);
        }
    }
}
