import { describe, expect, it } from "vitest";
import { auditChanges } from "./audit-changes.js";

describe("changes of an audit-log entry", () => {
  it("lists only the fields whose values differ, by name", () => {
    const before = JSON.stringify({ size: 4, headName: "李桂兰", resources: { hens: 12 } });
    const after = JSON.stringify({ size: 5, headName: "李桂兰", resources: { hens: 10 } });
    expect(auditChanges(before, after)).toEqual([
      { field: "resources.hens", before: "12", after: "10" },
      { field: "size", before: "4", after: "5" },
    ]);
  });

  it("follows nested records down and compares arrays whole", () => {
    const before = JSON.stringify({ householdYear: { year: 2025, income: 7865 }, causes: ["A"] });
    const after = JSON.stringify({
      householdYear: { year: 2025, income: 8000 },
      causes: ["A", "B"],
    });
    expect(auditChanges(before, after)).toEqual([
      { field: "causes", before: '["A"]', after: '["A","B"]' },
      { field: "householdYear.income", before: "7865", after: "8000" },
    ]);
    // A record that appears: each of its fields, from nothing.
    expect(auditChanges(null, JSON.stringify({ consent: { kind: "GENERAL" } }))).toEqual([
      { field: "consent.kind", before: null, after: '"GENERAL"' },
    ]);
    // A value that becomes null is a change, not a record to follow.
    expect(
      auditChanges(JSON.stringify({ leftOn: "2011-06-30" }), JSON.stringify({ leftOn: null })),
    ).toEqual([{ field: "leftOn", before: '"2011-06-30"', after: "null" }]);
  });

  it("lists every field of a creation, and fields that appear or disappear", () => {
    expect(auditChanges(null, JSON.stringify({ year: 2024, income: 5200 }))).toEqual([
      { field: "income", before: null, after: "5200" },
      { field: "year", before: null, after: "2024" },
    ]);
    expect(auditChanges(JSON.stringify({ a: 1 }), JSON.stringify({}))).toEqual([
      { field: "a", before: "1", after: null },
    ]);
  });

  it("yields nothing for unreadable or non-object JSON", () => {
    expect(auditChanges("{oops", "[1,2]")).toEqual([]);
    expect(auditChanges(undefined, undefined)).toEqual([]);
  });
});
