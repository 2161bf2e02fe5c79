package com.acme.redis;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/** The apps' own small RESP2 client (Debian 12 packages no Redis client for Java): one socket, AUTH and SELECT from
 *  the URL, errors as IOException (the socket's) or RedisReplyException (the server's reply). */
public final class RedisConn implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RedisConn(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    public static RedisConn open(String url, int timeoutMs) throws IOException {
        URI uri = URI.create(url);
        String host = uri.getHost();
        int port = uri.getPort() == -1 ? 6379 : uri.getPort();
        Socket s;
        if ("rediss".equals(uri.getScheme())) {
            Socket raw = new Socket();
            raw.connect(new InetSocketAddress(host, port), timeoutMs);
            SSLSocket ssl = (SSLSocket) ((SSLSocketFactory) SSLSocketFactory.getDefault()).createSocket(raw, host, port, true);
            SSLParameters p = ssl.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            ssl.setSSLParameters(p);
            ssl.setSoTimeout(timeoutMs);
            ssl.startHandshake();
            s = ssl;
        } else {
            s = new Socket();
            s.connect(new InetSocketAddress(host, port), timeoutMs);
        }
        s.setSoTimeout(timeoutMs);
        RedisConn c = new RedisConn(s);
        String info = uri.getUserInfo();
        if (info != null && info.contains(":")) {
            String[] up = info.split(":", 2);
            c.call("AUTH", up[0].isEmpty() ? "default" : up[0], up[1]);
        }
        String path = uri.getPath();
        if (path != null && path.length() > 1) {
            c.call("SELECT", path.substring(1));
        }
        return c;
    }

    public Object call(String... args) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(("*" + args.length + "\r\n").getBytes(StandardCharsets.UTF_8));
        for (String a : args) {
            byte[] v = a.getBytes(StandardCharsets.UTF_8);
            b.write(("$" + v.length + "\r\n").getBytes(StandardCharsets.UTF_8));
            b.write(v);
            b.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        out.write(b.toByteArray());
        out.flush();
        return read();
    }

    private String line() throws IOException {
        StringBuilder sb = new StringBuilder();
        int ch;
        while ((ch = in.read()) != '\r') {
            if (ch == -1) {
                throw new java.io.EOFException();
            }
            sb.append((char) ch);
        }
        in.read();
        return sb.toString();
    }

    private Object read() throws IOException {
        String l = line();
        switch (l.charAt(0)) {
            case '+': return l.substring(1);
            case '-': throw new RedisReplyException(l.substring(1));
            case ':': return Long.parseLong(l.substring(1));
            case '$': {
                int n = Integer.parseInt(l.substring(1));
                if (n < 0) return null;
                byte[] v = in.readNBytes(n + 2);
                return new String(v, 0, n, StandardCharsets.UTF_8);
            }
            case '*': {
                int n = Integer.parseInt(l.substring(1));
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < n; i++) items.add(read());
                return items;
            }
            default: throw new IOException("Unknown reply: " + l);
        }
    }

    @Override
    public void close() {
        try { socket.close(); } catch (IOException ignored) { }
    }
}
