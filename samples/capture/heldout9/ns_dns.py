# A tiny DNS server for the b9 namespace (127.0.0.53:53): every name it is asked is unknown.
# NXDOMAIN for every name, but SERVFAIL for names under sendgrid.net (a resolver that fails,
# as getaddrinfo's EAI_AGAIN). Names the capture needs are in /etc/netns/b9/hosts, read first.
import socket, struct
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.53", 53))
while True:
    data, addr = s.recvfrom(512)
    i, labels = 12, []
    while data[i]:
        labels.append(data[i+1:i+1+data[i]].decode()); i += 1 + data[i]
    name = ".".join(labels)
    rcode = 2 if name.endswith("sendgrid.net") else 3
    s.sendto(data[:2] + struct.pack(">HHHHH", 0x8180 | rcode, 1, 0, 0, 0) + data[12:i+5], addr)
