-- One bench scenario for wrk. Configured by environment (read in every thread):
--   BENCH_METHOD   GET or POST
--   BENCH_PATHS    file with one request path per line; requests cycle through them
--   BENCH_BODY     request body (POST), sent as application/json
--   BENCH_AUTH     Authorization header value, if any
--   BENCH_OUT      where done() writes the summary as JSON
local method = os.getenv("BENCH_METHOD") or "GET"
local body = os.getenv("BENCH_BODY")
local auth = os.getenv("BENCH_AUTH")
local paths = {}
local n = 0

function init(args)
  for line in io.lines(os.getenv("BENCH_PATHS")) do
    if #line > 0 then paths[#paths + 1] = line end
  end
  wrk.method = method
  if auth and #auth > 0 then wrk.headers["Authorization"] = auth end
  if method == "POST" then
    wrk.body = body
    wrk.headers["Content-Type"] = "application/json"
  end
  n = math.random(#paths) - 1
end

function request()
  n = n + 1
  return wrk.format(nil, paths[(n % #paths) + 1])
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
