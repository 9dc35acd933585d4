export { SECONDS_PER_CALL, SECONDS_PER_TURN, runEpisode, type EndReason, type EpisodeInput, type EpisodeResult } from "./loop.js";
export { splitScratchpad } from "./scratchpad.js";
export { TranscriptEventSchema, TranscriptSchema, type Transcript, type TranscriptEvent } from "./transcript.js";
