"""read_byte_blocks gives the input back in blocks of whole lines, whatever its size and however the stream
hands its bytes over (a file, a pipe that returns short reads): a paste that ends within the first PROBE bytes
is one block with no block-sized buffer, anything longer goes through the reused buffer."""

from __future__ import annotations

import io

import pytest

from analyzer.sources.text import PROBE, read_byte_blocks


class ShortReads(io.RawIOBase):
    """A pipe: at most `most` bytes a read, no readinto."""

    def __init__(self, data: bytes, most: int):
        self.data, self.pos, self.most = data, 0, most

    def read(self, n: int = -1) -> bytes:  # type: ignore[override]
        n = self.most if n < 0 else min(n, self.most)
        out = self.data[self.pos : self.pos + n]
        self.pos += len(out)
        return out

    readinto = None  # type: ignore[assignment]


def lines(n: int) -> bytes:
    return b"".join(b"12:00:%02d PM [web-1] Error: connect ECONNREFUSED 10.0.0.%d:6379\n" % (i % 60, i % 250) for i in range(n))


@pytest.mark.parametrize("size", [0, 1, 50, PROBE // 70, PROBE // 70 + 40, 3000, 9000])
@pytest.mark.parametrize("block", [1 << 12, 1 << 16, 1 << 22])
@pytest.mark.parametrize("head_len", [0, 100])
@pytest.mark.parametrize("pipe", [False, True])
def test_blocks_give_the_input_back_in_whole_lines(size: int, block: int, head_len: int, pipe: bool):
    data = lines(size)
    head, rest = data[:head_len], data[head_len:]
    stream = ShortReads(rest, 777) if pipe else io.BytesIO(rest)
    got = []
    for buf, n, cleaned, offset, length, cap in read_byte_blocks(head, stream, block):
        piece = bytes(buf[:n])
        assert not cleaned and length == n
        assert offset == sum(len(g) for g in got)
        assert piece.endswith(b"\n") or offset + n == len(data)
        got.append(piece)
    assert b"".join(got) == data


def test_a_dirty_paste_is_cleaned_in_its_one_block():
    data = b"12:00:00 PM \x1b[31mError\x1b[0m: connect ECONNREFUSED 127.0.0.1:6379\r\n"
    blocks = [(bytes(b[:n]), cleaned) for b, n, cleaned, *_ in read_byte_blocks(b"", io.BytesIO(data))]
    assert blocks == [(b"12:00:00 PM Error: connect ECONNREFUSED 127.0.0.1:6379\n", True)]
