/**
 * The domain is pure and cannot import node:crypto (its tsconfig has no IO types), yet audit
 * hashing and webhook signing are domain rules. Callers inject the primitive instead.
 */

/** Keyed MAC already bound to its key: returns lowercase hex HMAC-SHA256 of `message`. */
export type Mac = (message: string) => string;

/** HMAC-SHA256 with an explicit key, lowercase hex. */
export type Hmac = (key: string, message: string) => string;

/** SHA-256 of a UTF-8 string, lowercase hex. */
export type Sha256 = (message: string) => string;
