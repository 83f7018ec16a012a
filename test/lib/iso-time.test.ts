import { describe, it } from "vitest";
import { isoTime } from "../../src/lib/iso-time";

describe("isoTime", () => {
  it("writes what Date#toISOString writes, at the edges of days, months, leap years and its range", ({ expect }) => {
    const edges = [
      0,
      1,
      999,
      Date.UTC(1970, 0, 1, 23, 59, 59, 999),
      Date.UTC(2000, 1, 29, 12, 0, 0, 5),
      Date.UTC(2024, 1, 29),
      Date.UTC(2100, 1, 28, 23, 59, 59, 999),
      Date.UTC(2100, 2, 1),
      Date.UTC(2026, 11, 31, 23, 59, 59, 999),
      Date.UTC(2027, 0, 1),
      253_402_300_799_999,
    ];
    for (const ms of edges) expect(isoTime(ms), String(ms)).toBe(new Date(ms).toISOString());
  });

  it("agrees with Date on 100,000 random instants up to the year 9999", ({ expect }) => {
    let seed = 11;
    const next = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const wrong: number[] = [];
    for (let i = 0; i < 100_000; i++) {
      const ms = Math.floor(next() * 253_402_300_800_000);
      if (isoTime(ms) !== new Date(ms).toISOString()) wrong.push(ms);
    }
    expect(wrong).toEqual([]);
  });

  it("leaves instants outside 1970–9999 to Date, which writes them its own way", ({ expect }) => {
    for (const ms of [-1, -86_400_000, 253_402_300_800_000]) expect(isoTime(ms)).toBe(new Date(ms).toISOString());
  });
});
