// What a fake fetch needs from its arguments (not a test file).

/** The URL a fetch call asks for, whichever form it was given in. */
export const urlOf = (input: RequestInfo | URL): URL => new URL(input instanceof Request ? input.url : input);
