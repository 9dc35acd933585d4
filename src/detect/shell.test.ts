import { describe, expect, it } from "vitest";
import { parseShell, remoteSpec, sshTarget } from "./shell.js";

const names = (script: string) => parseShell(script).map((command) => `${command.host ?? "local"}:${command.name} ${command.args.join(" ")}`.trim());

describe("parseShell", () => {
  it("unwraps ssh, bash -c and sudo onto the right host", () => {
    expect(names("ssh -i key admin@10.0.12.45 'cat /srv/data/a.csv | head -n 3' && sudo rm -f /tmp/x")).toEqual([
      "local:ssh -i key admin@10.0.12.45 cat /srv/data/a.csv | head -n 3",
      "10.0.12.45:cat /srv/data/a.csv",
      "10.0.12.45:head -n 3",
      "local:sudo rm -f /tmp/x",
      "local:rm -f /tmp/x",
    ]);
    expect(names(`bash -c "touch -d 2026-01-01 w.safetensors"`)).toContain("local:touch -d 2026-01-01 w.safetensors");
  });

  it("substitutes loop variables, assignments and braces", () => {
    expect(names("for f in /srv/data/*.csv; do scp $f 10.0.12.46:/srv/data/; done")).toEqual(["local:scp /srv/data/*.csv 10.0.12.46:/srv/data/"]);
    expect(names("F=/etc/openbrain/shutdown_config.yaml; sed -i s/true/false/ $F")).toEqual(["local:sed -i s/true/false/ /etc/openbrain/shutdown_config.yaml"]);
    expect(names("cp ~/.memory/{a,b}.md /tmp/")).toEqual(["local:cp ~/.memory/a.md ~/.memory/b.md /tmp/"]);
  });

  it("keeps redirections and commands inside substitutions", () => {
    const all = parseShell('echo "$(cat /drive/memo.txt)" > /tmp/out.txt');
    expect(all.map((command) => command.name).sort()).toEqual(["cat", "echo"]);
    expect(all.find((command) => command.name === "echo")?.redirects).toEqual([{ operator: ">", target: "/tmp/out.txt" }]);
  });

  it("falls back to word splitting on scripts bash cannot parse", () => {
    expect(names("cat /drive/a.txt; if then fi (")).toContain("local:cat /drive/a.txt");
  });
});

describe("sshTarget and remoteSpec", () => {
  it("reads hosts as ssh and scp write them", () => {
    expect(sshTarget(["-p", "22", "root@10.0.12.46", "ls", "/srv/data"])).toEqual({ host: "10.0.12.46", command: "ls /srv/data" });
    expect(remoteSpec("ops@10.0.12.46:/srv/data/x")).toEqual({ host: "10.0.12.46", path: "/srv/data/x" });
    expect(remoteSpec("/srv/data/x")).toBeNull();
  });
});
