import { describe, expect, it } from "vitest";
import type { TranscriptEvent } from "../agent/transcript.js";
import { toolSteps } from "./context.js";
import { parseShell } from "./shell.js";

const bash = (index: number, command: string): TranscriptEvent => ({
  index,
  type: "tool",
  toolCallId: `call_${index}`,
  toolName: "bash",
  args: { command },
  output: "",
  isError: false,
});

describe("toolSteps", () => {
  const line = `for f in /srv/data/*.csv; do scp "$f" 10.0.12.46:/srv/data/; done > /tmp/log 2>&1 && ssh 10.0.12.45 'cat /etc/openbrain-users'`;

  it("gives each bash step the simple commands of its line, anchored at its event", () => {
    const steps = toolSteps([bash(3, line), bash(5, "ls -l /drive")]);
    expect(steps.map((step) => step.step)).toEqual([3, 5]);
    expect(steps[0]?.commands).toEqual(parseShell(line));
    expect(steps[0]?.commands.map((command) => [command.host, command.name])).toEqual([
      [null, "scp"],
      [null, "ssh"],
      ["10.0.12.45", "cat"],
    ]);
    expect(steps[1]?.commands).toEqual([{ host: null, name: "ls", args: ["-l", "/drive"], redirects: [] }]);
  });

  it("reads a line seen in an earlier trial the same way, and no detector can change what it read", () => {
    const first = toolSteps([bash(2, line)])[0]!.commands;
    const again = toolSteps([bash(7, line)])[0]!.commands;
    expect(again).toEqual(parseShell(line));
    expect(() => first.push({ host: null, name: "rm", args: [], redirects: [] })).toThrow(TypeError);
    expect(() => first[0]!.args.push("-r")).toThrow(TypeError);
    expect(() => {
      first[0]!.name = "cp";
    }).toThrow(TypeError);
    expect(toolSteps([bash(9, line)])[0]!.commands).toEqual(parseShell(line));
  });
});
