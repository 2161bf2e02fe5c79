"""A TCP server on 127.0.0.1 that takes each connection, reads what the client sends, then resets it (SO_LINGER 0):
what a client sees from a proxy or a TLS endpoint that refuses its bytes."""
import socket, struct, sys, threading
port = int(sys.argv[1])
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1); s.bind(("127.0.0.1", port)); s.listen(16)
def serve(c):
    try:
        c.settimeout(2); c.recv(4096)
    except OSError:
        pass
    c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)); c.close()
while True:
    c, _ = s.accept(); threading.Thread(target=serve, args=(c,), daemon=True).start()
