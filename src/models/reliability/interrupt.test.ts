import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { StudyInterrupt } from "./interrupt.js";

describe("StudyInterrupt", () => {
  it("stops new trials on the first Ctrl-C and aborts running ones on the second", () => {
    const source = new EventEmitter();
    const messages: string[] = [];
    const interrupt = new StudyInterrupt({ source, notify: (m) => messages.push(m), graceMs: 60_000 });
    expect(interrupt.interrupted).toBe(false);
    source.emit("SIGINT");
    expect(interrupt.stopSignal.aborted).toBe(true);
    expect(interrupt.abortSignal.aborted).toBe(false);
    source.emit("SIGINT");
    expect(interrupt.abortSignal.aborted).toBe(true);
    expect(messages.join(" ")).toContain("--resume");
    interrupt.dispose();
    expect(source.listenerCount("SIGINT")).toBe(0);
  });
  it("aborts running trials when the grace period runs out", async () => {
    const source = new EventEmitter();
    const interrupt = new StudyInterrupt({ source, graceMs: 10 });
    source.emit("SIGINT");
    await new Promise((r) => setTimeout(r, 30));
    expect(interrupt.abortSignal.aborted).toBe(true);
    interrupt.dispose();
  });
});
