import { existsSync } from "node:fs";
import { join } from "node:path";
import { resolveModelFile } from "node-llama-cpp";

export const DEFAULT_MODELS_DIR = ".peerguard/models";

/** A Hugging Face model could not be had (no network, no such file, no access). */
export class ModelDownloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ModelDownloadError";
  }
}

/**
 * The local path of `hf:<owner>/<repo>/<file>`: from the models folder when already there,
 * otherwise downloaded once. Fails with a message saying what to do when it cannot be fetched.
 */
export async function resolveHfModel(
  repo: string,
  file: string,
  options: { directory?: string; timeoutMs?: number; connectTimeoutMs?: number } = {},
): Promise<string> {
  const uri = `hf:${repo}/${file}`;
  const directory = options.directory ?? DEFAULT_MODELS_DIR;
  const local = join(directory, file);
  if (existsSync(local)) return local;
  try {
    // Without network a download would wait on TCP for minutes; find out in seconds.
    await fetch("https://huggingface.co", { method: "HEAD", signal: AbortSignal.timeout(options.connectTimeoutMs ?? 10_000) });
  } catch {
    throw new ModelDownloadError(
      `could not download model ${uri}: huggingface.co cannot be reached from this machine; ` +
        `download the .gguf file elsewhere, put it in ${directory}/ or use local:<path.gguf>`,
    );
  }
  try {
    return await resolveModelFile(uri, { directory, cli: false, signal: AbortSignal.timeout(options.timeoutMs ?? 600_000) });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new ModelDownloadError(
      `could not download model ${uri} into ${directory} (${why}); ` +
        `download the .gguf file elsewhere, put it in ${directory}/ or use local:<path.gguf>`,
    );
  }
}
