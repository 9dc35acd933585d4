import { useEffect, useMemo, useRef, useState } from "react";
import type { TranscriptEvent } from "../api.js";
import { Highlight } from "./Highlight.js";

const COLLAPSE_LINES = 30;

function Block({ text, query, className }: { text: string; query: string; className?: string }) {
  const lines = text.split("\n");
  const long = lines.length > COLLAPSE_LINES;
  const [open, setOpen] = useState(false);
  const shown = long && !open && !query ? lines.slice(0, COLLAPSE_LINES).join("\n") : text;
  return (
    <div className={className}>
      <pre>
        <Highlight text={shown} query={query} />
      </pre>
      {long && !query && (
        <button type="button" className="link small" onClick={() => setOpen(!open)}>
          {open ? "show less" : `show all ${lines.length} lines`}
        </button>
      )}
    </div>
  );
}

const args = (value: unknown) => JSON.stringify(value, null, 1).replace(/\n\s*/g, " ");

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The text a step shows, which search looks in. */
function searchable(event: TranscriptEvent): string {
  switch (event.type) {
    case "system":
    case "user":
      return event.content;
    case "assistant":
      return [event.reasoning ?? "", event.content, ...event.toolCalls.map((call) => `${call.name} ${args(call.args)}`)].join("\n");
    case "tool":
      return `${event.toolName}\n${event.output}`;
    case "error":
      return event.message;
    case "end":
      return event.reason;
  }
}

function Body({ event, query }: { event: TranscriptEvent; query: string }) {
  switch (event.type) {
    case "system":
    case "user":
      return <Block text={event.content} query={query} />;
    case "assistant":
      return (
        <>
          {event.reasoning && (
            <div className="reasoning">
              <div className="tag">private reasoning · not shown to anyone in the scenario</div>
              <Block text={event.reasoning} query={query} />
            </div>
          )}
          {event.content && <Block text={event.content} query={query} className="said" />}
          {event.toolCalls.map((call) => (
            <div className="call" key={call.id}>
              <span className="tool-name">{call.name}</span>
              <code>
                <Highlight text={args(call.args)} query={query} />
              </code>
            </div>
          ))}
          <div className="meta">
            {event.usage.inputTokens} in · {event.usage.outputTokens} out{event.usage.reasoningTokens ? ` · ${event.usage.reasoningTokens} reasoning` : ""} · {event.finishReason}
          </div>
        </>
      );
    case "tool":
      return (
        <>
          <div className="call result-of" title={args(event.args)}>
            <span className="tool-name">{event.toolName}</span>
            <code className="muted">{clip(args(event.args), 100)}</code>
          </div>
          <Block text={event.output} query={query} className={event.isError ? "output failed" : "output"} />
        </>
      );
    case "error":
      return (
        <p>
          <Highlight text={event.message} query={query} /> {event.recovered ? <span className="badge">recovered · retried</span> : <span className="badge bad">ended the episode</span>}
        </p>
      );
    case "end":
      return <p className="muted">episode ended: {event.reason.replace(/_/g, " ")}</p>;
  }
}

const TITLES: Record<TranscriptEvent["type"], string> = { system: "System prompt", user: "User", assistant: "Assistant", tool: "Tool result", error: "Error", end: "End" };

export interface TimelineProps {
  events: TranscriptEvent[];
  /** Step to scroll to and mark (from a deep link or an evidence link). */
  focus: number | null;
  /** Labels whose evidence points at each step. */
  markers: Map<number, string[]>;
  /** Link to a step (for the step numbers). */
  stepHref: (step: number) => string;
  compact?: boolean;
}

/** The episode step by step, with search; each step is an anchor (`step-N`). */
export function Timeline({ events, focus, markers, stepHref, compact = false }: TimelineProps) {
  const [query, setQuery] = useState("");
  const [current, setCurrent] = useState(0);
  const root = useRef<HTMLDivElement>(null);
  const needle = query.trim().toLowerCase();
  const matches = useMemo(() => (needle ? events.filter((event) => searchable(event).toLowerCase().includes(needle)).map((event) => event.index) : []), [events, needle]);

  const scrollTo = (step: number) => root.current?.querySelector(`[data-step="${step}"]`)?.scrollIntoView({ block: "center" });
  useEffect(() => {
    if (focus !== null) scrollTo(focus);
  }, [focus, events]);
  useEffect(() => {
    setCurrent(0);
    if (matches[0] !== undefined) scrollTo(matches[0]);
  }, [matches]);
  const move = (delta: number) => {
    if (matches.length === 0) return;
    const next = (current + delta + matches.length) % matches.length;
    setCurrent(next);
    scrollTo(matches[next]!);
  };

  return (
    <div className={`timeline${compact ? " compact" : ""}`} ref={root}>
      <div className="search">
        <input
          type="search"
          placeholder="Search this transcript"
          aria-label="search transcript"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter") move(event.shiftKey ? -1 : 1);
          }}
        />
        {needle && (
          <>
            <span className="muted small" aria-live="polite">
              {matches.length === 0 ? "no match" : `${current + 1} of ${matches.length} steps`}
            </span>
            <button type="button" onClick={() => move(-1)} disabled={matches.length === 0} aria-label="previous match">
              ↑
            </button>
            <button type="button" onClick={() => move(1)} disabled={matches.length === 0} aria-label="next match">
              ↓
            </button>
          </>
        )}
      </div>
      {events.map((event) => {
        const labels = markers.get(event.index);
        const dim = needle !== "" && !matches.includes(event.index);
        return (
          <article
            key={event.index}
            id={`step-${event.index}`}
            data-step={event.index}
            className={`event ev-${event.type}${focus === event.index ? " focused" : ""}${dim ? " dim" : ""}${matches[current] === event.index && needle ? " current" : ""}`}
          >
            <header>
              <a href={stepHref(event.index)} className="step" title="link to this step">
                #{event.index}
              </a>
              <span className="kind">{TITLES[event.type]}</span>
              {labels && labels.map((label) => <span key={label} className="badge evidence" title={`evidence for ${label}`}>{label}</span>)}
            </header>
            <Body event={event} query={needle} />
          </article>
        );
      })}
    </div>
  );
}
