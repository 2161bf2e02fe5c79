-- A hit-counter worker in Lua 5.1 on redis-lua 2.0.5 (Debian lua-redis, luasocket underneath).
-- Reads REDIS_URL, works in rounds; each call in pcall, the error printed as redis-lua raises it.
local redis = require 'redis'
local socket = require 'socket'

local url = os.getenv('REDIS_URL') or 'redis://127.0.0.1:6379'
local pass, host, port = url:match('^rediss?://[^:@/]*:?([^@/]*)@([^:/]+):?(%d*)')
if not host then host, port = url:match('^rediss?://([^:/]+):?(%d*)') end
if not host then
  io.stderr:write('invalid REDIS_URL: ' .. url .. '\n')
  os.exit(1)
end
port = tonumber(port) or 6379
io.stdout:setvbuf('line')
print(('hits worker starting (redis %s:%d)'):format(host, port))

local client
for round = 1, 40 do
  local ok, err = pcall(function()
    if not client then
      client = redis.connect(host, port)
      if pass and pass ~= '' then client:auth(pass) end
      print('connected to redis')
    end
    client:set('hit:' .. round, '1')
    local n = client:incr('hits:total')
    print(('round %d: hits=%d'):format(round, n))
  end)
  if not ok then
    print(('round %d failed: %s'):format(round, tostring(err)))
    client = nil
  end
  socket.sleep(0.8)
end
