// How large a saml.json or IdP metadata file the admin page takes. Client-safe (no server imports):
// the page checks it before sending, the server action again. Below Next.js's 1 MB body limit for
// server actions (next.config.js), which would otherwise refuse a larger file with a bare error.
export const MAX_SAML_UPLOAD_BYTES = 512 * 1024;
