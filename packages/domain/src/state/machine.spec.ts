import { describe, expect, it } from "vitest";
import { defineStateMachine } from "./machine.js";
import { TransitionError } from "./transition-error.js";

type Light = "RED" | "GREEN" | "YELLOW" | "OFF";

const light = defineStateMachine<Light>(
  { RED: ["GREEN", "OFF"], GREEN: ["YELLOW"], YELLOW: ["RED"], OFF: [] },
  { entity: "traffic light" },
);

describe("defineStateMachine", () => {
  it("keeps the states in table order", () => {
    expect(light.states).toEqual(["RED", "GREEN", "YELLOW", "OFF"]);
    expect(light.entity).toBe("traffic light");
  });

  it("answers nextStates, canTransition and isTerminal", () => {
    expect(light.nextStates("RED")).toEqual(["GREEN", "OFF"]);
    expect(light.canTransition("RED", "GREEN")).toBe(true);
    expect(light.canTransition("GREEN", "RED")).toBe(false);
    expect(light.canTransition("RED", "RED")).toBe(false);
    expect(light.isTerminal("OFF")).toBe(true);
    expect(light.isTerminal("RED")).toBe(false);
  });

  it("checkTransition returns ok or the allowed next states", () => {
    expect(light.checkTransition("GREEN", "YELLOW")).toEqual({ ok: true });
    expect(light.checkTransition("GREEN", "RED")).toEqual({
      ok: false,
      from: "GREEN",
      to: "RED",
      allowed: ["YELLOW"],
    });
  });

  it("assertTransition throws a TransitionError carrying the allowed next states", () => {
    expect(() => light.assertTransition("RED", "GREEN")).not.toThrow();
    let caught: unknown;
    try {
      light.assertTransition("RED", "YELLOW");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(TransitionError);
    const error = caught as TransitionError;
    expect(error.code).toBe("INVALID_TRANSITION");
    expect(error.entity).toBe("traffic light");
    expect(error.from).toBe("RED");
    expect(error.to).toBe("YELLOW");
    expect(error.allowed).toEqual(["GREEN", "OFF"]);
    expect(error.message).toBe(
      "Cannot move traffic light from RED to YELLOW; allowed next states: GREEN, OFF.",
    );
  });

  it("says so when the state is final", () => {
    expect(() => light.assertTransition("OFF", "RED")).toThrow(
      "Cannot move traffic light from OFF to RED; allowed next states: none (OFF is final).",
    );
  });

  it("treats unknown states (unvalidated input) as having no next states", () => {
    const unknown = "BLUE" as Light;
    expect(light.isState("BLUE")).toBe(false);
    expect(light.isState("RED")).toBe(true);
    expect(light.isState(42)).toBe(false);
    expect(light.isState("toString")).toBe(false);
    expect(light.nextStates(unknown)).toEqual([]);
    expect(light.canTransition(unknown, "RED")).toBe(false);
    expect(light.canTransition("RED", unknown)).toBe(false);
    expect(light.checkTransition(unknown, "RED")).toEqual({
      ok: false,
      from: "BLUE",
      to: "RED",
      allowed: [],
    });
  });

  it("is frozen, so callers cannot change the rules", () => {
    expect(Object.isFrozen(light)).toBe(true);
    expect(Object.isFrozen(light.table)).toBe(true);
    expect(Object.isFrozen(light.nextStates("RED"))).toBe(true);
  });

  it("refuses malformed tables at definition time", () => {
    expect(() =>
      defineStateMachine({ A: ["B"] } as unknown as Record<"A", readonly "A"[]>, { entity: "x" }),
    ).toThrow("x: A → B: B is not a state.");
    expect(() => defineStateMachine<"A">({ A: ["A"] }, { entity: "x" })).toThrow(
      "x: A may not target itself.",
    );
    expect(() => defineStateMachine<"A" | "B">({ A: ["B", "B"], B: [] }, { entity: "x" })).toThrow(
      "x: A lists B twice.",
    );
  });
});
