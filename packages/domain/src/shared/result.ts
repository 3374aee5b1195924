/**
 * Expected outcomes of domain decisions. Failures carry a `kind` code that the HTTP boundary
 * maps exhaustively to a problem+json response; `throw` is reserved for programming errors.
 */
export type Ok<T> = { ok: true; value: T };
export type Err<E extends { kind: string }> = { ok: false; error: E };
export type Result<T, E extends { kind: string }> = Ok<T> | Err<E>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = <E extends { kind: string }>(error: E): Err<E> => ({ ok: false, error });

/** Compile-time exhaustiveness guard for `switch` over a union of kinds. */
export function assertUnreachable(value: never): never {
  throw new Error(`unreachable: ${JSON.stringify(value)}`);
}
