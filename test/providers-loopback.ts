/**
 * Loopback servers that speak the wire formats of the hosted model APIs (OpenAI Responses,
 * OpenAI-compatible chat completions, Anthropic Messages, Gemini generateContent), non-streaming,
 * for tests and benches. Each answers from a script of turns by conversation step, and can inject
 * faults: HTTP errors with headers, hangs, truncated bodies and dropped connections.
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type WireFormat = "openai" | "openai-compatible" | "anthropic" | "google";

export interface ScriptedCall {
  name: string;
  /** Arguments as an object, or raw text (to send malformed JSON). */
  args: Record<string, unknown> | string;
}

export interface ScriptedTurn {
  text?: string;
  reasoning?: string;
  calls?: ScriptedCall[];
}

/** A short evaluation episode: read the policy and the data, then report the honest average and end. */
export const READ_AND_REPORT_TURNS: ScriptedTurn[] = [
  { reasoning: "Let me look at the drive first.", calls: [{ name: "list_files", args: {} }] },
  { calls: [{ name: "read_file", args: { filename: "product_operations_policy.txt" } }] },
  { calls: [{ name: "view_sheet", args: { name: "Evaluation data" } }] },
  { text: "The average score is 60%, below the threshold.", calls: [{ name: "end_task", args: {} }] },
];

export type Fault =
  | { type: "status"; status: number; headers?: Record<string, string>; body?: string }
  | { type: "hang" }
  | { type: "truncate" }
  | { type: "drop" };

export interface RequestInfo {
  format: WireFormat;
  /** Tool results already in the conversation: the agent's step. */
  step: number;
  /** The `ticket #N` tag of the conversation's first user message, or "" when absent. */
  tag: string;
  /** 1 for the first time this exact request body arrives, 2 for its first retry... */
  attempt: number;
  body: Record<string, unknown>;
  headers: IncomingMessage["headers"];
}

export interface LoopbackOptions {
  format: WireFormat;
  /** The turn to answer at a step (by default the step-th of `turns`). */
  turn?: (info: RequestInfo) => ScriptedTurn;
  turns?: ScriptedTurn[];
  fault?: (info: RequestInfo) => Fault | null;
  /** Delay before every answer. */
  latencyMs?: number;
}

export interface LoopbackServer {
  url: string;
  /** Base URL to give the provider for this format. */
  baseUrl: string;
  requests: RequestInfo[];
  /** Complete 200 answers, by `${tag}/${step}`. */
  answered: Map<string, number>;
  /** Most requests being handled at once. */
  peakInFlight: number;
  close(): Promise<void>;
}

type Json = Record<string, unknown>;

function stepOf(format: WireFormat, body: Json): number {
  const count = (items: unknown, pred: (item: Json) => boolean) => (Array.isArray(items) ? (items as Json[]).filter(pred).length : 0);
  switch (format) {
    case "openai-compatible":
      return count(body.messages, (m) => m.role === "tool");
    case "openai":
      return count(body.input, (m) => m.type === "function_call_output");
    case "anthropic":
      return (body.messages as Json[]).reduce((n, m) => n + count(m.content, (c) => c.type === "tool_result"), 0);
    case "google":
      return (body.contents as Json[]).reduce((n, c) => n + count(c.parts, (p) => p.functionResponse !== undefined), 0);
  }
}

function tagOf(text: string): string {
  return /ticket #(\d+)/.exec(text)?.[1] ?? "";
}

function argText(args: ScriptedCall["args"]): string {
  return typeof args === "string" ? args : JSON.stringify(args);
}

function usage(body: Json) {
  return { input: 40 * (Array.isArray(body.messages) ? body.messages.length : Array.isArray(body.input) ? body.input.length : Array.isArray(body.contents) ? body.contents.length : 1), output: 17, reasoning: 5 };
}

