import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";

// A WebAuthn authenticator in software for the database tests: it makes a P-256 key pair per
// passkey and answers registration ("none" attestation) and authentication exactly as the spec
// lays the bytes out, so @simplewebauthn/server checks real signatures. The browser tests use
// Chromium's own virtual authenticator instead.

const b64url = (b: Uint8Array) => Buffer.from(b).toString("base64url");
const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest();

// The little CBOR the attestation object and COSE key need: ints, byte and text strings, maps.
function head(major: number, n: number): Buffer {
  if (n < 24) return Buffer.from([(major << 5) | n]);
  if (n < 256) return Buffer.from([(major << 5) | 24, n]);
  if (n < 65536) return Buffer.from([(major << 5) | 25, n >> 8, n & 255]);
  const b = Buffer.alloc(5);
  b[0] = (major << 5) | 26;
  b.writeUInt32BE(n, 1);
  return b;
}
type Cbor = number | string | Uint8Array | Map<number | string, Cbor>;
function cbor(v: Cbor): Buffer {
  if (typeof v === "number") return v >= 0 ? head(0, v) : head(1, -1 - v);
  if (typeof v === "string") return Buffer.concat([head(3, Buffer.byteLength(v)), Buffer.from(v)]);
  if (v instanceof Uint8Array) return Buffer.concat([head(2, v.length), Buffer.from(v)]);
  return Buffer.concat([head(5, v.size), ...[...v].flatMap(([k, x]) => [cbor(k), cbor(x)])]);
}

export type SoftPasskey = { credentialId: Buffer; privateKey: KeyObject; cose: Buffer; userHandle: string; counter: number };

export class SoftAuthenticator {
  readonly passkeys: SoftPasskey[] = [];
  /** Counter step per use; 0 = an authenticator that keeps no counter (as synced passkeys do). */
  constructor(
    private readonly origin: string,
    private readonly rpId: string,
    private readonly step = 1,
  ) {}

  private authData(flags: number, counter: number, attested?: Buffer): Buffer {
    const c = Buffer.alloc(4);
    c.writeUInt32BE(counter);
    return Buffer.concat([sha256(this.rpId), Buffer.from([flags]), c, ...(attested ? [attested] : [])]);
  }

  private clientData(type: string, challenge: string, origin = this.origin): Buffer {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  /** Answers navigator.credentials.create() options (as startPasskeyRegistration returns them). */
  register(options: { challenge: string; user: { id: string } }, opts: { origin?: string; reuse?: SoftPasskey } = {}) {
    let passkey = opts.reuse;
    if (!passkey) {
      const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
      const jwk = publicKey.export({ format: "jwk" });
      const cose = cbor(
        new Map<number, Cbor>([
          [1, 2], // kty: EC2
          [3, -7], // alg: ES256
          [-1, 1], // crv: P-256
          [-2, Buffer.from(jwk.x!, "base64url")],
          [-3, Buffer.from(jwk.y!, "base64url")],
        ]),
      );
      passkey = { credentialId: randomBytes(16), privateKey, cose, userHandle: options.user.id, counter: 0 };
      this.passkeys.push(passkey);
    }
    const idLength = Buffer.from([passkey.credentialId.length >> 8, passkey.credentialId.length & 255]);
    const attested = Buffer.concat([Buffer.alloc(16), idLength, passkey.credentialId, passkey.cose]);
    // UP | UV | AT
    const authData = this.authData(0x01 | 0x04 | 0x40, passkey.counter, attested);
    const attestationObject = cbor(
      new Map<string, Cbor>([
        ["fmt", "none"],
        ["attStmt", new Map()],
        ["authData", authData],
      ]),
    );
    return {
      id: b64url(passkey.credentialId),
      rawId: b64url(passkey.credentialId),
      type: "public-key",
      clientExtensionResults: {},
      authenticatorAttachment: "platform",
      response: {
        clientDataJSON: b64url(this.clientData("webauthn.create", options.challenge, opts.origin)),
        attestationObject: b64url(attestationObject),
        transports: ["internal"],
      },
    };
  }

  /** Answers navigator.credentials.get() options with `passkey` (default: the first one). */
  authenticate(
    options: { challenge: string },
    opts: { passkey?: SoftPasskey; origin?: string; counter?: number; userVerified?: boolean } = {},
  ) {
    const passkey = opts.passkey ?? this.passkeys[0];
    passkey.counter = opts.counter ?? passkey.counter + this.step;
    const authData = this.authData(0x01 | (opts.userVerified === false ? 0 : 0x04), passkey.counter);
    const clientDataJSON = this.clientData("webauthn.get", options.challenge, opts.origin);
    const signature = sign("sha256", Buffer.concat([authData, sha256(clientDataJSON)]), passkey.privateKey);
    return {
      id: b64url(passkey.credentialId),
      rawId: b64url(passkey.credentialId),
      type: "public-key",
      clientExtensionResults: {},
      response: {
        clientDataJSON: b64url(clientDataJSON),
        authenticatorData: b64url(authData),
        signature: b64url(signature),
        userHandle: passkey.userHandle,
      },
    };
  }
}
