// Where the end-to-end server listens. E2E_PORT and E2E_GATE_PORT move it, so two checkouts on one
// machine can run their suites side by side.
export const E2E_PORT = Number(process.env.E2E_PORT || 3100);
export const E2E_GATE_PORT = Number(process.env.E2E_GATE_PORT || 7172);
// localhost, not 127.0.0.1: browsers refuse WebAuthn (passkeys) on an IP address, and treat
// localhost as a secure context. The server still listens on 127.0.0.1 alone.
export const E2E_BASE_URL = `http://localhost:${E2E_PORT}`;
