# A tiny DNS server on 127.0.0.1:53: SERVFAIL for servfail.*, NXDOMAIN for nxdomain.*, NODATA for nodata.*
import socket, struct
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.bind(("127.0.0.1", 53))
while True:
    data, addr = s.recvfrom(512)
    qid = data[:2]; flags = struct.unpack(">H", data[2:4])[0]
    # question name
    i, labels = 12, []
    while data[i]:
        labels.append(data[i+1:i+1+data[i]].decode()); i += 1 + data[i]
    q = data[12:i+5]
    name = ".".join(labels)
    rcode = 2 if name.startswith("servfail") else 3 if name.startswith("nxdomain") else 0
    resp = qid + struct.pack(">HHHHH", 0x8180 | rcode, 1, 0, 0, 0) + q
    s.sendto(resp, addr)
