-- Every request is one reader's view of the same post, as views.js sends it: a POST without a
-- body. Counts the answers, so that the post's total can be checked against what was taken.
local threads = {}

setup = function(thread)
  table.insert(threads, thread)
end

request = function()
  return wrk.format("POST", nil, nil, nil)
end

counted, refused = 0, 0
response = function(status)
  if status == 204 then counted = counted + 1 else refused = refused + 1 end
end

done = function()
  local total_counted, total_refused = 0, 0
  for _, thread in ipairs(threads) do
    total_counted = total_counted + thread:get("counted")
    total_refused = total_refused + thread:get("refused")
  end
  io.write(string.format("counted: %d, refused: %d\n", total_counted, total_refused))
end
