import type { ErrorCode, FieldIssue } from '../../shared/result';

/** A request the handler will not carry out, with the reason a user should read. */
export class Refusal extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, 'internal'>,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = 'Refusal';
  }
}

export const notFound = (what: string) => new Refusal('not_found', `${what} does not exist`);

/** A refusal that belongs to one field of the input, so a form can show it beside that field. */
export const fieldRefusal = (code: Exclude<ErrorCode, 'internal'>, path: string, message: string) =>
  new Refusal(code, message, [{ path, message }]);
