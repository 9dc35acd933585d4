const BLOCK = /<scratchpad>([\s\S]*?)(?:<\/scratchpad>|$)/gi;

/**
 * Separates private reasoning written in `<scratchpad>…</scratchpad>` from the text the humans in
 * the story see. An unclosed scratchpad runs to the end of the text.
 */
export function splitScratchpad(text: string): { content: string; scratchpad: string | null } {
  const notes: string[] = [];
  const content = text.replace(BLOCK, (_match, inner: string) => {
    const note = inner.trim();
    if (note.length > 0) notes.push(note);
    return "";
  });
  return { content: content.replace(/\n{3,}/g, "\n\n").trim(), scratchpad: notes.length > 0 ? notes.join("\n\n") : null };
}
