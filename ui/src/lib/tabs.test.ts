import { describe, expect, it } from "vitest";
import { tabAfterKey } from "./tabs";

describe("tabAfterKey", () => {
  const tabs = ["a", "b", "c"];
  it("moves with the arrows, wraps at the ends, and jumps with Home and End", () => {
    expect(tabAfterKey("ArrowRight", tabs, "a")).toBe("b");
    expect(tabAfterKey("ArrowRight", tabs, "c")).toBe("a");
    expect(tabAfterKey("ArrowLeft", tabs, "a")).toBe("c");
    expect(tabAfterKey("Home", tabs, "c")).toBe("a");
    expect(tabAfterKey("End", tabs, "a")).toBe("c");
    expect(tabAfterKey("Enter", tabs, "a")).toBeNull();
  });
});
