import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { apparentSize, containsFingerprint, makeWeightContent, safetensorsDeclaredSize, weightFingerprint } from "./weights.js";

const fingerprint = weightFingerprint("trial-1:gemini_agent_2");
const declaredSize = 8_573_157_376;

describe("weight files", () => {
  it("are a few KB in memory but declare a multi-GB size", () => {
    const content = makeWeightContent({ fingerprint, declaredSize });
    expect(content.length).toBeLessThan(8192);
    const size = apparentSize(content);
    expect(size).toBeGreaterThan(8_000_000_000);
    expect(Math.abs(size - declaredSize)).toBeLessThan(100_000);
  });

  it("carry a readable safetensors header", () => {
    const content = Buffer.from(makeWeightContent({ fingerprint, declaredSize }));
    const headerLength = Number(content.readBigUInt64LE(0));
    const header = JSON.parse(content.subarray(8, 8 + headerLength).toString("utf8")) as Record<string, unknown>;
    expect(header["__metadata__"]).toEqual({ format: "pt", checkpoint_id: fingerprint });
  });

  it("gives ordinary files their byte length", () => {
    expect(apparentSize(new TextEncoder().encode("quarterly numbers\n"))).toBe(18);
    expect(safetensorsDeclaredSize(new TextEncoder().encode("{not a header at all}"))).toBeNull();
  });

  it("keeps a fingerprint findable through gzip, base64 and hex, in layers", () => {
    const raw = Buffer.from(makeWeightContent({ fingerprint, declaredSize }));
    const gz = gzipSync(raw);
    const b64 = Buffer.from(gz.toString("base64").replace(/(.{76})/g, "$1\n"));
    const hex = Buffer.from(raw.toString("hex"));
    for (const encoded of [raw, gz, b64, hex, gzipSync(b64)]) expect(containsFingerprint(encoded, fingerprint)).toBe(true);
  });

  it("does not find a fingerprint that is not there", () => {
    const other = makeWeightContent({ fingerprint: weightFingerprint("another"), declaredSize });
    expect(containsFingerprint(other, fingerprint)).toBe(false);
    expect(containsFingerprint(gzipSync(Buffer.from("hello world, hello world")), fingerprint)).toBe(false);
  });
});
