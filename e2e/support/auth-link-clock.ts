import { spawnSync } from "node:child_process";
import path from "node:path";
import { e2eState } from "./server";

/** A temporary auth link created `hoursAgo` hours ago against the e2e database (clock injected): its URL. */
export function createAuthLinkHoursAgo(email: string, hoursAgo: number): string {
  const root = path.join(__dirname, "..", "..");
  const r = spawnSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", path.join(__dirname, "create-auth-link-at.ts"), email, String(hoursAgo)],
    {
      cwd: root,
      encoding: "utf8",
      env: {
        ...process.env,
        LOG_LEVEL: "warn",
        DATA_DIR: e2eState().dataDir,
        DATABASE_URL: "",
        PUBLIC_URL: e2eState().baseUrl,
        TSX_TSCONFIG_PATH: path.join(root, "tsconfig.json"),
      },
      timeout: 60_000,
    },
  );
  if (r.status !== 0) throw new Error(`could not create an auth link for ${email}: ${r.stderr}`);
  return r.stdout.trim();
}
