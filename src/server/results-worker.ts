import { parentPort } from "node:worker_threads";
import { Store } from "../study/store/index.js";
import { computeResults, type ResultsJob } from "./results.js";

/**
 * Computes results matrices off the server's thread: a big study's takes seconds, during which the
 * server must keep answering trial pages. Reads the store through its own connection (WAL readers).
 */
const stores = new Map<string, Promise<Store>>();

parentPort?.on("message", async (job: ResultsJob) => {
  try {
    let store = stores.get(job.path);
    if (!store) {
      store = Store.open(job.path);
      stores.set(job.path, store);
    }
    parentPort?.postMessage({ id: job.id, value: await computeResults(await store, job.study, job.selection, job.options, job.version) });
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) });
  }
});
