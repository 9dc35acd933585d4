/**
 * A mistake in what the user asked for (bad flag, unknown scenario, invalid combination, a study
 * that does not exist). The CLI prints only the message and exits with code 2; nothing is written.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UserError";
  }
}
