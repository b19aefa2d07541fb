/** The one error shape that crosses from the backend: a code the UI can branch on and a message. */
export type BackendError = { code: string; message: string };