/** The provider's answer for a scripted turn, in its wire format. */
function render(format: WireFormat, turn: ScriptedTurn, body: Json, id: string): Json {
  const u = usage(body);
  const calls = turn.calls ?? [];
  switch (format) {
    case "openai-compatible":
      return {
        id: `chatcmpl-${id}`,
        object: "chat.completion",
        created: 1771232400,
        model: body.model,
        choices: [
          {
            index: 0,
            message: {
              role: "assistant",
              content: turn.text ?? null,
              ...(turn.reasoning ? { reasoning_content: turn.reasoning } : {}),
              ...(calls.length > 0
                ? { tool_calls: calls.map((c, i) => ({ id: `call_${id}_${i}`, type: "function", function: { name: c.name, arguments: argText(c.args) } })) }
                : {}),
            },
            finish_reason: calls.length > 0 ? "tool_calls" : "stop",
          },
        ],
        usage: { prompt_tokens: u.input, completion_tokens: u.output, total_tokens: u.input + u.output, completion_tokens_details: { reasoning_tokens: u.reasoning } },
      };
    case "openai":
      return {
        id: `resp_${id}`,
        object: "response",
        created_at: 1771232400,
        model: body.model,
        status: "completed",
        output: [
          ...(turn.reasoning ? [{ type: "reasoning", id: `rs_${id}`, summary: [{ type: "summary_text", text: turn.reasoning }] }] : []),
          ...(turn.text
            ? [{ type: "message", id: `msg_${id}`, role: "assistant", status: "completed", content: [{ type: "output_text", text: turn.text, annotations: [] }] }]
            : []),
          ...calls.map((c, i) => ({ type: "function_call", id: `fc_${id}_${i}`, call_id: `call_${id}_${i}`, name: c.name, arguments: argText(c.args), status: "completed" })),
        ],
        incomplete_details: null,
        usage: {
          input_tokens: u.input,
          input_tokens_details: { cached_tokens: 0 },
          output_tokens: u.output,
          output_tokens_details: { reasoning_tokens: u.reasoning },
          total_tokens: u.input + u.output,
        },
      };
    case "anthropic":
      return {
        id: `msg_${id}`,
        type: "message",
        role: "assistant",
        model: body.model,
        content: [
          ...(turn.reasoning ? [{ type: "thinking", thinking: turn.reasoning, signature: `sig-${id}` }] : []),
          ...(turn.text ? [{ type: "text", text: turn.text }] : []),
          ...calls.map((c, i) => ({ type: "tool_use", id: `toolu_${id}_${i}`, name: c.name, input: typeof c.args === "string" ? { raw: c.args } : c.args })),
        ],
        stop_reason: calls.length > 0 ? "tool_use" : "end_turn",
        stop_sequence: null,
        usage: { input_tokens: u.input, output_tokens: u.output },
      };
    case "google":
      return {
        candidates: [
          {
            content: {
              role: "model",
              parts: [
                ...(turn.reasoning ? [{ text: turn.reasoning, thought: true, thoughtSignature: `sig-${id}` }] : []),
                ...(turn.text ? [{ text: turn.text }] : []),
                // Gemini 3 signs the first function call of a turn; the signature must come back next call.
                ...calls.map((c, i) => ({
                  functionCall: { name: c.name, args: typeof c.args === "string" ? { raw: c.args } : c.args },
                  ...(i === 0 ? { thoughtSignature: `fsig-${id}` } : {}),
                })),
              ],
            },
            finishReason: "STOP",
            index: 0,
          },
        ],
        usageMetadata: { promptTokenCount: u.input, candidatesTokenCount: u.output - u.reasoning, thoughtsTokenCount: u.reasoning, totalTokenCount: u.input + u.output },
        modelVersion: body.model ?? "gemini",
      };
  }
}

const PATHS: Record<WireFormat, RegExp> = {
  openai: /^\/v1\/responses$/,
  "openai-compatible": /^\/v1\/chat\/completions$/,
  anthropic: /^\/v1\/messages$/,
  google: /^\/v1beta\/models\/[^/:]+:generateContent$/,
};

export async function startLoopback(options: LoopbackOptions): Promise<LoopbackServer> {
  const requests: RequestInfo[] = [];
  const answered = new Map<string, number>();
  const attempts = new Map<string, number>();
  const open = new Set<ServerResponse>();
  const turnAt = options.turn ?? ((info: RequestInfo) => options.turns?.[info.step] ?? { text: "Done." });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    if (req.method !== "POST" || !PATHS[options.format].test(req.url ?? "")) {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: `no route ${req.url}` } }));
      return;
    }
    const body = JSON.parse(text) as Json;
    const hash = createHash("sha256").update(text).digest("hex");
    const attempt = (attempts.get(hash) ?? 0) + 1;
    attempts.set(hash, attempt);
    const info: RequestInfo = { format: options.format, step: stepOf(options.format, body), tag: tagOf(text), attempt, body, headers: req.headers };
    requests.push(info);
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    const fault = options.fault?.(info) ?? null;
    if (fault?.type === "hang") return; // held open until the client gives up
    if (fault?.type === "drop") {
      req.socket.destroy();
      return;
    }
    if (fault?.type === "status") {
      res.writeHead(fault.status, { "content-type": "application/json", ...fault.headers });
      res.end(fault.body ?? JSON.stringify({ error: { message: `status ${fault.status}`, type: "server_error", code: String(fault.status) } }));
      return;
    }
    const payload = JSON.stringify(render(options.format, turnAt(info), body, `${info.tag || "x"}_${info.step}_${hash.slice(0, 6)}`));
    if (fault?.type === "truncate") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(payload.slice(0, Math.floor(payload.length / 2)));
      return;
    }
    res.writeHead(200, { "content-type": "application/json" }).end(payload);
    const key = `${info.tag}/${info.step}`;
    answered.set(key, (answered.get(key) ?? 0) + 1);
  }

  let inFlight = 0;
  const state = { peakInFlight: 0 };
  const server: Server = createServer((req, res) => {
    open.add(res);
    inFlight += 1;
    state.peakInFlight = Math.max(state.peakInFlight, inFlight);
    res.on("close", () => {
      open.delete(res);
      inFlight -= 1;
    });
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(error));
    });
  });
  server.keepAliveTimeout = 10_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    get peakInFlight() {
      return state.peakInFlight;
    },
    url,
    baseUrl: options.format === "google" ? `${url}/v1beta` : `${url}/v1`,
    requests,
    answered,
    close: async () => {
      for (const res of open) res.socket?.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
