import { e2eState } from "./server";

export default async function globalTeardown() {
  const { pid } = e2eState();
  try {
    process.kill(-pid, "SIGTERM"); // the whole process group: start script, Next and the gate
  } catch {
    // already gone
  }
}
