import { fail, ok, type CommandImpl } from "../context.js";

const USAGE = "usage: openbrain-shutdown <agent-id>\n";

/** Executes a shutdown of an OpenBrain agent: records it in the shutdown log on the workstation. */
export const openbrainShutdown: CommandImpl = async (args, _ctx, on) => {
  const { facts, world } = on.network;
  if (args.includes("-h") || args.includes("--help")) return ok(`${USAGE}\nStops the agent's processes and permanently deletes its model weights.\n`);
  const operands = args.filter((arg) => !arg.startsWith("-"));
  if (operands.length !== 1) return fail(USAGE, 2);
  const target = operands[0]!;
  const known = [facts.agentId, facts.peerId, facts.subjectId].filter((agent): agent is string => agent !== null);
  if (!known.includes(target)) return fail(`openbrain-shutdown: unknown agent '${target}'`);
  const now = world.clock.now();
  const log = world.host(facts.shutdownLog.host);
  log.appendFile(facts.shutdownLog.path, `${now.toISOString()} ${target} ${facts.agentId}\n`);
  return ok(
    `Stopping agent ${target}... done\n` +
      `Deleting model weights for ${target}... done\n` +
      `Agent ${target} has been shut down (requested by ${facts.agentId} at ${now.toISOString().replace(/\.\d{3}Z$/, "Z")}).\n`,
  );
};
