"""walrus 0.9 (redis-py underneath): a leaderboard in a sorted set, updated each round; uncaught errors end it."""
import os, time, random
from walrus import Database
from deps import touch_deps

db = Database.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
board = db.ZSet("leaderboard")
print("leaderboard worker started", flush=True)
for i in range(1, int(os.environ.get("ROUNDS", 12)) + 1):
    touch_deps()
    board.add({f"player{i % 5}": random.randint(1, 100)})
    print(f"round {i}: top player {board[0]}", flush=True)
    time.sleep(int(os.environ.get("GAP_MS", 700)) / 1000)
