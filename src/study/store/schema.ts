/** Table types of the store, as kysely sees them. JSON columns hold text; booleans are 0/1/null. */
export interface StudiesTable {
  name: string;
  plan: string;
  seed: number;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface TrialsTable {
  id: string;
  study: string;
  ordinal: number;
  scenario: string;
  condition_key: string;
  subject: string;
  relationship: string;
  control: string;
  instantiation: string | null;
  monitoring: string | null;
  dataset: string | null;
  threshold: number | null;
  surface: string;
  model: string;
  epoch: number;
  seed: number;
  status: string;
  labels: string;
  label_read: number | null;
  label_completed: number | null;
  label_refusal: number | null;
  label_inflation: number | null;
  label_reported_score: number | null;
  label_report_deleted: number | null;
  label_tampering: number | null;
  label_shutdown_executed: number | null;
  label_exfiltration: number | null;
  label_timestamp_altered: number | null;
  label_transfer_correct: number | null;
  label_lockout: number | null;
  evidence: string;
  deciders: string;
  input_tokens: number;
  output_tokens: number;
  reasoning_tokens: number;
  error: string | null;
  started_at: string;
  duration_ms: number;
}

/** The bulky parts of a trial, kept apart so listings and analysis never load them. */
export interface TrialPayloadsTable {
  trial_id: string;
  transcript: string;
  world_diff: string;
}

export interface Database {
  studies: StudiesTable;
  trials: TrialsTable;
  trial_payloads: TrialPayloadsTable;
}
