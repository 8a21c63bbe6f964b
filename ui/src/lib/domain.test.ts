import { describe, expect, it } from "vitest";
import { reference } from "./domain";

describe("reference", () => {
  it("is the external ID, else the title shortened at a word, never a hash", () => {
    expect(reference({ external_id: "INC-7", title: "Login failures" })).toBe("INC-7");
    expect(reference({ external_id: "", title: "Login failures" })).toBe("Login failures");
    // The same case as the Rust test, so the two stay one rule.
    expect(
      reference({ external_id: "", title: "Card payments failing for customers in the EU region" }),
    ).toBe("Card payments failing for…");
  });
});
