// Code that loads when first used can fail to arrive (a dropped connection, or a server updated
// to a new build since the page loaded): each such place says so in words instead of hanging.
export const LOAD_FAILED_MESSAGE =
  "Part of the playground could not be loaded (the connection dropped, or the server was updated). Reload the page and try again.";
