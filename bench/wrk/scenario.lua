-- One bench scenario for wrk. Configured by environment (read in every thread):
--   BENCH_METHOD   GET or POST
--   BENCH_PATHS    file with one request path per line; requests cycle through them.
--                  A line `path<TAB>authorization` carries its own Authorization
--                  (one client secret per destination); a bare path uses BENCH_AUTH.
--   BENCH_BODY     request body (POST), sent as application/json
--   BENCH_AUTH     Authorization header value, if any
--   BENCH_HEADERS  more headers, one "Name: value" a line (the MCP phase's Accept)
--   BENCH_OUT      where done() writes the summary as JSON
local method = os.getenv("BENCH_METHOD") or "GET"
local body = os.getenv("BENCH_BODY")
local auth = os.getenv("BENCH_AUTH")
local extra = os.getenv("BENCH_HEADERS") or ""
local requests = {}
local n = 0

function init(args)
  wrk.method = method
  if auth and #auth > 0 then wrk.headers["Authorization"] = auth end
  for line in extra:gmatch("[^\n]+") do
    local k, v = line:match("^([^:]+):%s*(.*)$")
    if k then wrk.headers[k] = v end
  end
  if method == "POST" then
    wrk.body = body
    wrk.headers["Content-Type"] = "application/json"
  end
  -- Every request formatted once here: request() then only picks the next one.
  for line in io.lines(os.getenv("BENCH_PATHS")) do
    if #line > 0 then
      local path, own = line:match("^([^\t]*)\t(.*)$")
      if own then
        local headers = {}
        for k, v in pairs(wrk.headers) do headers[k] = v end
        headers["Authorization"] = own
        requests[#requests + 1] = wrk.format(nil, path, headers)
      else
        requests[#requests + 1] = wrk.format(nil, line)
      end
    end
  end
  n = math.random(#requests) - 1
end

function request()
  n = n + 1
  return requests[(n % #requests) + 1]
end

function done(summary, latency, requests)
  local e = summary.errors
  local f = assert(io.open(os.getenv("BENCH_OUT"), "w"))
  f:write(string.format(
    '{"requests":%d,"durationUs":%d,"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
    '"p50Us":%d,"p90Us":%d,"p99Us":%d,"maxUs":%d,"meanUs":%.1f}',
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, latency.mean))
  f:close()
end
