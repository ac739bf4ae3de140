import { errors } from '@strapi/utils';

/** A refusal the portal can act on: an HTTP status, a stable code and a sentence for people. */
export class AccountError extends errors.ApplicationError {
  constructor(
    readonly status: number,
    code: string,
    message: string,
    extra: Record<string, unknown> = {},
  ) {
    super(message, { code, ...extra });
    Object.defineProperty(this, 'name', { value: NAMES[status] ?? 'ApplicationError' });
  }
}

const NAMES: Record<number, string> = {
  400: 'ValidationError',
  401: 'UnauthorizedError',
  403: 'ForbiddenError',
  404: 'NotFoundError',
  409: 'ConflictError',
  423: 'LockedError',
  429: 'RateLimitError',
};

/** 400 naming each wrong field, as the contract asks. */
export function invalidFields(fields: Record<string, string>): AccountError {
  const names = Object.keys(fields).join(', ');
  return new AccountError(400, 'INPUT_INVALID', `Please correct: ${names}.`, { fields });
}

/** Writes an error in Strapi's shape; the status comes from the error, not from its class. */
export function writeError(ctx: any, error: AccountError): void {
  ctx.status = error.status;
  ctx.body = {
    data: null,
    error: {
      status: error.status,
      name: error.name,
      message: error.message,
      details: error.details,
    },
  };
}

type Action = (ctx: any) => Promise<void>;

/** Wraps a controller action so an AccountError keeps its own status (409, 423, 429, ...). */
export function handle(action: Action): Action {
  return async (ctx) => {
    try {
      await action(ctx);
    } catch (error) {
      if (error instanceof AccountError) return writeError(ctx, error);
      throw error;
    }
  };
}
