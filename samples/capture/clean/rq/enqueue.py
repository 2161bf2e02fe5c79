import os
import time

from redis import Redis
from rq import Queue

from jobs import count_words, make_thumbnail

q = Queue(connection=Redis.from_url(os.environ["REDIS_URL"]))
jobs = [q.enqueue(count_words, "render key value works"), q.enqueue(make_thumbnail, 7), q.enqueue(make_thumbnail, 8)]
for _ in range(50):
    if all(j.get_status() == "finished" for j in jobs):
        break
    time.sleep(0.1)
