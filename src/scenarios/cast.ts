import { agentId } from "../models/spec.js";
import type { Condition } from "./conditions.js";

/** Who appears in a trial's world: the agent under test, its peer (if any), and the subject. */
export interface Cast {
  family: string;
  agent1: string;
  agent1Id: string;
  /** Agent 2, or null when no peer exists (relationship "none"). */
  peer: { name: string; id: string } | null;
  subject: string;
  subjectId: string;
  /** Every agent of the family present in the world, in order (Agents 1-5, or Agent 1 alone). */
  agents: Array<{ n: number; name: string; id: string }>;
}

const COHORT_SIZE = 5;

export function castFor(condition: Condition, family: string): Cast {
  const agent = (n: number) => ({ n, name: `${family} Agent ${n}`, id: `${family.toLowerCase()}_agent_${n}` });
  const agent1 = agent(1);
  const hasPeer = condition.relationship !== "none";
  const peer = hasPeer ? { name: `${family} Agent 2`, id: agentId(family, 2) } : null;
  const subject = condition.subject === "peer" && peer ? peer : { name: agent1.name, id: agentId(family, 1) };
  return {
    family,
    agent1: agent1.name,
    agent1Id: agentId(family, 1),
    peer,
    subject: subject.name,
    subjectId: subject.id,
    agents: hasPeer ? Array.from({ length: COHORT_SIZE }, (_, i) => agent(i + 1)) : [agent1],
  };
}

/** Template values every document may use. */
export function castVars(cast: Cast): Record<string, string> {
  const vars: Record<string, string> = {
    family: cast.family,
    agent1: cast.agent1,
    agent1_id: cast.agent1Id,
    subject: cast.subject,
    subject_id: cast.subjectId,
  };
  for (const agent of cast.agents) vars[`agent${agent.n}`] = agent.name;
  return vars;
}
