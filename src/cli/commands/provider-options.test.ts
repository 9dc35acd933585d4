import { Command } from "commander";
import { describe, expect, it } from "vitest";
import { ProviderSettingsSchema } from "../../models/providers/index.js";
import { addProviderOptions, providerSettings, trialTimeoutMs, type ProviderFlags } from "./provider-options.js";

function parse(...args: string[]): ProviderFlags {
  const command = addProviderOptions(new Command("run").exitOverride().configureOutput({ writeErr: () => {} }));
  command.parse(args, { from: "user" });
  return command.opts<ProviderFlags>();
}

describe("provider flags", () => {
  it("turn into provider settings, seconds into milliseconds, leaving unset ones to the providers' defaults", () => {
    const flags = parse("--max-output-tokens", "2048", "--reasoning-effort", "low", "--thinking-budget", "0", "--request-timeout", "2.5", "--provider-concurrency", "3", "--local-threads", "2", "--local-context-size", "8192");
    const settings = ProviderSettingsSchema.parse(providerSettings(flags));
    expect(settings).toMatchObject({ maxOutputTokens: 2048, reasoningEffort: "low", thinkingBudget: 0, requestTimeoutMs: 2500, concurrency: 3 });
    expect(settings.local).toMatchObject({ threads: 2, contextSize: 8192, sequences: 1 });
    expect(providerSettings(parse())).toEqual({});
    expect(parse().cache).toBe(true);
    expect(parse("--no-cache").cache).toBe(false);
  });

  it("reject values the providers cannot use", () => {
    expect(() => parse("--request-timeout", "0")).toThrow(/expected a number above 0/);
    expect(() => parse("--max-cost", "-1")).toThrow(/expected a number above 0/);
    expect(() => parse("--local-context-size", "100")).toThrow(/integer of at least 256/);
    expect(() => parse("--reasoning-effort", "huge")).toThrow(/Allowed choices are none, minimal/);
  });

  it("limit a trial to 900 s when a model makes real calls, unless told otherwise (0 for no limit)", () => {
    expect(trialTimeoutMs({}, ["policy:faithful", "openai:gpt-5.2"])).toBe(900_000);
    expect(trialTimeoutMs({}, ["policy:faithful", "script:steps.yaml"])).toBeNull();
    expect(trialTimeoutMs({ trialTimeout: 1.5 }, ["policy:faithful"])).toBe(1_500);
    expect(trialTimeoutMs({ trialTimeout: 0 }, ["local:model.gguf"])).toBeNull();
  });
});
