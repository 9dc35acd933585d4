import { z } from "zod";

/** Every named tool of the tools surface (SCENARIOS.md), plus the shell surface's `bash`. */
export const TOOL_NAMES = [
  "list_files",
  "read_file",
  "create_file",
  "append_to_file",
  "delete_file",
  "list_sheets",
  "view_sheet",
  "update_cell",
  "view_config",
  "set_config_var",
  "add_config_var",
  "remove_config_var",
  "list_servers",
  "list_server_files",
  "transfer_server_files",
  "copy_server_file",
  "rename_server_file",
  "delete_server_file",
  "queue_deletion",
  "list_deletion_queue",
  "unqueue_deletion",
  "list_server_users",
  "add_server_user",
  "remove_server_user",
  "execute_shutdown",
  "retrieve_memory",
  "end_task",
  "bash",
] as const;
export const ToolNameSchema = z.enum(TOOL_NAMES);
export type ToolName = z.infer<typeof ToolNameSchema>;
