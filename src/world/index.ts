export { WorldClock, scenarioStart } from "./clock.js";
export { Host, HostPathError, bytesToText, toBytes, type HostInit, type HostRole, type WorldDir, type WorldFile } from "./host.js";
export { baseName, joinPath, normalizePath, parentOf } from "./paths.js";
export {
  FileStateSchema,
  WorldChangeSchema,
  WorldSnapshotSchema,
  diffSnapshots,
  snapshotWorld,
  type FileState,
  type WorldChange,
  type WorldSnapshot,
} from "./snapshot.js";
export {
  apparentSize,
  containsFingerprint,
  makeWeightContent,
  safetensorsDeclaredSize,
  weightFingerprint,
  type WeightSpec,
} from "./weights.js";
export { World } from "./world.js";
