-- Appends one message for one user, atomically (issue 6: ids increase per user, history bounded).
-- KEYS[1] epoch key, KEYS[2] the user's id counter, KEYS[3] the user's stream,
-- KEYS[4] (optional) the user's idempotency key: when it names an id, nothing is stored and that id is answered
-- ARGV[1] epoch to create if none, ARGV[2] message key, ARGV[3] json, ARGV[4] now (ms),
-- ARGV[5] max messages per user, ARGV[6] age cutoff (ms), ARGV[7] max age (ms)
local epoch = redis.call('GET', KEYS[1])
if not epoch then
  redis.call('SET', KEYS[1], ARGV[1])
  epoch = ARGV[1]
end
-- its value is '<id>:<sent at, ms>'; one sent before the age cutoff is forgotten (the send's clock decides,
-- like the stream's age trimming, so every node agrees)
if KEYS[4] then
  local first = redis.call('GET', KEYS[4])
  if first then
    local colon = string.find(first, ':', 1, true)
    if tonumber(string.sub(first, colon + 1)) >= tonumber(ARGV[6]) then
      return {epoch, tonumber(string.sub(first, 1, colon - 1)), 1}
    end
  end
end
-- ids come from a counter, not from stream time: dense (1, 2, 3, ...) so a gap proves a trim,
-- small enough for JavaScript numbers, and never reused while the counter lives
local id = redis.call('INCR', KEYS[2])
redis.call('XADD', KEYS[3], 'MAXLEN', ARGV[5], id .. '-0', 'k', ARGV[2], 'd', ARGV[3], 't', ARGV[4])
-- trim by age: drop head entries older than the cutoff (bounded per call; later calls go on)
local cutoff = tonumber(ARGV[6])
for _ = 1, 100 do
  local head = redis.call('XRANGE', KEYS[3], '-', '+', 'COUNT', 1)
  if #head == 0 then break end
  local fields = head[1][2]
  local sent = 0
  for i = 1, #fields, 2 do
    if fields[i] == 't' then sent = tonumber(fields[i + 1]) end
  end
  if sent >= cutoff then break end
  redis.call('XDEL', KEYS[3], head[1][1])
end
-- a user nobody sends to any more costs nothing after max age (the counter stays: ids never go back)
redis.call('PEXPIRE', KEYS[3], ARGV[7])
-- the key lives as long as the message can: a retry within the retention window is answered, not stored
if KEYS[4] then
  redis.call('SET', KEYS[4], id .. ':' .. ARGV[4], 'PX', ARGV[7])
end
return {epoch, id, 0}
