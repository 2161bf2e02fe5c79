"""The h77-kv resolver of the heldout75 captures: answers every query NXDOMAIN (a name nobody registered), so that a
mistyped Key Value host and an HTTP API's host fail to resolve as they do on a real network (not as a timeout)."""
import socket

s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind(("10.75.0.53", 53))
while True:
    q, addr = s.recvfrom(512)
    if len(q) < 12:
        continue
    # same id, QR=1, opcode copied, RD copied, RA=1, RCODE=3 (NXDOMAIN); question echoed, no answers
    flags = bytes([0x80 | (q[2] & 0x79), 0x80 | 3])
    s.sendto(q[:2] + flags + q[4:6] + b"\0\0\0\0\0\0" + q[12:], addr)
