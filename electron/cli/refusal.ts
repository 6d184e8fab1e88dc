/** A command refused (exit 2), with the reason on stderr and nothing changed. */
export class CliRefusal extends Error {
  constructor(
    message: string,
    /** Further lines for stderr, such as every bad row of an import. */
    readonly details: string[] = [],
  ) {
    super(message);
  }
}
