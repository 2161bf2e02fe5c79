package com.acme.redis;

/** An error reply of the server, its text as sent. */
public class RedisReplyException extends RuntimeException {
    public RedisReplyException(String message) { super(message); }
}
