-- Reads one user's messages after a cursor, on one consistent view (issue 6, DESIGN.md "Targeted messages").
-- KEYS[1] epoch key, KEYS[2] the user's id counter, KEYS[3] the user's stream
-- ARGV[1] epoch to create if none, ARGV[2] mode: 'history' | 'now' | 'cursor',
-- ARGV[3] cursor epoch, ARGV[4] cursor id, ARGV[5] how many to fetch, ARGV[6] age cutoff (ms)
-- Where to start mirrors io.appmessage.runtime.spi.ReadWindow.start, which judges the answer.
local epoch = redis.call('GET', KEYS[1])
if not epoch then
  redis.call('SET', KEYS[1], ARGV[1])
  epoch = ARGV[1]
end
local last = tonumber(redis.call('GET', KEYS[2]) or '0')
local after
if ARGV[2] == 'history' then
  after = 0
elseif ARGV[2] == 'now' then
  after = last
elseif ARGV[3] ~= epoch or tonumber(ARGV[4]) > last then
  after = 0
else
  after = tonumber(ARGV[4])
end
local wanted = tonumber(ARGV[5])
local cutoff = tonumber(ARGV[6])
local out = {}
local from = string.format('%d', after + 1) .. '-0'
-- skip leading entries past their age (not yet trimmed because nobody sent to the user since)
while #out < wanted do
  local entries = redis.call('XRANGE', KEYS[3], from, '+', 'COUNT', wanted - #out)
  if #entries == 0 then break end
  for _, entry in ipairs(entries) do
    local fields = entry[2]
    local sent = 0
    for i = 1, #fields, 2 do
      if fields[i] == 't' then sent = tonumber(fields[i + 1]) end
    end
    if #out > 0 or sent >= cutoff then
      table.insert(out, {entry[1], fields})
    end
  end
  from = '(' .. entries[#entries][1]
end
return {epoch, last, out}
