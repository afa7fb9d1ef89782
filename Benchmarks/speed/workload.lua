-- The speed benchmark's workload in Lua, the peer to beat: runs under both lua5.4 and luajit.
-- Lua's numbers here are doubles, so this is the float version a Lua shop would write, with
-- half-even rounding to the cent done by hand; the checksum shows whether doubles got every
-- cent right. Prints CPU ns/account (os.clock, median of 5 runs) and the checksum.
--
--   luajit Benchmarks/speed/workload.lua [accounts]      (default 1,000,000)
local n = tonumber(arg and arg[1]) or 1000000

-- The accounts, generated first (not timed) in the order `suanpan generate` draws them.
-- math.fmod is exact on doubles and on Lua 5.4's integers; x * 48271 < 2^47 stays exact.
local balance, overdue, installments = {}, {}, {}
local x = 42
local function draw() x = math.fmod(x * 48271, 2147483647); return x end
local choices = {1, 3, 6, 9, 12}
for i = 1, n do
  balance[i] = math.fmod(draw(), 10000000) / 100   -- yuan, as a double
  overdue[i] = math.fmod(draw(), 120)
  installments[i] = choices[math.fmod(draw(), 5) + 1]
end

-- The fee by installments, a dense array indexed 1..12 (a sparse table would hash).
local fee_rate = {0, 0, 0.025, 0, 0, 0.045, 0, 0, 0.065, 0, 0, 0.088}
local floor, max = math.floor, math.max

-- Whole cents, half-even, from an amount in yuan (amounts here are never negative): the
-- usual floor(c + 0.5), taken back down on an exact tie to an odd cent. Written this way,
-- without data-dependent branches on the common path (and math.max below, not an `if`),
-- LuaJIT runs the loop 5-8x faster than with floor(c) and comparisons of the fraction.
local function cents(v)
  local c = v * 100
  local f = floor(c + 0.5)
  if f - c == 0.5 and f % 2 == 1 then f = f - 1 end
  return f
end

-- The total is kept in whole cents (integral doubles, exact below 2^53) so that only the
-- per-account rounding on doubles can be wrong, not the sum.
local function run()
  local total = 0
  for i = 1, n do
    local b = balance[i]
    local late = max(overdue[i] - 40, 0)
    total = total + cents(b * 0.0004 * late) + cents(b * fee_rate[installments[i]])
  end
  return total
end

local times, total = {}, 0
for k = 1, 5 do
  local start = os.clock()
  total = run()
  times[k] = os.clock() - start
end
table.sort(times)
local name = (jit and jit.version or _VERSION) .. " (doubles)"
print(string.format("%-64s %9.1f ns/account  checksum %.2f", name, times[3] * 1e9 / n, total / 100))
