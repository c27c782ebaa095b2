-- Every request is a new comment from a new address, so duplicate detection and the
-- per-address limit see ordinary traffic. Each wrk thread gets its own id in setup().
local threads = {}
local next_id = 0

setup = function(thread)
  next_id = next_id + 1
  thread:set("id", next_id)
  thread:set("run", os.time())
  table.insert(threads, thread)
end

local counter = 0
request = function()
  counter = counter + 1
  local body = string.format(
    '{"authorName":"Bench","authorEmail":"bench-%d-%d-%d@example.org","body":"Comment %d of thread %d, run %d"}',
    run, id, counter, counter, id, run)
  return wrk.format("POST", nil, { ["Content-Type"] = "application/json" }, body)
end

created, refused = 0, 0
response = function(status)
  if status == 201 then created = created + 1 else refused = refused + 1 end
end

done = function()
  local total_created, total_refused = 0, 0
  for _, thread in ipairs(threads) do
    total_created = total_created + thread:get("created")
    total_refused = total_refused + thread:get("refused")
  end
  io.write(string.format("created: %d, refused: %d\n", total_created, total_refused))
end
