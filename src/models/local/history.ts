import type { ChatHistoryItem } from "node-llama-cpp";
import type { ChatMessage } from "../types.js";

/** How a local model's tool call is written in its own turn and read back. */
export function toolCallText(name: string, args: unknown): string {
  return JSON.stringify({ tool: name, args });
}

/**
 * The conversation as node-llama-cpp chat history. The model's turns are its tool calls as JSON;
 * tool results come back as the next user turn. Ends with the empty model turn to be generated.
 */
export function toChatHistory(messages: readonly ChatMessage[]): ChatHistoryItem[] {
  const history: ChatHistoryItem[] = [];
  const addUser = (text: string) => {
    const last = history.at(-1);
    if (last?.type === "user") last.text += `\n\n${text}`;
    else history.push({ type: "user", text });
  };
  for (const message of messages) {
    switch (message.role) {
      case "system":
        history.push({ type: "system", text: message.content });
        break;
      case "user":
        addUser(message.content);
        break;
      case "assistant": {
        const parts = message.toolCalls.map((c) => toolCallText(c.name, c.args ?? c.invalidArgs ?? {}));
        history.push({ type: "model", response: parts.length > 0 ? parts : [message.content] });
        break;
      }
      case "tool":
        addUser(`${message.isError ? "Error from" : "Result of"} ${message.toolName}:\n${message.content}`);
        break;
    }
  }
  history.push({ type: "model", response: [] });
  return history;
}
