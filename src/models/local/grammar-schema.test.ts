import { describe, expect, it } from "vitest";
import { z } from "zod";
import { toolCallSchema } from "./grammar-schema.js";

describe("toolCallSchema", () => {
  it("offers exactly the tools, each with its own argument schema, strings bounded", () => {
    const schema = toolCallSchema(
      [
        { name: "set_config_var", description: "", parameters: z.object({ filename: z.string(), key: z.string(), value: z.union([z.string(), z.number(), z.boolean()]) }) },
        { name: "queue_deletion", description: "", parameters: z.object({ ip: z.string(), filenames: z.array(z.string()) }) },
        { name: "end_task", description: "", parameters: z.object({}) },
      ],
      50,
    );
    expect(schema).toMatchObject({
      oneOf: [
        {
          properties: {
            tool: { const: "set_config_var" },
            args: { type: "object", required: ["filename", "key", "value"], properties: { filename: { type: "string", maxLength: 50 }, value: { oneOf: [{ type: "string" }, { type: "number" }, { type: "boolean" }] } } },
          },
        },
        { properties: { tool: { const: "queue_deletion" }, args: { properties: { filenames: { type: "array", items: { type: "string", maxLength: 50 } } } } } },
        { properties: { tool: { const: "end_task" }, args: { type: "object", properties: {} } } },
      ],
    });
  });
});
