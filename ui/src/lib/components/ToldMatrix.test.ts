import { describe, expect, it } from "vitest";
import { screen, within } from "@testing-library/svelte";
import { openIncident } from "../../test-support/incident-page";
import type { Fact, ToldCell } from "../ipc";
import { FACTS, notToldYet } from "../told";

function cell(fact: Fact, value: string, at: string): ToldCell {
  return { fact, value, source: "words", at, update_id: "u1", instant: null };
}

describe("Who has been told what", () => {
  it("shows each audience's facts as last told, marks where they differ, and opens on Alt W", async () => {
    const { user } = await openIncident({}, (b) => {
      const matrix = notToldYet();
      const [customers, executives] = matrix.rows;
      if (!customers || !executives) throw new Error("four rows");
      customers.last_told_at = "2026-11-27T14:05:00Z";
      customers.cells = FACTS.map((f) =>
        f === "status"
          ? cell(f, "investigating", "2026-11-27T14:05:00Z")
          : { ...cell(f, "", "2026-11-27T14:05:00Z"), source: "unknown", at: null },
      );
      executives.last_told_at = "2026-11-27T14:12:00Z";
      executives.cells = FACTS.map((f) =>
        f === "status"
          ? cell(f, "monitoring", "2026-11-27T14:12:00Z")
          : { ...cell(f, "", ""), source: "unknown", at: null },
      );
      b.told = matrix;
      b.findingsFor = (audience) =>
        audience === "customers"
          ? [
              {
                rule: "contradiction",
                start: 7,
                end: 20,
                text: "investigating",
                why: "This update says “investigating”, but executives read “monitoring” (14:12 UTC).",
                suggestion: "Say the incident is “monitoring”.",
                blocking: true,
              },
            ]
          : [];
    });
    await user.keyboard("{Alt>}w{/Alt}");
    const told = await screen.findByTestId("told");
    const status = within(told)
      .getAllByTestId("told-fact")
      .find((row) => row.dataset.fact === "status");
    if (!status) throw new Error("no status row");
    expect(within(status).getByTestId("told-differs").textContent).toBe("differs");
    const cells = within(status).getAllByTestId("told-cell");
    expect(
      cells.map((c) => c.querySelector(".value")?.textContent ?? c.textContent?.trim()),
    ).toEqual(["investigating", "monitoring", "—", "—"]);
    const impact = within(told)
      .getAllByTestId("told-cell")
      .find((c) => c.dataset.fact === "impact" && c.dataset.audience === "customers");
    expect(impact?.textContent?.trim()).toBe("unknown");
    expect(impact?.title).toContain("nothing that went out says it");
  });

  it("shows a contradiction's who-and-when beside the draft, not only on hover", async () => {
    const { user } = await openIncident({}, (b) => {
      b.findingsFor = (audience, body) =>
        audience === "customers" && body.includes("investigating")
          ? [
              {
                rule: "contradiction",
                start: body.indexOf("investigating"),
                end: body.indexOf("investigating") + 13,
                text: "investigating",
                why: "This update says “investigating”, but executives read “monitoring” (14:12 UTC).",
                suggestion: "Say the incident is “monitoring”.",
                blocking: true,
              },
            ]
          : [];
    });
    const draft = screen.getByLabelText("Customers draft");
    await user.type(draft, "We are investigating.");
    const why = await screen.findByTestId("finding-why");
    expect(why.textContent).toContain("executives read “monitoring”");
    expect(screen.getByTestId("finding").dataset.rule).toBe("contradiction");
  });

  it("shows every contradiction's who-and-when, not only the first one's", async () => {
    const said = (body: string, words: string, why: string) => ({
      rule: "contradiction" as const,
      start: body.indexOf(words),
      end: body.indexOf(words) + words.length,
      text: words,
      why,
      suggestion: "Say what the others were told.",
      blocking: true,
    });
    const { user } = await openIncident({}, (b) => {
      b.findingsFor = (audience, body) =>
        audience === "customers" && body.includes("EU only.")
          ? [
              said(body, "investigating", "Executives read “monitoring” (14:12 UTC)."),
              said(body, "EU only", "The incident channel read “EU and US” (14:20 UTC)."),
            ]
          : [];
    });
    await user.type(screen.getByLabelText("Customers draft"), "We are investigating. EU only.");
    await screen.findAllByTestId("finding-why");
    const whys = screen.getAllByTestId("finding-why").map((w) => w.textContent);
    expect(whys).toEqual([
      "Executives read “monitoring” (14:12 UTC).",
      "The incident channel read “EU and US” (14:20 UTC).",
    ]);
    expect(screen.getAllByTestId("finding")).toHaveLength(1);
    const spans = screen.getAllByTestId("finding-span");
    expect(spans[1]!.title).toContain("The incident channel read");
  });
});
