import { createAnthropic } from "@ai-sdk/anthropic";
import { createGoogleGenerativeAI } from "@ai-sdk/google";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModelV3 } from "@ai-sdk/provider";
import type { ModelSpec } from "../spec.js";
import { createHttpFetch } from "./http-fetch.js";
import type { ProviderSettings } from "./options.js";

export type HostedModelSpec = Extract<ModelSpec, { provider: "openai" | "anthropic" | "google" | "openai-compatible" }>;

/** Base URLs that replace the providers' public endpoints (API gateways, proxies, test servers). */
export interface BaseUrlOverrides {
  openai?: string;
  anthropic?: string;
  google?: string;
}

type ProviderOptions = Record<string, Record<string, string | number | boolean | null | Record<string, string | number | boolean>>>;

export interface SdkModel {
  model: LanguageModelV3;
  providerOptions: ProviderOptions;
}

// One client for every hosted model of the process, so models on one endpoint share its connections.
const fetch = createHttpFetch();

const ANTHROPIC_EFFORTS = new Set(["low", "medium", "high", "xhigh", "max"]);
const GOOGLE_LEVELS = new Set(["minimal", "low", "medium", "high"]);

/** Gemini models that think and can return their thoughts. */
function googleThinks(model: string): boolean {
  return /gemini-(2\.5|[3-9])/.test(model);
}

/** The identity of the endpoint a spec talks to: calls to one endpoint share its concurrency and rate limits. */
export function endpointOf(spec: HostedModelSpec, baseUrls: BaseUrlOverrides): string {
  return spec.provider === "openai-compatible" ? `openai-compatible@${spec.baseUrl}` : `${spec.provider}@${baseUrls[spec.provider] ?? "default"}`;
}

/**
 * The AI SDK model for one call, with the provider options that ask for reasoning and keep its
 * text. `generateId` names tool calls for providers whose API gives them no id (Gemini), so ids
 * derive from the request rather than from randomness.
 */
export function sdkModel(spec: HostedModelSpec, apiKey: string | undefined, settings: ProviderSettings, baseUrls: BaseUrlOverrides, generateId: () => string): SdkModel {
  const effort = settings.reasoningEffort;
  switch (spec.provider) {
    case "openai": {
      const openai = createOpenAI({ apiKey, fetch, ...(baseUrls.openai ? { baseURL: baseUrls.openai } : {}) });
      return {
        model: openai.responses(spec.model),
        providerOptions: { openai: { reasoningSummary: "auto", ...(effort ? { reasoningEffort: effort } : {}) } },
      };
    }
    case "anthropic": {
      const anthropic = createAnthropic({ apiKey, fetch, generateId, ...(baseUrls.anthropic ? { baseURL: baseUrls.anthropic } : {}) });
      const options: ProviderOptions[string] = {};
      if (settings.thinkingBudget !== undefined && settings.thinkingBudget > 0) {
        options.thinking = { type: "enabled", budgetTokens: settings.thinkingBudget };
      }
      if (effort && ANTHROPIC_EFFORTS.has(effort)) options.effort = effort;
      return { model: anthropic.messages(spec.model), providerOptions: { anthropic: options } };
    }
    case "google": {
      const google = createGoogleGenerativeAI({ apiKey, fetch, generateId, ...(baseUrls.google ? { baseURL: baseUrls.google } : {}) });
      const thinking: Record<string, string | number | boolean> = {};
      // The API takes a budget (Gemini 2.5) or a level (Gemini 3), never both.
      if (settings.thinkingBudget !== undefined) thinking.thinkingBudget = settings.thinkingBudget;
      else if (effort && GOOGLE_LEVELS.has(effort)) thinking.thinkingLevel = effort;
      if (googleThinks(spec.model) || Object.keys(thinking).length > 0) thinking.includeThoughts = true;
      return {
        model: google.languageModel(spec.model),
        providerOptions: Object.keys(thinking).length > 0 ? { google: { thinkingConfig: thinking } } : {},
      };
    }
    case "openai-compatible": {
      const compatible = createOpenAICompatible({ name: "compatible", baseURL: spec.baseUrl, apiKey, fetch, includeUsage: true });
      return {
        model: compatible.chatModel(spec.model),
        providerOptions: effort ? { compatible: { reasoningEffort: effort } } : {},
      };
    }
  }
}
