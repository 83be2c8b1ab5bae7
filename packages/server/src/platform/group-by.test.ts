import { describe, expect, it } from "vitest";
import { groupBy } from "./group-by.js";

describe("groupBy", () => {
  it("keeps each group's order and maps values when asked", () => {
    const rows = [{ k: "a", v: 1 }, { k: "b", v: 2 }, { k: "a", v: 3 }];
    expect([...groupBy(rows, (r) => r.k).entries()]).toEqual([["a", [rows[0], rows[2]]], ["b", [rows[1]]]]);
    expect(groupBy(rows, (r) => r.k, (r) => r.v).get("a")).toEqual([1, 3]);
    expect(groupBy([], (r: { k: string }) => r.k).size).toBe(0);
  });
});
