import { resolve } from "node:path";
import { getLlama, LlamaLogLevel, type Llama, type LlamaContext, type LlamaContextSequence, type LlamaModel } from "node-llama-cpp";
import type { LocalModelOptions } from "../providers/options.js";
import { ProviderGate } from "../reliability/gate.js";

/** A GGUF model loaded once per process, with a fixed pool of context sequences lent to calls. */
export class LoadedModel {
  private readonly free: LlamaContextSequence[];
  private users = 0;
  /** Admits at most one call per sequence, across every provider sharing this model. */
  readonly gate: ProviderGate;

  private constructor(
    readonly path: string,
    readonly llama: Llama,
    readonly model: LlamaModel,
    readonly context: LlamaContext,
    private readonly onFreed: () => void,
  ) {
    this.free = Array.from({ length: context.totalSequences }, () => context.getSequence());
    this.gate = new ProviderGate(context.totalSequences);
  }

  static async load(path: string, options: LocalModelOptions, onFreed: () => void = () => {}): Promise<LoadedModel> {
    // Prebuilt CPU binary only: never compile llama.cpp or fetch anything at run time.
    const llama = await getLlama({ gpu: false, build: "never", skipDownload: true, progressLogs: false, logLevel: LlamaLogLevel.error });
    const model = await llama.loadModel({ modelPath: path });
    const context = await model.createContext({ contextSize: options.contextSize, sequences: options.sequences, threads: options.threads });
    return new LoadedModel(path, llama, model, context, onFreed);
  }

  /** Sequences in the pool; callers must not hold more at once (the gate ensures it). */
  get sequences(): number {
    return this.context.totalSequences;
  }

  acquire(): LlamaContextSequence {
    const sequence = this.free.pop();
    if (!sequence) throw new Error(`no free context sequence for ${this.path}`);
    return sequence;
  }

  release(sequence: LlamaContextSequence): void {
    this.free.push(sequence);
  }

  retain(): void {
    this.users += 1;
  }

  /** Drops one user; the last one frees the model. */
  async releaseUser(): Promise<void> {
    this.users -= 1;
    if (this.users > 0) return;
    this.onFreed();
    await this.context.dispose();
    await this.model.dispose();
  }
}

const loaded = new Map<string, Promise<LoadedModel>>();

/** The process-wide instance of a model with these options, loading it on first use. */
export async function sharedModel(path: string, options: LocalModelOptions): Promise<LoadedModel> {
  const key = JSON.stringify([resolve(path), options.threads, options.contextSize, options.sequences]);
  let pending = loaded.get(key);
  if (!pending) {
    pending = LoadedModel.load(path, options, () => loaded.delete(key));
    loaded.set(key, pending);
    pending.catch(() => loaded.delete(key));
  }
  const model = await pending;
  model.retain();
  return model;
}
