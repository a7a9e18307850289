// The one-time QR code's payload (beyond Carbonio). It keeps the documented shape of the
// mobile-app QR but carries a single-use token valid ten minutes instead of a long-lived password;
// the app trades the token for its own credential at `redeem_url` (POST {"token": …}).
export const QR_LOGIN_REDEEM_PATH = "/api/mobile/qr-login";

export type OneTimeQrPayload = {
  auth_method: "one_time_token";
  auth_payload: { user: string; token: string };
  auth_endpoint: [{ url: string }];
  redeem_url: string;
  expires_at: string;
};

export function oneTimeQrPayload(input: { user: string; token: string; publicUrl: string; expiresAt: Date }): {
  payload: OneTimeQrPayload;
  json: string;
} {
  const payload: OneTimeQrPayload = {
    auth_method: "one_time_token",
    auth_payload: { user: input.user, token: input.token },
    auth_endpoint: [{ url: input.publicUrl }],
    redeem_url: `${input.publicUrl}${QR_LOGIN_REDEEM_PATH}`,
    expires_at: input.expiresAt.toISOString(),
  };
  return { payload, json: JSON.stringify(payload) };
}
